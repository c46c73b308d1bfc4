package io.nekorekten4j.cli;

/** Shows the progress of a CSV screening on stderr: a bar on a terminal, log lines otherwise, or nothing. */
interface BatchProgress {

    /** Called after each row is written. */
    void update(BatchStatus status);

    /** Called once at the end, finished or interrupted, before the summary. */
    void end(BatchStatus status);

    /** Shows nothing ({@code --quiet}, {@code --no-progress}). */
    static BatchProgress none() {
        return new BatchProgress() {
            @Override
            public void update(BatchStatus status) {
            }

            @Override
            public void end(BatchStatus status) {
            }
        };
    }
}
