package io.nekorekten4j.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Objects;

/**
 * The progress of a CSV screening for a person at a terminal: one line on stderr, redrawn in place
 * after each row: {@code [##########----------] 6/12 rows, 6 requests, 2 found, ETA 1 min}. The
 * ETA is the quota plan's. Only for a terminal: in a log, carriage returns make one endless line
 * ({@link ProgressLog} is for logs).
 */
final class ProgressBar implements BatchProgress {

    private static final int WIDTH = 20;

    private final PrintWriter err;
    private int lastLength;

    /** @param err where the bar is drawn */
    ProgressBar(PrintWriter err) {
        this.err = Objects.requireNonNull(err, "err");
    }

    @Override
    public void update(BatchStatus status) {
        String line = render(status);
        // Spaces rub out the rest of a longer previous line.
        err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        lastLength = line.length();
        err.flush();
    }

    @Override
    public void end(BatchStatus status) {
        update(status);
        err.println();
        err.flush();
    }

    /** One line of progress. */
    static String render(BatchStatus p) {
        int filled = p.total() == 0 ? WIDTH : (int) ((long) Math.min(p.done(), p.total()) * WIDTH / p.total());
        return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + counts(p) + ", " + eta(p);
    }

    /** {@code 6/12 rows, 6 requests, 2 found} and, when there are any, not checked and invalid. */
    static String counts(BatchStatus p) {
        return p.done() + "/" + p.total() + (p.total() == 1 ? " row, " : " rows, ")
                + p.requests() + (p.requests() == 1 ? " request, " : " requests, ") + p.found() + " found"
                + (p.notChecked() > 0 ? ", " + p.notChecked() + " not checked" : "")
                + (p.invalid() > 0 ? ", " + p.invalid() + " invalid" : "");
    }

    /** {@code ETA 2 min}, {@code done}, or that the daily quota is too small. */
    static String eta(BatchStatus p) {
        if (p.isComplete()) {
            return "done";
        }
        return p.eta().map(d -> "ETA " + duration(d)).orElse("ETA: more than the plan's daily quota");
    }

    /** {@code 45 s}, {@code 2 min}, {@code 1 h 05 min}. */
    static String duration(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = (seconds + 59) / 60;
        return minutes < 60 ? minutes + " min" : minutes / 60 + " h " + String.format("%02d", minutes % 60) + " min";
    }
}
