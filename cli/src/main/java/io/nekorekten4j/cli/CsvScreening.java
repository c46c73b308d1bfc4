package io.nekorekten4j.cli;

import io.nekorekten4j.domain.MatchCertainty;
import io.nekorekten4j.domain.SearchField;
import io.nekorekten4j.domain.SearchHit;
import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.domain.Violation;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.QuotaPlan;
import io.nekorekten4j.ports.screening.Buyer;
import io.nekorekten4j.ports.screening.Screening;
import io.nekorekten4j.ports.screening.ScreeningResult;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * {@code screen --csv}: screens every row of a CSV file, writing (and flushing) each row's verdict
 * as soon as it is known, so that Ctrl-C, a crash or a spent daily quota keep everything already
 * paid for.
 * <ul>
 *   <li>The input is read one record at a time ({@link CsvSource}); memory does not grow with the
 *       file: the answers kept for repeated buyers are at most {@value #REMEMBERED} (the oldest go).</li>
 *   <li>A row that does not make a buyer (a bad phone, a broken line) is written {@code INVALID} with
 *       its reason, named on stderr with its line, and the run goes on.</li>
 *   <li>Equal buyers are asked once. A spent daily quota or a refused key ends the asking: every
 *       further row is written {@code NOT_CHECKED} at once, with that reason, without a request.</li>
 *   <li>Interrupted (Ctrl-C, SIGTERM), the JVM's shutdown hook finishes the file and prints the
 *       summary; {@code --resume} then keeps the rows decided and asks the rest.</li>
 * </ul>
 */
final class CsvScreening {

    /** How many buyers' answers are kept for repeated rows: enough for a day's orders, bounded for any file. */
    static final int REMEMBERED = 10_000;
    /** How many invalid rows are named on stderr one by one; the rest are counted. */
    static final int LISTED_PROBLEMS = 20;

    // Every further request would fail the same way and spend the per-minute quota.
    private static final Set<ErrorCode> ENDS_THE_RUN =
            Set.of(ErrorCode.QUOTA_EXHAUSTED, ErrorCode.INVALID_API_KEY, ErrorCode.IP_NOT_WHITELISTED);

    /**
     * What the run was asked to do.
     *
     * @param csv         the input file
     * @param out         the results file; empty for stdout
     * @param resume      whether to continue {@code out}
     * @param json        JSON Lines instead of CSV
     * @param encoding    the input's encoding, or empty to detect it
     * @param separator   the input's separator, or empty to detect it
     * @param failOnMatch whether FOUND rows make exit code 1
     * @param quiet       whether to leave out notes and the summary
     */
    record Request(Path csv, Optional<Path> out, boolean resume, boolean json, Optional<Charset> encoding,
                   Optional<Character> separator, boolean failOnMatch, boolean quiet) {
        /** Requires the parts. */
        Request {
            Objects.requireNonNull(csv, "csv");
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(encoding, "encoding");
            Objects.requireNonNull(separator, "separator");
        }
    }

    /** Registers what must run when the JVM is stopped (Ctrl-C, SIGTERM); the returned action unregisters it. */
    @FunctionalInterface
    interface ExitHooks {
        /** Registers {@code onExit}; returns what unregisters it. */
        Runnable register(Runnable onExit);

        /** The JVM's shutdown hooks. */
        static ExitHooks jvm() {
            return onExit -> {
                Thread hook = new Thread(onExit, "nekorekten-screen-interrupted");
                Runtime.getRuntime().addShutdownHook(hook);
                return () -> {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException shuttingDown) {
                        // The JVM is already stopping: the hook runs (and finds the run finished).
                    }
                };
            };
        }
    }

    private final Request request;
    private final ApiConnection connection;
    private final Screening screening;
    private final PrintWriter stdout;
    private final PrintWriter err;
    private final BatchProgress progress;
    private final ExitHooks hooks;

    private final ReentrantLock lock = new ReentrantLock();
    private final BatchSummary summary = new BatchSummary();
    private final Map<Buyer, Answer> answers = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Buyer, Answer> eldest) {
            return size() > REMEMBERED;
        }
    };
    private volatile boolean stopping;
    private boolean finished;
    private int total;
    private int lastLine;
    private int problemsListed;
    private Optional<NekorektenException> ended = Optional.empty();
    private ResultSink sink;
    private Optional<PreviousResults> previous = Optional.empty();
    private Optional<Path> partial = Optional.empty();

    /**
     * @param request    what to do
     * @param connection the service (or the demo fake)
     * @param stdout     where results go without {@code --out}
     * @param err        where notes, progress, problems and the summary go
     * @param progress   how progress is shown
     * @param hooks      where the interruption handler is registered
     */
    CsvScreening(Request request, ApiConnection connection, PrintWriter stdout, PrintWriter err,
                 BatchProgress progress, ExitHooks hooks) {
        this.request = Objects.requireNonNull(request, "request");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.stdout = Objects.requireNonNull(stdout, "stdout");
        this.err = Objects.requireNonNull(err, "err");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.hooks = Objects.requireNonNull(hooks, "hooks");
        // The embedded fake answers at once: an ETA from a real plan's pace would be fiction.
        this.screening = Screening.of(connection.api(), pace(connection));
    }

    private static QuotaPlan pace(ApiConnection connection) {
        return connection.embedded() ? QuotaPlan.perMinute(Integer.MAX_VALUE) : connection.plan();
    }

    /**
     * Checks the input and the options without a request: the file can be read and has buyer
     * columns, and {@code --resume} has a file of this input to continue.
     *
     * @throws UsageException      when a file cannot be read or options do not go together
     * @throws ValidationException when the header names no buyer column
     */
    static void check(Request request) {
        try (CsvSource source = CsvSource.open(request.csv(), request.encoding(), request.separator())) {
            BuyerColumns.of(header(source, request.csv()));
        }
    }

    /** Runs the screening; returns the exit code. */
    int run() {
        total = countRows();
        try (CsvSource source = CsvSource.open(request.csv(), request.encoding(), request.separator())) {
            CsvSource.Record headerRecord = header(source, request.csv());
            BuyerColumns columns = BuyerColumns.of(headerRecord);
            note(source, columns);
            openOutput(columns.header(), source.separator());
            Runnable unregister = hooks.register(this::interrupted);
            try {
                sink.start();
                readRows(source, columns);
                finish();
            } finally {
                unregister.run();
            }
        }
        return summary.exitCode(request.failOnMatch());
    }

    private static CsvSource.Record header(CsvSource source, Path file) {
        Optional<CsvSource.Record> header = source.next();
        while (header.isPresent() && header.get().isBlank()) {
            header = source.next();
        }
        return header.orElseThrow(() -> new ValidationException(ErrorMessages.CSV_FIELD, file
                + " is empty: expected a header naming phone, email, name and/or site (or телефон, имейл, име, сайт)"));
    }

    // One pass to count, for the progress and the ETA: cheap beside one request a row, and flat in memory.
    private int countRows() {
        int rows = 0;
        try (CsvSource source = CsvSource.open(request.csv(), request.encoding(), request.separator())) {
            header(source, request.csv());
            for (Optional<CsvSource.Record> r = source.next(); r.isPresent(); r = source.next()) {
                if (!r.get().isBlank()) {
                    rows++;
                }
            }
        } catch (CsvSource.BrokenFileException broken) {
            rows++; // the broken part is one INVALID row
        }
        return rows;
    }

    private void note(CsvSource source, BuyerColumns columns) {
        if (request.quiet()) {
            return;
        }
        String separator = source.separator() == '\t' ? "tab" : "'" + source.separator() + "'";
        err.println("Reading " + request.csv() + " (" + source.charset().name() + ", separator " + separator + "): "
                + total + (total == 1 ? " row" : " rows") + "; buyer from " + columns.describe() + ".");
        columns.ignoredDuplicates().forEach(c -> err.println("note: column " + c + " is not read"));
        err.flush();
    }

    private void openOutput(List<String> header, char separator) {
        boolean demo = connection.embedded();
        if (request.out().isEmpty()) {
            sink = request.json() ? new JsonLinesResultSink(stdout, header, demo, false)
                    : new CsvResultSink(stdout, header, separator, demo, false);
            return;
        }
        Path out = request.out().get();
        Path target = out;
        if (request.resume() && Files.exists(out)) {
            previous = Optional.of(PreviousResults.open(out, header, separator, demo));
            // The new file grows beside the old one and replaces it when done or interrupted: a kill -9
            // meanwhile leaves the old file whole.
            partial = Optional.of(out.resolveSibling(out.getFileName() + ".partial"));
            target = partial.get();
        } else if (request.resume() && !request.quiet()) {
            err.println("note: --resume: " + out + " does not exist yet; starting from the first row");
        }
        try {
            Writer writer = new OutputStreamWriter(Files.newOutputStream(target), StandardCharsets.UTF_8);
            if (!request.json()) {
                // Excel reads a CSV file as the system's code page (Windows-1251 here) unless it starts with a BOM.
                writer.write('\uFEFF');
            }
            sink = request.json() ? new JsonLinesResultSink(new PrintWriter(writer), header, demo, true)
                    : new CsvResultSink(writer, header, separator, demo, true);
        } catch (IOException unwritable) {
            previous.ifPresent(PreviousResults::close);
            throw new UsageException("cannot write " + target + ": " + ErrorMessages.whyUnwritable(target, unwritable) + " (--out)");
        }
    }

    private void readRows(CsvSource source, BuyerColumns columns) {
        int width = columns.header().size();
        while (!stopping) {
            Optional<CsvSource.Record> next;
            try {
                next = source.next();
            } catch (CsvSource.BrokenFileException broken) {
                List<String> empty = new ArrayList<>(Collections.nCopies(width, ""));
                write(invalid(broken.line(), empty, broken.getMessage().replaceFirst("^line \\d+: ", "")), Optional.empty());
                return;
            }
            if (next.isEmpty()) {
                return;
            }
            if (!next.get().isBlank()) {
                process(next.get(), columns, width);
            }
        }
    }

    private void process(CsvSource.Record record, BuyerColumns columns, int width) {
        List<String> values = new ArrayList<>(record.values());
        List<String> extra = values.size() > width ? values.subList(width, values.size()) : List.of();
        if (extra.stream().anyMatch(v -> !v.isBlank())) {
            write(invalid(record.line(), new ArrayList<>(values.subList(0, width)), values.size()
                    + " fields where the header has " + width + " (a separator too many, or a quote missing?)"),
                    Optional.empty());
            return;
        }
        while (values.size() < width) {
            values.add("");
        }
        List<String> input = List.copyOf(values.subList(0, width));
        Buyer buyer;
        try {
            buyer = columns.buyer(input);
        } catch (ValidationException invalid) {
            write(invalid(record.line(), input, invalid.violations().stream().map(Violation::toString)
                    .collect(Collectors.joining("; "))), Optional.empty());
            return;
        }
        Optional<List<String>> kept = previous.flatMap(p -> p.decided(record.line(), input));
        if (kept.isPresent()) {
            keep(record.line(), kept.get());
            return;
        }
        Answer answer = answer(buyer);
        write(answer.toRow(record.line(), input), answer.failure());
    }

    private Answer answer(Buyer buyer) {
        if (ended.isPresent()) {
            return Answer.notChecked(ended.get());
        }
        Answer known = answers.get(buyer);
        if (known != null) {
            return known;
        }
        ScreeningResult result = screening.screen(buyer);
        lock.lock();
        try {
            summary.countRequest();
        } finally {
            lock.unlock();
        }
        Answer answer = Answer.of(result);
        result.failure().filter(f -> ENDS_THE_RUN.contains(f.code())).ifPresent(f -> ended = Optional.of(f));
        answers.put(buyer, answer);
        return answer;
    }

    private ScreenedRow invalid(int line, List<String> input, String reason) {
        if (problemsListed < LISTED_PROBLEMS) {
            err.println("line " + line + ": " + ErrorMessages.oneLine(reason) + " - written INVALID, not asked");
            err.flush();
        } else if (problemsListed == LISTED_PROBLEMS) {
            err.println("(further invalid rows are not listed here: see the reason column)");
            err.flush();
        }
        problemsListed++;
        return new ScreenedRow(line, input, ScreenedRow.RowVerdict.INVALID, 0, Map.of(), List.of(), reason);
    }

    private void write(ScreenedRow row, Optional<NekorektenException> failure) {
        lock.lock();
        try {
            if (finished) {
                return;
            }
            sink.row(row);
            summary.count(row.verdict());
            failure.ifPresent(summary::failed);
            lastLine = row.line();
            progress.update(status());
        } finally {
            lock.unlock();
        }
    }

    private void keep(int line, List<String> record) {
        lock.lock();
        try {
            if (finished) {
                return;
            }
            sink.copy(record);
            summary.countKept(previous.orElseThrow().verdictOf(record));
            lastLine = line;
            progress.update(status());
        } finally {
            lock.unlock();
        }
    }

    private BatchStatus status() {
        int left = Math.max(0, total - summary.rows());
        return new BatchStatus(summary.rows(), total, summary.requests(), summary.found(), summary.notChecked(),
                summary.invalid(), ended.isPresent() ? Optional.of(Duration.ZERO)
                        : BatchStatus.eta(pace(connection), summary.requests(), left));
    }

    private void finish() {
        lock.lock();
        try {
            if (finished) {
                return;
            }
            finished = true;
            closeOutput();
            progress.end(status());
            if (!request.quiet()) {
                err.println(summary.line() + request.out().map(o -> " Results in " + o + ".").orElse(""));
            }
            summary.firstFailure().ifPresent(f -> err.println(ErrorMessages.of(f).replaceFirst("^error: ",
                    "error: " + summary.notChecked() + " not checked: ")));
            if (summary.invalid() > 0) {
                err.println("warning: " + summary.invalid() + (summary.invalid() == 1 ? " row is" : " rows are")
                        + " INVALID (listed above by line): fix them and screen them again");
            }
            err.flush();
        } finally {
            lock.unlock();
        }
    }

    // The JVM is stopping (Ctrl-C, SIGTERM): keep what is written, say where the run got to.
    private void interrupted() {
        stopping = true;
        boolean locked = false;
        try {
            // A row being written finishes first; a stuck write must not keep the JVM from exiting.
            locked = lock.tryLock(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (finished) {
                return;
            }
            finished = true;
            previous.ifPresent(p -> p.rowsAfter(lastLine).forEach(sink::copy));
            closeOutput();
            progress.end(status());
            err.println();
            err.println("Interrupted after line " + lastLine + " of " + request.csv() + ": " + summary.line()
                    + request.out().map(o -> " Results so far in " + o + "; continue with the same command and --resume.")
                            .orElse(""));
            err.flush();
        } finally {
            if (locked) {
                lock.unlock();
            }
        }
    }

    private void closeOutput() {
        sink.end(summary);
        sink.close();
        previous.ifPresent(PreviousResults::close);
        if (partial.isPresent()) {
            try {
                Files.move(partial.get(), request.out().orElseThrow(), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot replace " + request.out().orElseThrow() + " with "
                        + partial.get(), e);
            }
        }
    }

    /** A buyer's answer, kept for the rows that repeat it: the columns only, not the reports. */
    private record Answer(ScreenedRow.RowVerdict verdict, long reports, Map<String, String> matched,
                          List<String> reportIds, String reason, Optional<NekorektenException> failure) {

        static Answer of(ScreeningResult r) {
            ScreenedRow.RowVerdict verdict = switch (r.verdict()) {
                case FOUND -> ScreenedRow.RowVerdict.FOUND;
                case NOT_FOUND -> ScreenedRow.RowVerdict.NOT_FOUND;
                case NOT_CHECKED -> ScreenedRow.RowVerdict.NOT_CHECKED;
            };
            return new Answer(verdict, r.minimumCount(), matched(r.hits()),
                    r.hits().stream().map(h -> h.report().id().value()).toList(),
                    r.notCheckedReason().map(ErrorMessages::oneLine).orElse(""), r.failure());
        }

        static Answer notChecked(NekorektenException failure) {
            return new Answer(ScreenedRow.RowVerdict.NOT_CHECKED, 0, Map.of(), List.of(),
                    ErrorMessages.oneLine(failure.code() + ": " + failure.getMessage()), Optional.of(failure));
        }

        ScreenedRow toRow(int line, List<String> input) {
            return new ScreenedRow(line, input, verdict, reports, matched, reportIds, reason);
        }

        /** For each field any hit matched, the surest certainty. */
        private static Map<String, String> matched(List<SearchHit> hits) {
            Map<SearchField, MatchCertainty> best = new EnumMap<>(SearchField.class);
            for (SearchHit hit : hits) {
                hit.matchedBy().forEach((field, certainty) -> best.merge(field, certainty,
                        (a, b) -> a == MatchCertainty.CERTAIN || b == MatchCertainty.CERTAIN ? MatchCertainty.CERTAIN : a));
            }
            Map<String, String> named = new LinkedHashMap<>();
            best.forEach((field, certainty) -> named.put(ReportViews.fieldName(field), certainty.name()));
            return named;
        }
    }
}
