package io.nekorekten4j.cli;

import java.util.List;

/**
 * Where the rows of a CSV screening go, each written and flushed as soon as it is decided, so that
 * an interruption keeps everything already paid for.
 */
interface ResultSink extends AutoCloseable {

    /** Writes what comes before the rows: the demo notice, the header. */
    void start();

    /** Writes one row and flushes. */
    void row(ScreenedRow row);

    /** Writes a row of the previous run's file as it was ({@code --resume}) and flushes. */
    void copy(List<String> record);

    /** Writes what comes after the rows, if anything, and flushes. */
    void end(BatchSummary summary);

    /** Flushes and closes the file; stdout is flushed, not closed. */
    @Override
    void close();
}
