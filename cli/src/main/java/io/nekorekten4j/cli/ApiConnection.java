package io.nekorekten4j.cli;

import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.fake.NekorektenFake;
import io.nekorekten4j.http.NekorektenHttp;
import io.nekorekten4j.ports.Nekorekten;
import io.nekorekten4j.ports.QuotaPlan;
import io.nekorekten4j.ports.ServiceFacts;
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
 * The {@link Nekorekten} a command talks to: the real service (or the {@code --base-uri} given)
 * with the key, or — only when {@code --demo} asks for it — the embedded fake seeded with demo
 * data. Without a key and without {@code --demo} there is no connection: {@link NoKeyException}.
 * A missing key never falls back to the demo on its own: a cron job that lost its key would read
 * made-up answers as real ones.
 *
 * <p>The key is read from {@code --api-key-file} or the {@value #KEY_VARIABLE} environment
 * variable; it is never an argument (it would land in the shell's history), never printed and
 * never part of a message.
 *
 * @param api      the client; close it when done
 * @param plan     the key's quota plan, which paces requests and gives the screening ETA
 * @param embedded whether {@code api} is the embedded fake ({@code --demo}): every output must say so
 */
record ApiConnection(Nekorekten api, QuotaPlan plan, boolean embedded) implements AutoCloseable {

    /** The environment variable that holds the API key. */
    static final String KEY_VARIABLE = "NEKOREKTEN_API_KEY";
    // Under --debug the library's loggers speak; HttpClient's header and wire loggers never do (they would print the key).
    private static final String LOG_PREFIX = "org.slf4j.simpleLogger.log.";

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
     * @param err     where the notes go ({@code --demo}, {@code --verbose})
     * @throws NoKeyException when there is no key and {@code --demo} was not given
     * @throws UsageException when the key file cannot be read, or {@code --base-uri} is given
     *                        with {@code --demo} or without a key, or a setting is not usable
     */
    static ApiConnection open(GlobalOptions options, Map<String, String> env, PrintWriter err) {
        if (options.demo()) {
            if (options.baseUri().isPresent()) {
                throw new UsageException("--demo runs on the embedded fake: leave out --base-uri, or --demo");
            }
            if (!options.quiet()) {
                err.println(Demo.STDERR_NOTE);
                err.flush();
            }
            NekorektenFake fake = NekorektenFake.create();
            fake.seedDemoData();
            return new ApiConnection(fake, options.plan(), true);
        }
        Optional<String> key = key(options.apiKeyFile(), env);
        if (key.isEmpty()) {
            if (options.baseUri().isPresent()) {
                throw new UsageException("--base-uri needs an API key (NEKOREKTEN_API_KEY or --api-key-file)");
            }
            throw new NoKeyException();
        }
        if (options.verbosity() == GlobalOptions.Verbosity.DEBUG) {
            debugLogging();
        }
        if (options.verbosity() != GlobalOptions.Verbosity.NORMAL) {
            err.println("Connecting to " + options.baseUri().orElse(ServiceFacts.BASE_URI.toString()) + " with the key from "
                    + options.apiKeyFile().map(f -> "--api-key-file " + f).orElse(KEY_VARIABLE)
                    + " (never shown), plan " + describe(options.plan()) + ".");
            err.flush();
        }
        options.baseUri().ifPresent(ApiConnection::checkBaseUri);
        NekorektenHttp.Builder builder = NekorektenHttp.builder().apiKey(key.get()).quota(options.plan())
                .permitWaitTimeout(PERMIT_WAIT).callTimeout(CALL_TIMEOUT);
        options.baseUri().ifPresent(builder::baseUri);
        try {
            return new ApiConnection(builder.build(), options.plan(), false);
        } catch (ValidationException invalid) {
            // A bad --base-uri or a malformed key: the messages never repeat the key.
            throw new UsageException(ErrorMessages.optionNames(invalid.getMessage()));
        }
    }

    // "notauri" would otherwise be reported as "got null://...": say what an address needs.
    private static void checkBaseUri(String value) {
        String problem;
        try {
            java.net.URI uri = new java.net.URI(value.strip());
            problem = uri.getScheme() == null ? "it has no scheme (http:// or https://)"
                    : !uri.getScheme().equalsIgnoreCase("http") && !uri.getScheme().equalsIgnoreCase("https")
                            ? "its scheme is " + uri.getScheme() + ", not http or https"
                            : uri.getHost() == null ? "it has no host" : null;
        } catch (java.net.URISyntaxException notAUri) {
            problem = "it is not a URI (" + notAUri.getReason() + ")";
        }
        if (problem != null) {
            throw new UsageException("--base-uri must be an absolute http or https address such as "
                    + "https://api.nekorekten.com or http://127.0.0.1:8089; " + problem);
        }
    }

    /** {@code Start (10/min, 100/day)}. */
    static String describe(QuotaPlan plan) {
        return plan.name() + " (" + plan.perMinute() + "/min"
                + (plan.perDay().isPresent() ? ", " + plan.perDay().getAsInt() + "/day" : "") + ")";
    }

    // slf4j-simple reads these when the first logger is made: the adapter's loggers are made when
    // it is built, after this. HttpClient's headers and wire loggers would print the Api-Key header:
    // they stay at warn whatever else is asked.
    private static void debugLogging() {
        System.setProperty(LOG_PREFIX + "io.nekorekten4j", "debug");
        System.setProperty(LOG_PREFIX + "org.apache.hc.client5.http.headers", "warn");
        System.setProperty(LOG_PREFIX + "org.apache.hc.client5.http.wire", "warn");
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
                throw new UsageException("cannot read the key file " + file + ": " + ErrorMessages.whyUnreadable(file, unreadable));
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
