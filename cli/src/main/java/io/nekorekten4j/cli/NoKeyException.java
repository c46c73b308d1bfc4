package io.nekorekten4j.cli;

/**
 * There is no API key and the demo was not asked for: the command cannot run, and must not fall
 * back to the demo data on its own (a cron job that lost its key would read demo answers as real).
 * Exit code {@link ExitCode#NO_KEY}.
 */
final class NoKeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What to do, naming the options and the variable. */
    static final String MESSAGE = "no API key: set NEKOREKTEN_API_KEY or give --api-key-file FILE; "
            + "to try the command on the embedded fake's demo data instead, add --demo "
            + "(nothing is then checked with or filed at nekorekten.com)";

    NoKeyException() {
        super(MESSAGE);
    }
}
