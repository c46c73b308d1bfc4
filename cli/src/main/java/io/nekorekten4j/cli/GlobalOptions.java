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
 */
record GlobalOptions(Optional<Path> apiKeyFile, QuotaPlan plan, Optional<String> baseUri, boolean json) {

    /** Requires the parts. */
    GlobalOptions {
        Objects.requireNonNull(apiKeyFile, "apiKeyFile");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(baseUri, "baseUri");
    }
}
