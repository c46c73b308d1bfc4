package io.nekorekten4j.ports.screening;

/**
 * Follows the progress of {@link Screening#screenAll}. Called on the thread that runs
 * {@code screenAll}, once after each request, in order; the last call has
 * {@link ScreeningProgress#isComplete()}. An exception thrown here ends the run and reaches the
 * caller of {@code screenAll}.
 */
@FunctionalInterface
public interface ScreeningListener {

    /** Called after each request with the progress so far. */
    void onProgress(ScreeningProgress progress);

    /** A listener that ignores progress. */
    static ScreeningListener none() {
        return progress -> {
        };
    }
}
