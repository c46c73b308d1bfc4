package io.nekorekten4j.cli;

import io.nekorekten4j.ports.screening.ScreeningListener;
import io.nekorekten4j.ports.screening.ScreeningProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The progress of a CSV screening on stderr, redrawn in place after each request:
 * {@code [##########----------]  6/12 buyers, 6 requests, ETA 1 min}. The ETA is the screening's,
 * computed from the quota plan. The last update ends the line.
 */
final class ProgressBar implements ScreeningListener {

    private static final int WIDTH = 20;

    private final PrintWriter err;
    private final boolean draw;
    private int lastLength;
    private Optional<ScreeningProgress> last = Optional.empty();

    /**
     * @param err  where the bar is drawn
     * @param draw whether to draw it; when not, the bar only keeps the last progress
     */
    ProgressBar(PrintWriter err, boolean draw) {
        this.err = Objects.requireNonNull(err, "err");
        this.draw = draw;
    }

    /** Redraws the bar. */
    @Override
    public void onProgress(ScreeningProgress progress) {
        last = Optional.of(progress);
        if (!draw) {
            return;
        }
        String line = render(progress);
        // Spaces rub out the rest of a longer previous line.
        err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        lastLength = line.length();
        if (progress.isComplete()) {
            err.println();
        }
        err.flush();
    }

    /** The last progress seen. */
    Optional<ScreeningProgress> last() {
        return last;
    }

    /** One line of progress. */
    static String render(ScreeningProgress p) {
        int filled = p.total() == 0 ? WIDTH : (int) ((long) p.done() * WIDTH / p.total());
        return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] "
                + p.done() + "/" + p.total() + (p.total() == 1 ? " buyer, " : " buyers, ")
                + p.requestsSent() + (p.requestsSent() == 1 ? " request, " : " requests, ")
                + eta(p);
    }

    private static String eta(ScreeningProgress p) {
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
