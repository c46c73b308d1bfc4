package io.nekorekten4j.cli;

import io.nekorekten4j.domain.MatchCertainty;
import io.nekorekten4j.domain.SearchField;
import io.nekorekten4j.domain.SearchHit;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.QuotaPlan;
import io.nekorekten4j.ports.screening.Buyer;
import io.nekorekten4j.ports.screening.Screening;
import io.nekorekten4j.ports.screening.ScreeningProgress;
import io.nekorekten4j.ports.screening.ScreeningResult;
import io.nekorekten4j.ports.screening.Verdict;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
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
            "With --csv FILE, screens every buyer of a CSV file (UTF-8; columns found by their header: "
                    + "phone, email, name, site; other columns ignored): one request per distinct buyer, a "
                    + "progress bar with an ETA from the quota on stderr, results as CSV (to --out FILE or "
                    + "stdout) or JSON (--json), and a summary on stderr. A buyer not checked makes the exit "
                    + "code that of its failure.",
            ""})
final class ScreenCommand implements Callable<Integer> {

    private static final List<String> RESULT_COLUMNS = List.of(
            "line", "phone", "email", "name", "site", "verdict", "reports", "matched", "report_ids", "reason");

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

    @Option(names = "--csv", paramLabel = "FILE", description = "Screen every buyer of this CSV file instead.")
    private Path csv;

    @Option(names = "--out", paramLabel = "FILE", description = "With --csv: write the results to FILE instead of stdout.")
    private Path outFile;

    @Option(names = "--no-progress", description = "With --csv: no progress bar on stderr.")
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
        if (outFile != null && csv == null) {
            throw new UsageException("--out needs --csv");
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
        List<BuyerCsv.Entry> entries = BuyerCsv.buyers(readCsv(csv));
        RootCommand root = RootCommand.of(spec);
        PrintWriter err = spec.commandLine().getErr();
        List<ScreeningResult> results;
        ProgressBar progress = new ProgressBar(err, !noProgress);
        boolean demo;
        try (ApiConnection connection = root.connect(err)) {
            demo = connection.embedded();
            List<Buyer> buyers = entries.stream().map(BuyerCsv.Entry::buyer).toList();
            results = screening(connection).screenAll(buyers, progress);
        }
        Summary summary = Summary.of(results, progress.last().map(ScreeningProgress::requestsSent).orElse(0));
        if (outFile != null) {
            try (PrintWriter file = new PrintWriter(new OutputStreamWriter(Files.newOutputStream(outFile), StandardCharsets.UTF_8))) {
                writeResults(entries, results, summary, root.options().json(), demo, file);
                if (file.checkError()) {
                    throw new UsageException("cannot write " + outFile);
                }
            } catch (IOException unwritable) {
                throw new UsageException("cannot write " + outFile + ": " + unwritable.getClass().getSimpleName());
            }
        } else {
            writeResults(entries, results, summary, root.options().json(), demo, spec.commandLine().getOut());
        }
        err.println(summary.line() + (outFile == null ? "" : " Results in " + outFile + "."));
        Optional<NekorektenException> failure = results.stream().flatMap(r -> r.failure().stream()).findFirst();
        if (failure.isPresent()) {
            err.println(ErrorMessages.of(failure.get()).replaceFirst("^error: ",
                    "error: " + summary.notChecked() + " not checked: "));
            return ExitCode.of(failure.get());
        }
        return failOnMatch && summary.found() > 0 ? ExitCode.FOUND : ExitCode.OK;
    }

    private static Screening screening(ApiConnection connection) {
        // The embedded fake answers at once: an ETA from a real plan's pace would be fiction.
        QuotaPlan pace = connection.embedded() ? QuotaPlan.perMinute(Integer.MAX_VALUE) : connection.plan();
        return Screening.of(connection.api(), pace);
    }

    private static List<CsvReader.Row> readCsv(Path file) {
        try {
            return CsvReader.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException missing) {
            throw new UsageException("cannot read " + file + ": no such file");
        } catch (CharacterCodingException notUtf8) {
            throw new UsageException("cannot read " + file + ": it is not UTF-8 text (save the CSV as UTF-8)");
        } catch (IOException unreadable) {
            throw new UsageException("cannot read " + file + ": " + unreadable.getClass().getSimpleName());
        }
    }

    private static void writeResults(List<BuyerCsv.Entry> entries, List<ScreeningResult> results, Summary summary,
                                     boolean json, boolean demo, PrintWriter out) {
        if (json) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            for (int i = 0; i < entries.size(); i++) {
                array.add(json(results.get(i), Optional.of(entries.get(i).line())));
            }
            JsonOutput.write(Json.createObjectBuilder().add("summary", summary.json()).add("results", array).build(), demo, out);
            return;
        }
        if (demo) {
            out.print("# " + Demo.NOTICE + "\r\n");
        }
        CsvWriter csvOut = new CsvWriter(out);
        csvOut.write(RESULT_COLUMNS);
        for (int i = 0; i < entries.size(); i++) {
            BuyerCsv.Entry entry = entries.get(i);
            ScreeningResult r = results.get(i);
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(entry.line()));
            BuyerCsv.COLUMNS.forEach(c -> row.add(entry.values().getOrDefault(c, "")));
            row.add(r.verdict().name());
            row.add(Long.toString(r.totalCount()));
            row.add(matchedSummary(r.hits()));
            row.add(r.hits().stream().map(h -> h.report().id().value()).collect(Collectors.joining(" ")));
            row.add(r.notCheckedReason().map(ErrorMessages::oneLine).orElse(""));
            csvOut.write(row);
        }
        out.flush();
    }

    /** For each field any hit matched, the surest certainty: {@code phone: CERTAIN; email: COMPATIBLE_WITH_MASK}. */
    static String matchedSummary(List<SearchHit> hits) {
        Map<SearchField, MatchCertainty> best = new EnumMap<>(SearchField.class);
        for (SearchHit hit : hits) {
            hit.matchedBy().forEach((field, certainty) -> best.merge(field, certainty,
                    (a, b) -> a == MatchCertainty.CERTAIN || b == MatchCertainty.CERTAIN ? MatchCertainty.CERTAIN : a));
        }
        return best.entrySet().stream().map(e -> ReportViews.fieldName(e.getKey()) + ": " + e.getValue())
                .collect(Collectors.joining("; "));
    }

    private static void printHuman(ScreeningResult result, PrintWriter out) {
        String who = describe(result.buyer());
        switch (result.verdict()) {
            case FOUND -> {
                out.println("FOUND: " + result.totalCount() + (result.totalCount() == 1 ? " report" : " reports")
                        + " about " + who);
                ReportViews.printTable(result.hits(), out);
                if (result.totalCount() > result.hits().size()) {
                    out.println("Shown: the newest " + result.hits().size() + " of " + result.totalCount()
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
        o.add("buyer", b).add("verdict", result.verdict().name()).add("totalCount", result.totalCount());
        ReportViews.put(o, "code", result.failure().map(f -> f.code().name()));
        ReportViews.put(o, "reason", result.notCheckedReason().map(ErrorMessages::oneLine));
        JsonArrayBuilder reports = Json.createArrayBuilder();
        result.hits().forEach(h -> reports.add(ReportViews.json(h)));
        return o.add("reports", reports).build();
    }

    /**
     * The counts of a run.
     *
     * @param buyers     buyers in the file
     * @param requests   search requests sent
     * @param found      buyers FOUND
     * @param notFound   buyers NOT FOUND
     * @param notChecked buyers NOT CHECKED
     */
    record Summary(int buyers, int requests, int found, int notFound, int notChecked) {

        /** The counts of {@code results}. */
        static Summary of(List<ScreeningResult> results, int requests) {
            Map<Verdict, Long> counts = results.stream().collect(Collectors.groupingBy(ScreeningResult::verdict, Collectors.counting()));
            return new Summary(results.size(), requests, counts.getOrDefault(Verdict.FOUND, 0L).intValue(),
                    counts.getOrDefault(Verdict.NOT_FOUND, 0L).intValue(), counts.getOrDefault(Verdict.NOT_CHECKED, 0L).intValue());
        }

        /** {@code Screened 12 buyers with 10 requests: 3 found, 8 not found, 1 not checked.} */
        String line() {
            return "Screened " + buyers + (buyers == 1 ? " buyer" : " buyers") + " with " + requests
                    + (requests == 1 ? " request" : " requests") + ": " + found + " found, " + notFound
                    + " not found, " + notChecked + " not checked.";
        }

        /** The counts as JSON. */
        JsonObject json() {
            return Json.createObjectBuilder().add("buyers", buyers).add("requests", requests).add("found", found)
                    .add("notFound", notFound).add("notChecked", notChecked).build();
        }
    }
}
