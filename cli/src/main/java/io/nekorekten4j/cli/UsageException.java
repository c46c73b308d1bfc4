package io.nekorekten4j.cli;

/**
 * A command line that cannot be run as given: a file that cannot be read, options that do not go
 * together. Exit code {@link ExitCode#USAGE}.
 */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, in one line, without secrets or personal data */
    UsageException(String message) {
        super(message);
    }
}
