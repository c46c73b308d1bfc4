package io.nekorekten4j.cli;

import io.nekorekten4j.ports.QuotaPlan;
import io.nekorekten4j.ports.screening.Buyer;
import io.nekorekten4j.ports.screening.Screening;
import io.nekorekten4j.ports.screening.ScreeningResult;
import io.nekorekten4j.ports.screening.Verdict;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nekorekten screen}: the verdict on one buyer (one request), or on every buyer of a CSV
 * file, with progress, an ETA from the quota and a summary.
 */
@Command(name = "screen", mixinStandardHelpOptions = true,
        description = {
            "Screen a buyer before shipping, or every buyer of a CSV file.",
            "",
            "One request for all of --phone, --email, --name and --site (a report about any of them "
                    + "counts). Prints the verdict - FOUND, NOT FOUND, or NOT CHECKED with the reason (never "
                    + "a false \"clean\") - and the reports, each marked with what it matched: CERTAIN, or "
                    + "COMPATIBLE_WITH_MASK for the names and e-mails the service masks.",
            "",
            "With --csv FILE, screens every row of a CSV file: UTF-8 (with or without a byte-order mark) "
                    + "or Windows-1251, detected (or --encoding); separated by ; , or tab, detected (or --separator); "
                    + "the buyer read from the columns whose header says phone/телефон, email/имейл, name/име "
                    + "(and last name/фамилия), site/сайт. Each row is written as soon as it is decided - every input "
                    + "column in its order, then line, verdict (FOUND, NOT_FOUND, NOT_CHECKED, INVALID), reports, "
                    + "matched, report_ids, reason - as CSV to --out FILE or stdout, or as JSON Lines (--json). "
                    + "A bad row is written INVALID and named on stderr by its line; the run goes on. Ctrl-C keeps "
                    + "what is written and prints a summary; --resume continues --out FILE, keeping the rows "
                    + "decided and asking NOT_CHECKED ones again. Progress: a bar when stderr is a terminal, else a "
                    + "log line every 100 rows or 30 s; --quiet for none.",
            ""})
final class ScreenCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--phone", paramLabel = "PHONE", description = "The buyer's phone as typed (Bulgaria by default).")
    private String phone;

    @Option(names = "--email", paramLabel = "EMAIL", description = "The buyer's e-mail.")
    private String email;

    @Option(names = "--name", paramLabel = "NAME", description = "The buyer's name.")
    private String name;

    @Option(names = "--site", paramLabel = "URL", description = "The buyer's web site or Facebook address.")
    private String site;

    @Option(names = "--csv", paramLabel = "FILE", description = "Screen every row of this CSV file instead.")
    private Path csv;

    @Option(names = "--out", paramLabel = "FILE", description = "With --csv: write the results to FILE instead of stdout.")
    private Path outFile;

    @Option(names = "--resume", description = "With --csv and --out: continue the results in --out FILE of an "
            + "interrupted run: rows FOUND or NOT_FOUND are kept without a request, the others screened.")
    private boolean resume;

    @Option(names = "--encoding", paramLabel = "CHARSET", converter = EncodingConverter.class,
            description = "With --csv: the file's encoding, e.g. utf-8 or windows-1251 (default: detected).")
    private Charset encoding;

    @Option(names = "--separator", paramLabel = "CHAR", converter = SeparatorConverter.class,
            description = "With --csv: the separator: ';', ',' or tab (default: detected from the header line).")
    private Character separator;

    @Option(names = "--no-progress", description = "With --csv: no progress on stderr (the summary stays).")
    private boolean noProgress;

    @Option(names = "--fail-on-match", description = "Exit with 1 when any buyer is FOUND (for shell pipelines).")
    private boolean failOnMatch;

    /** Screens and prints. */
    @Override
    public Integer call() {
        boolean single = phone != null || email != null || name != null || site != null;
        if (csv != null && single) {
            throw new UsageException("give either --csv FILE or the buyer's --phone/--email/--name/--site, not both");
        }
        if (csv == null) {
            for (Map.Entry<String, Boolean> option : Map.of("--out", outFile != null, "--resume", resume,
                    "--encoding", encoding != null, "--separator", separator != null).entrySet()) {
                if (option.getValue()) {
                    throw new UsageException(option.getKey() + " needs --csv");
                }
            }
        }
        if (resume && outFile == null) {
            throw new UsageException("--resume needs --out FILE: it continues the results in that file");
        }
        if (resume && RootCommand.of(spec).options().json()) {
            throw new UsageException("--resume continues a CSV results file: leave out --json");
        }
        return csv != null ? screenFile() : screenOne();
    }

    private int screenOne() {
        Buyer buyer = Buyer.builder().phone(phone).email(email).name(name).site(site).build();
        RootCommand root = RootCommand.of(spec);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScreeningResult result;
        boolean demo;
        try (ApiConnection connection = root.connect(err)) {
            demo = connection.embedded();
            result = screening(connection).screen(buyer);
        }
        if (root.options().json()) {
            JsonOutput.write(json(result, Optional.empty()), demo, out);
        } else {
            Demo.printNotice(demo, out);
            printHuman(result, out);
        }
        if (result.failure().isPresent()) {
            err.println(ErrorMessages.of(result.failure().get()));
            return ExitCode.of(result.failure().get());
        }
        return failOnMatch && result.verdict() == Verdict.FOUND ? ExitCode.FOUND : ExitCode.OK;
    }

    private int screenFile() {
        RootCommand root = RootCommand.of(spec);
        GlobalOptions options = root.options();
        CsvScreening.Request request = new CsvScreening.Request(csv, Optional.ofNullable(outFile), resume,
                options.json(), Optional.ofNullable(encoding), Optional.ofNullable(separator), failOnMatch, options.quiet());
        CsvScreening.check(request); // a missing file or a header without buyer columns: before connecting
        PrintWriter err = spec.commandLine().getErr();
        try (ApiConnection connection = root.connect(err)) {
            return new CsvScreening(request, connection, spec.commandLine().getOut(), err, progress(options, err),
                    CsvScreening.ExitHooks.jvm()).run();
        }
    }

    private BatchProgress progress(GlobalOptions options, PrintWriter err) {
        if (options.quiet() || noProgress) {
            return BatchProgress.none();
        }
        return RootCommand.of(spec).terminal() ? new ProgressBar(err)
                : new ProgressLog(err, Clock.systemUTC(), ProgressLog.EVERY_ROWS, ProgressLog.EVERY);
    }

    private static Screening screening(ApiConnection connection) {
        // The embedded fake answers at once: an ETA from a real plan's pace would be fiction.
        QuotaPlan pace = connection.embedded() ? QuotaPlan.perMinute(Integer.MAX_VALUE) : connection.plan();
        return Screening.of(connection.api(), pace);
    }

    /** The number of reports as far as it is known: {@code 3}, or {@code 20+} when the total was not said; "?" when not checked. */
    static String count(ScreeningResult r) {
        if (r.verdict() == Verdict.NOT_CHECKED) {
            return "?";
        }
        if (r.totalCount().isPresent()) {
            return Long.toString(r.totalCount().getAsLong());
        }
        return r.minimumCount() + "+";
    }

    private static void printHuman(ScreeningResult result, PrintWriter out) {
        String who = describe(result.buyer());
        switch (result.verdict()) {
            case FOUND -> {
                long count = result.minimumCount();
                out.println("FOUND: " + count(result) + (count == 1 ? " report" : " reports") + " about " + who);
                ReportViews.printTable(result.hits(), out);
                if (result.mayHaveMoreReports()) {
                    out.println("Shown: the newest " + result.hits().size()
                            + (result.totalCount().isPresent() ? " of " + count(result) : "; there may be more")
                            + "; see the rest with: nekorekten search --mode one-of ... --page 2");
                }
            }
            case NOT_FOUND -> out.println("NOT FOUND: no reports about " + who);
            case NOT_CHECKED -> out.println("NOT CHECKED: nothing is known about " + who + " - "
                    + ErrorMessages.oneLine(result.notCheckedReason().orElse("")));
            default -> throw new IllegalStateException("unknown verdict " + result.verdict());
        }
    }

    /** {@code phone +359888123456, email ivan@example.bg}: the buyer as the user gave it, normalised. */
    static String describe(Buyer buyer) {
        List<String> parts = new ArrayList<>();
        buyer.phone().ifPresent(p -> parts.add("phone " + p.e164()));
        buyer.email().ifPresent(e -> parts.add("email " + e.value()));
        buyer.name().ifPresent(n -> parts.add("name " + n.value()));
        buyer.site().ifPresent(s -> parts.add("site " + s.value()));
        return String.join(", ", parts);
    }

    private static JsonObject json(ScreeningResult result, Optional<Integer> line) {
        JsonObjectBuilder o = Json.createObjectBuilder();
        line.ifPresent(l -> o.add("line", l));
        Buyer buyer = result.buyer();
        JsonObjectBuilder b = Json.createObjectBuilder();
        ReportViews.put(b, "phone", buyer.phone().map(p -> p.e164()));
        ReportViews.put(b, "email", buyer.email().map(e -> e.value()));
        ReportViews.put(b, "name", buyer.name().map(n -> n.value()));
        ReportViews.put(b, "site", buyer.site().map(s -> s.value()));
        o.add("buyer", b).add("verdict", result.verdict().name());
        if (result.totalCount().isPresent() && result.verdict() != Verdict.NOT_CHECKED) {
            o.add("totalCount", result.totalCount().getAsLong());
        } else {
            // Not checked: nothing is known, and a 0 would read as a clean buyer to a script. Otherwise
            // the service did not say its total: never the hits counted here.
            o.addNull("totalCount");
        }
        ReportViews.put(o, "code", result.failure().map(f -> f.code().name()));
        ReportViews.put(o, "reason", result.notCheckedReason().map(ErrorMessages::oneLine));
        JsonArrayBuilder reports = Json.createArrayBuilder();
        result.hits().forEach(h -> reports.add(ReportViews.json(h)));
        return o.add("reports", reports).build();
    }

    /** Converts {@code --encoding} values: any charset the JVM knows. */
    static final class EncodingConverter implements CommandLine.ITypeConverter<Charset> {
        /** The charset named {@code value}. */
        @Override
        public Charset convert(String value) {
            try {
                return Charset.forName(value.strip());
            } catch (IllegalArgumentException unknown) {
                throw new CommandLine.TypeConversionException("unknown encoding '" + value
                        + "': e.g. utf-8 or windows-1251");
            }
        }
    }

    /** Converts {@code --separator} values: one character, or {@code tab}. */
    static final class SeparatorConverter implements CommandLine.ITypeConverter<Character> {
        /** The separator {@code value} names. */
        @Override
        public Character convert(String value) {
            if (value.equalsIgnoreCase("tab") || value.equals("\\t") || value.equals("\t")) {
                return '\t';
            }
            if (value.length() != 1 || value.equals("\"") || value.equals("\n") || value.equals("\r")) {
                throw new CommandLine.TypeConversionException("expected one character such as ';' or ',', or tab, got '"
                        + value + "'");
            }
            return value.charAt(0);
        }
    }
}
