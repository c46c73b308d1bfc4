package io.nekorekten4j.cli;

import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.fake.NekorektenFake;
import io.nekorekten4j.http.NekorektenHttp;
import io.nekorekten4j.ports.Nekorekten;
import io.nekorekten4j.ports.QuotaPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link Nekorekten} a command talks to, chosen from the key: the real service (or the
 * {@code --base-uri} given) when there is a key, else the embedded fake seeded with demo data.
 *
 * <p>The key is read from {@code --api-key-file} or the {@value #KEY_VARIABLE} environment
 * variable; it is never an argument (it would land in the shell's history), never printed and
 * never part of a message.
 *
 * @param api      the client; close it when done
 * @param plan     the key's quota plan, which paces requests and gives the screening ETA
 * @param embedded whether {@code api} is the embedded fake
 */
record ApiConnection(Nekorekten api, QuotaPlan plan, boolean embedded) implements AutoCloseable {

    /** The environment variable that holds the API key. */
    static final String KEY_VARIABLE = "NEKOREKTEN_API_KEY";
    /** What is printed on stderr when there is no key. */
    static final String NO_KEY_NOTE =
            "No API key (NEKOREKTEN_API_KEY or --api-key-file): using the embedded fake with demo data.";

    // The longest wait for a quota permit. Longer than the 60 s window, so that screening a CSV
    // file waits for the window to move on instead of failing buyers the quota would soon allow.
    private static final Duration PERMIT_WAIT = Duration.ofSeconds(65);
    // The whole call: a permit wait, the attempts and their backoffs.
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(120);

    /** Requires the parts. */
    ApiConnection {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(plan, "plan");
    }

    /**
     * Connects as the options and the environment say.
     *
     * @param options the global options
     * @param env     the environment (where {@value #KEY_VARIABLE} may be)
     * @param err     where the no-key note goes
     * @throws UsageException when the key file cannot be read, or {@code --base-uri} is given
     *                        without a key, or a setting is not usable
     */
    static ApiConnection open(GlobalOptions options, Map<String, String> env, PrintWriter err) {
        Optional<String> key = key(options.apiKeyFile(), env);
        if (key.isEmpty()) {
            if (options.baseUri().isPresent()) {
                throw new UsageException("--base-uri needs an API key (NEKOREKTEN_API_KEY or --api-key-file)");
            }
            err.println(NO_KEY_NOTE);
            err.flush();
            NekorektenFake fake = NekorektenFake.create();
            fake.seedDemoData();
            return new ApiConnection(fake, options.plan(), true);
        }
        NekorektenHttp.Builder builder = NekorektenHttp.builder().apiKey(key.get()).quota(options.plan())
                .permitWaitTimeout(PERMIT_WAIT).callTimeout(CALL_TIMEOUT);
        options.baseUri().ifPresent(builder::baseUri);
        try {
            return new ApiConnection(builder.build(), options.plan(), false);
        } catch (ValidationException invalid) {
            // A bad --base-uri or a malformed key: the messages never repeat the key.
            throw new UsageException(invalid.getMessage());
        }
    }

    /** The key from the file when one is named, else from the environment; empty when neither has one. */
    static Optional<String> key(Optional<Path> keyFile, Map<String, String> env) {
        if (keyFile.isPresent()) {
            Path file = keyFile.get();
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException missing) {
                throw new UsageException("cannot read the key file " + file + ": no such file");
            } catch (CharacterCodingException notText) {
                throw new UsageException("cannot read the key file " + file + ": it is not UTF-8 text");
            } catch (IOException unreadable) {
                throw new UsageException("cannot read the key file " + file + ": " + unreadable.getClass().getSimpleName());
            }
            String key = text.strip();
            if (key.isEmpty()) {
                throw new UsageException("the key file " + file + " is empty");
            }
            return Optional.of(key);
        }
        return Optional.ofNullable(env.get(KEY_VARIABLE)).map(String::strip).filter(k -> !k.isEmpty());
    }

    /** Closes the client. */
    @Override
    public void close() {
        api.close();
    }
}
