package io.nekorekten4j.cli;

import io.nekorekten4j.diagnostics.Check;
import io.nekorekten4j.diagnostics.Diagnostics;
import io.nekorekten4j.diagnostics.DiagnosticsReport;
import io.nekorekten4j.diagnostics.PlannedRequest;
import io.nekorekten4j.diagnostics.Status;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.ValidationException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nekorekten doctor}: checks a real key, its IP whitelist, reachability and the live wire
 * contract with at most two requests ({@link Diagnostics}). Its exit codes are its own, for
 * monitoring: see {@link #HELP_FOOTER}.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {
            "Check a real API key against the service, spending at most two requests.",
            "",
            "  1. GET /api/v1/cities - 1 request of the per-minute limit (whether it counts against the "
                    + "daily lookups is unknown): the key, the IP whitelist, time to first byte, the answer's shape.",
            "  2. GET /api/v1/reports?name=Иван&searchMode=all - 1 request and 1 lookup of the daily quota, "
                    + "only if the first succeeded: the search answer's shape, report by report.",
            "",
            "Before them, free: DNS, a TCP connection and a TLS handshake with the service's host. Every "
                    + "difference from the written contract (openapi/nekorekten-api.yaml) is marked by what the "
                    + "library does with it: ignored, tolerated, breaks parsing, or could hide reports (a failure). "
                    + "--dry-run prints the requests and sends nothing; it needs no key. --demo does not apply: "
                    + "doctor only ever checks a real key against a real service.",
            ""},
        footer = {
            "",
            "Exit codes of doctor (for monitoring):",
            "  0   every check ok",
            "  1   warnings only (e.g. the service added a field; the library copes)",
            "  2   usage: bad options or arguments, an unreadable key file",
            "  4   the key was refused, or this machine's IP is not on the key's whitelist",
            "  5   not checked: the key's quota allowed no request now",
            "  6   the service cannot be reached (DNS, TCP, TLS) or did not answer",
            "  7   no API key (doctor checks a real key; --dry-run needs none)",
            "  9   the service's answers changed so that the library breaks or could hide reports",
        })
final class DoctorCommand implements Callable<Integer> {

    /** Warnings only. */
    static final int WARNINGS = 1;
    /** The contract drifted in a way the library cannot read around. */
    static final int CONTRACT_BROKEN = 9;

    @Spec
    private CommandSpec spec;

    @Option(names = "--dry-run", description = "Print the requests that would be sent, and their cost; send nothing.")
    private boolean dryRun;

    @Option(names = "--probe-name", paramLabel = "NAME", defaultValue = Diagnostics.DEFAULT_PROBE_NAME,
            description = "The name the probe search asks for (default: ${DEFAULT-VALUE}, likely to find reports"
                    + " whose shape can be checked).")
    private String probeName;

    /** Runs the doctor, or prints its plan. */
    @Override
    public Integer call() {
        RootCommand root = RootCommand.of(spec);
        GlobalOptions options = root.options();
        PrintWriter out = spec.commandLine().getOut();
        if (options.demo()) {
            // --demo promises that no key is used and nothing reaches nekorekten.com; doctor exists to do
            // both, so it refuses rather than quietly check the real service with the key in the environment.
            throw new UsageException("doctor checks a real key against the real service: --demo does not apply"
                    + " (doctor --dry-run shows the requests without sending any)");
        }
        SearchCriteria probe = probe();
        if (dryRun) {
            printPlan(Diagnostics.plan(probe), options.json(), out);
            return ExitCode.OK;
        }
        Optional<String> given = root.apiKey();
        if (given.isEmpty()) {
            spec.commandLine().getErr().println("error: doctor checks a real key: set NEKOREKTEN_API_KEY or give"
                    + " --api-key-file FILE (--dry-run needs none)");
            spec.commandLine().getErr().flush();
            return ExitCode.NO_KEY;
        }
        String key = given.get();
        Diagnostics.Builder doctor = Diagnostics.builder().apiKey(key).quota(options.plan()).probe(probe);
        options.baseUri().ifPresent(doctor::baseUri);
        DiagnosticsReport report;
        try {
            report = doctor.build().run();
        } catch (ValidationException invalid) {
            throw new UsageException(invalid.getMessage());
        }
        out.print(options.json() ? report.toJson() : report.toText());
        out.flush();
        return exitCode(report);
    }

    private SearchCriteria probe() {
        try {
            return SearchCriteria.builder().name(probeName).build();
        } catch (ValidationException invalid) {
            throw new UsageException("--probe-name: " + invalid.getMessage());
        }
    }

    /** The exit code of a report: the most urgent failure wins. */
    static int exitCode(DiagnosticsReport report) {
        if (failed(report, "key") || failed(report, "ip-whitelist")) {
            return ExitCode.KEY_REFUSED;
        }
        if (failed(report, "dns") || failed(report, "tcp") || failed(report, "tls") || failed(report, "http")) {
            return ExitCode.UNAVAILABLE;
        }
        if (failed(report, "contract.cities") || failed(report, "contract.search")) {
            return CONTRACT_BROKEN;
        }
        Optional<Check> key = report.check("key");
        if (key.isPresent() && key.get().status() == Status.WARNING && key.get().summary().startsWith("not checked")) {
            return ExitCode.RATE_LIMITED;
        }
        return report.overall() == Status.OK ? ExitCode.OK : WARNINGS;
    }

    private static boolean failed(DiagnosticsReport report, String id) {
        return report.check(id).map(c -> c.status() == Status.FAILURE).orElse(false);
    }

    private static void printPlan(List<PlannedRequest> plan, boolean json, PrintWriter out) {
        if (json) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            plan.forEach(r -> array.add(Json.createObjectBuilder().add("method", r.method()).add("target", r.target())
                    .add("cost", r.cost()).add("checks", r.why())));
            JsonOutput.write(Json.createObjectBuilder().add("dryRun", true).add("requests", array).build(), out);
            return;
        }
        out.println("doctor --dry-run: nothing is sent. A run sends at most these requests, with the key in the"
                + " Api-Key header only:");
        for (int i = 0; i < plan.size(); i++) {
            out.println("  " + (i + 1) + ". " + plan.get(i));
        }
        out.flush();
    }
}
