package io.nekorekten4j.cli;

import io.nekorekten4j.ports.QuotaPlan;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The options every command takes, wherever they stand on the command line.
 *
 * @param apiKeyFile where to read the API key, instead of the environment
 * @param plan       the key's quota plan
 * @param baseUri    where the API is, instead of the real service (e.g. a fake server on loopback)
 * @param json       whether to write JSON for scripts instead of tables for people
 * @param demo       whether to run on the embedded fake with demo data, asked for explicitly
 * @param quiet      whether to leave out notes, progress and summaries (errors are still printed)
 * @param verbosity  how much the command says on stderr about what it does
 */
record GlobalOptions(Optional<Path> apiKeyFile, QuotaPlan plan, Optional<String> baseUri, boolean json,
                     boolean demo, boolean quiet, Verbosity verbosity) {

    /** How much a command says on stderr about what it does; never the key. */
    enum Verbosity {
        /** Results, notes and errors only. */
        NORMAL,
        /** Also where it connects and how (--verbose). */
        VERBOSE,
        /** Also the library's own debug log (--debug); HTTP headers stay out of it. */
        DEBUG
    }

    /** Requires the parts. */
    GlobalOptions {
        Objects.requireNonNull(apiKeyFile, "apiKeyFile");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(verbosity, "verbosity");
    }
}
