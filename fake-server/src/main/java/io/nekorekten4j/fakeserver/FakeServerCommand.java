package io.nekorekten4j.fakeserver;

import io.nekorekten4j.ports.QuotaPlan;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The command line of the fake server: starts a {@link FakeServer}, prints the URI it listens on
 * and serves until Ctrl-C.
 *
 * <pre>
 * java -jar fake-server/target/nekorekten4j-fake-server.jar --port 8089 --seed-demo --key demo-key
 * </pre>
 *
 * Exit codes: 0 when stopped (or after {@code --help}), 2 when the port cannot be bound or for a
 * usage error. Another command line (the CLI's {@code fake-server} subcommand) may add this class
 * as a subcommand.
 */
@Command(name = "nekorekten4j-fake-server", sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Serves an in-memory fake of the nekorekten.com API on 127.0.0.1, over the",
            "real wire protocol: GET/POST /api/v1/reports, PATCH/DELETE",
            "/api/v1/reports/{id}, POST /api/v1/files, GET /api/v1/cities; the Api-Key",
            "header, the live response envelope, masking, pages of 20 and the service's",
            "errors. Point a client at the printed URI instead of",
            "https://api.nekorekten.com. Nothing leaves this machine; the keys are the",
            "fake's own, never real nekorekten.com keys. Stop it with Ctrl-C.", ""},
        footer = {"", "Example:",
            "  java -jar nekorekten4j-fake-server.jar --port 8089 --seed-demo --key demo-key",
            "  curl -H 'Api-Key: demo-key' \\",
            "       'http://127.0.0.1:8089/api/v1/reports?phone=359888123456'",
            "", "Exit codes: 0 stopped, 2 usage error or cannot listen on the port (in use),",
            "130 Ctrl-C before the server was up."})
public final class FakeServerCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + FakeServer.DEFAULT_PORT,
            description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}); 0 picks a free port.")
    int port;

    @Option(names = "--seed-demo",
            description = "Store the twelve demo reports first (e.g. phone 0888 123 456, e-mail ivan@example.bg).")
    boolean seedDemo;

    @Option(names = "--key", paramLabel = "KEY",
            description = "Accept this API key (repeatable). Without --key, every non-blank key is accepted;"
                    + " with it, other keys get 401.")
    List<String> keys = new ArrayList<>();

    @Option(names = "--refuse-key", paramLabel = "KEY",
            description = "Answer this key 401, as a revoked key (repeatable).")
    List<String> refusedKeys = new ArrayList<>();

    @Option(names = "--refuse-ip", paramLabel = "KEY=IP",
            description = "Answer this key 403 naming IP, as a key used from an address not on its whitelist"
                    + " (repeatable), e.g. --refuse-ip shop-key=203.0.113.7.")
    Map<String, String> refusedIps = new LinkedHashMap<>();

    @Option(names = "--plan", paramLabel = "PLAN",
            description = "Simulate a plan's quota per key: free (5/min, 30/day), start (10/min, 100/day),"
                    + " standard (20/min, 300/day), business (60/min, 1000/day) or default (10/min)."
                    + " Without it, no quota.")
    String plan;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Spec
    CommandSpec spec;

    /** The exit code when the port cannot be bound: a usage problem (pick another port), as for the nekorekten CLI. */
    static final int CANNOT_LISTEN = 2;

    private final CountDownLatch stopped = new CountDownLatch(1);

    /** For picocli. */
    public FakeServerCommand() {
    }

    /** Runs the command line and exits with its code when it fails; a running server keeps the JVM up. */
    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The command line, ready to {@code execute}: for embedding as a subcommand or in tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new FakeServerCommand());
    }

    /**
     * The server the options describe, not started.
     *
     * @throws ParameterException when an option's value is refused (an unknown plan, a bad port or IP)
     */
    FakeServer.Builder toBuilder() {
        try {
            FakeServer.Builder b = FakeServer.builder().port(port);
            if (plan != null) {
                b.quota(QuotaPlan.preset(plan));
            }
            keys.forEach(b::acceptKey);
            refusedKeys.forEach(b::refuseKey);
            refusedIps.forEach(b::refuseFromIp);
            if (seedDemo) {
                b.seedDemoData();
            }
            return b;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** Starts the server, says where, and serves until the JVM is asked to stop. */
    @Override
    public Integer call() {
        FakeServer server;
        try {
            server = toBuilder().build().start();
        } catch (UncheckedIOException e) {
            spec.commandLine().getErr().println("nekorekten4j fake server: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return CANNOT_LISTEN;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "nekorekten4j-fake-server-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("nekorekten4j fake server listening on " + server.uri());
        out.println("  keys: " + (keys.isEmpty() ? "any non-blank Api-Key" : keys.size() + " accepted")
                + ", quota: " + (plan == null ? "none" : QuotaPlan.preset(plan).name())
                + ", reports: " + server.fake().reportCount() + ". Ctrl-C stops it.");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
        return 0;
    }
}
