package io.nekorekten4j.fake;

import io.nekorekten4j.domain.MatchCertainty;
import io.nekorekten4j.domain.Report;
import io.nekorekten4j.domain.SearchField;
import io.nekorekten4j.domain.SearchHit;
import io.nekorekten4j.ports.Nekorekten;
import io.nekorekten4j.ports.screening.Buyer;
import io.nekorekten4j.ports.screening.Screening;
import io.nekorekten4j.ports.screening.ScreeningResult;
import java.io.PrintStream;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A runnable demo: screens a buyer — phone 0888 123 456, e-mail ivan@example.bg, one request in
 * {@code ONE_OF} mode — against the fake seeded with its demo data, and prints the verdict with
 * each report's id, date, masked names and what it matched. It prints no API key and no unmasked
 * personal data.
 *
 * <pre>{@code
 * ./mvnw -q -pl adapters-fake -am compile exec:java
 * }</pre>
 */
public final class ScreenDemo {

    private ScreenDemo() {
    }

    /** Runs the demo; takes no arguments. */
    public static void main(String[] args) {
        NekorektenFake fake = NekorektenFake.create();
        fake.seedDemoData();
        run(fake, System.out);
    }

    /** Screens the demo buyer with {@code api} and prints the verdict to {@code out}. */
    static void run(Nekorekten api, PrintStream out) {
        Buyer buyer = Buyer.builder().phone("0888 123 456").email("ivan@example.bg").build();
        out.println("Screening a buyer by phone and e-mail (one request, one-of search) on the in-memory fake");
        ScreeningResult result = Screening.of(api).screen(buyer);
        switch (result.verdict()) {
            case NOT_FOUND -> out.println("NOT FOUND");
            case NOT_CHECKED -> out.println("NOT CHECKED: " + result.notCheckedReason().orElse("unknown"));
            case FOUND -> {
                long count = result.minimumCount();
                out.println("FOUND: " + (result.totalCount().isPresent() ? "" : "at least ") + count
                        + (count == 1 ? " report" : " reports"));
                for (SearchHit hit : result.hits()) {
                    out.println("  " + describe(hit));
                }
                if (result.mayHaveMoreReports()) {
                    out.println("  … more on the next pages");
                }
            }
        }
    }

    /** One line per hit: id, date, masked names, and each filter it matched with how surely. */
    static String describe(SearchHit hit) {
        Report report = hit.report();
        String date = report.createdAt().map(DateTimeFormatter.ISO_LOCAL_DATE::format).orElse("????-??-??");
        String names = (report.firstName().orElse("") + " " + report.lastName().orElse("")).strip();
        return report.id() + "  " + date + "  " + (names.isEmpty() ? "(no name)" : names)
                + "  matched " + matched(hit.matchedBy());
    }

    private static String matched(Map<SearchField, MatchCertainty> matchedBy) {
        if (matchedBy.isEmpty()) {
            return "(nothing we can confirm locally)";
        }
        return matchedBy.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
