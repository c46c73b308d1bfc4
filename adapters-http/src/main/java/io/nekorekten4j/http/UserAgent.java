package io.nekorekten4j.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The {@code User-Agent} the client sends, as Stripe's and AWS's SDKs build theirs: the library and
 * its version, the Java version, then the application's own suffix when the builder was given one —
 * {@code nekorekten4j/0.1.0 Java/17.0.12 shop-backend/2.3}. It lets the service (and a company
 * proxy) tell clients and versions apart; it never carries the key or anything about a buyer.
 */
final class UserAgent {

    /** Written by the build (resource filtering), so it is right in a jar and in target/classes alike. */
    private static final String VERSION_RESOURCE = "nekorekten4j-version.properties";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._+-]{1,40}");
    /** Visible ASCII and single spaces: nothing that could end the header or start another. */
    private static final Pattern SUFFIX = Pattern.compile("[\\x21-\\x7E]+( [\\x21-\\x7E]+)*");
    static final int MAX_SUFFIX_LENGTH = 100;

    /** The library's part, computed once: {@code nekorekten4j/<version> Java/<java.version>}. */
    static final String LIBRARY = "nekorekten4j/" + version() + " Java/" + javaVersion();

    private UserAgent() {
    }

    /** The header value for a client with this suffix (already checked by {@link #suffixProblem}). */
    static String of(Optional<String> suffix) {
        return suffix.map(s -> LIBRARY + " " + s).orElse(LIBRARY);
    }

    /** What is wrong with an application suffix, if anything. */
    static Optional<String> suffixProblem(String suffix) {
        if (suffix.length() > MAX_SUFFIX_LENGTH) {
            return Optional.of("at most " + MAX_SUFFIX_LENGTH + " characters, got " + suffix.length());
        }
        if (!SUFFIX.matcher(suffix).matches()) {
            return Optional.of("only printable ASCII characters and single spaces between words, "
                    + "e.g. \"shop-backend/2.3\"");
        }
        return Optional.empty();
    }

    /** The library's version as the build wrote it, or {@code dev} when classes run without it. */
    static String version() {
        try (InputStream in = UserAgent.class.getResourceAsStream(VERSION_RESOURCE)) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version");
            return isToken(version) ? version : "dev";
        } catch (IOException | IllegalArgumentException e) {
            // An unreadable resource only costs the version in the header.
            return "dev";
        }
    }

    /** {@code java.version} (e.g. {@code 17.0.12}), or the feature release when that is odd. */
    static String javaVersion() {
        String version = System.getProperty("java.version");
        return isToken(version) ? version : String.valueOf(Runtime.version().feature());
    }

    /** Only a plain version token may reach a header: no spaces, no control characters. */
    private static boolean isToken(String s) {
        return s != null && TOKEN.matcher(s).matches();
    }
}
