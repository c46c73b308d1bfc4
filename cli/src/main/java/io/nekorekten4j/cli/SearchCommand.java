package io.nekorekten4j.cli;

import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchMode;
import io.nekorekten4j.domain.SearchResult;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nekorekten search}: one page of the reports matching the filters. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {
            "Search reports by phone, e-mail, name and/or web site.",
            "",
            "One request, one page of up to 20 reports, newest first, each marked with the filters it "
                    + "matched: CERTAIN, or COMPATIBLE_WITH_MASK for the names and e-mails the service masks.",
            ""})
final class SearchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--phone", paramLabel = "PHONE", description = "A phone as people type it (Bulgaria by default).")
    private String phone;

    @Option(names = "--email", paramLabel = "EMAIL", description = "An e-mail address.")
    private String email;

    @Option(names = "--name", paramLabel = "NAME", description = "A name: every word must match a first or last name.")
    private String name;

    @Option(names = "--site", paramLabel = "URL", description = "A web site or Facebook address.")
    private String site;

    @Option(names = "--mode", paramLabel = "MODE", converter = ModeConverter.class, defaultValue = "all",
            description = "all (every filter must match; default) or one-of (any may match).")
    private SearchMode mode;

    @Option(names = "--page", paramLabel = "N", defaultValue = "1", description = "The page, from 1 (default 1).")
    private int page;

    @Option(names = "--fail-on-match", description = "Exit with 1 when any report is found (for shell pipelines).")
    private boolean failOnMatch;

    /** Searches and prints the page. */
    @Override
    public Integer call() {
        RootCommand root = RootCommand.of(spec);
        PrintWriter out = spec.commandLine().getOut();
        SearchCriteria.Builder criteria = SearchCriteria.builder().mode(mode).page(page);
        if (phone != null) {
            criteria.phone(phone);
        }
        if (email != null) {
            criteria.email(email);
        }
        if (name != null) {
            criteria.name(name);
        }
        if (site != null) {
            criteria.site(site);
        }
        SearchCriteria built = criteria.build(); // validation before connecting: no request for bad input
        SearchResult result;
        boolean demo;
        try (ApiConnection connection = root.connect(spec.commandLine().getErr())) {
            demo = connection.embedded();
            result = connection.api().search(built);
        }
        if (root.options().json()) {
            JsonArrayBuilder reports = Json.createArrayBuilder();
            result.hits().forEach(hit -> reports.add(ReportViews.json(hit)));
            JsonObjectBuilder page = Json.createObjectBuilder();
            if (result.totalCount().isPresent()) {
                page.add("totalCount", result.totalCount().getAsLong());
            } else {
                page.addNull("totalCount"); // the service did not say: never the hits counted here
            }
            JsonOutput.write(page.add("page", result.page())
                    .add("pageSize", result.pageSize()).add("morePages", result.morePages().name())
                    .add("hasMorePages", !result.isLastPage())
                    .add("reports", reports).build(), demo, out);
        } else {
            Demo.printNotice(demo, out);
            printHuman(result, out);
        }
        return failOnMatch && !result.isEmpty() ? ExitCode.FOUND : ExitCode.OK;
    }

    private void printHuman(SearchResult result, PrintWriter out) {
        if (result.hits().isEmpty()) {
            if (result.isEmpty()) {
                out.println("No reports found.");
            } else if (result.totalCount().isPresent()) {
                long total = result.totalCount().getAsLong();
                long pages = (total + result.pageSize() - 1) / result.pageSize();
                out.println("Page " + result.page() + " is past the end: " + total + (total == 1 ? " report" : " reports")
                        + " in all, on pages 1 to " + pages + ".");
            } else {
                out.println("No reports on page " + result.page() + ".");
            }
            return;
        }
        if (result.totalCount().isPresent()) {
            long total = result.totalCount().getAsLong();
            long pages = (total + result.pageSize() - 1) / result.pageSize();
            out.println(total + (total == 1 ? " report" : " reports") + " (page " + result.page() + " of " + pages + "):");
        } else {
            // A full page without a total: never presented as the whole answer.
            out.println("At least " + result.minimumCount() + " reports (page " + result.page()
                    + "; the service did not say how many in all):");
        }
        ReportViews.printTable(result.hits(), out);
        switch (result.morePages()) {
            case YES -> out.println("More on the next page: --page " + (result.page() + 1));
            case UNKNOWN -> out.println("There may be more on the next page: --page " + (result.page() + 1));
            case NO -> { }
            default -> throw new IllegalStateException("unknown " + result.morePages());
        }
    }

    /** Converts {@code --mode} values: {@code all} or {@code one-of}. */
    static final class ModeConverter implements CommandLine.ITypeConverter<SearchMode> {
        /** The mode whose wire value is {@code value}, ignoring case. */
        @Override
        public SearchMode convert(String value) {
            for (SearchMode mode : SearchMode.values()) {
                if (mode.wireValue().equalsIgnoreCase(value.strip())) {
                    return mode;
                }
            }
            throw new CommandLine.TypeConversionException("expected all or one-of, got '" + value + "'");
        }
    }
}
