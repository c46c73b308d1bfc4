package io.nekorekten4j.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.regex.Pattern;

/** The {@code User-Agent} the client sends: {@code nekorekten4j/<version>}. */
final class UserAgent {

    /** Where maven-jar-plugin puts the module's coordinates in every jar it builds. */
    private static final String POM_PROPERTIES =
            "/META-INF/maven/io.nekorekten4j/nekorekten4j-adapters-http/pom.properties";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._+-]{1,40}");

    /** The header value, computed once. */
    static final String VALUE = "nekorekten4j/" + version();

    private UserAgent() {
    }

    /**
     * The library's version: from the jar's Maven properties, else its manifest, else {@code dev}
     * (classes run from a build directory, as in this module's own tests).
     */
    static String version() {
        String fromPom = fromPomProperties();
        if (fromPom != null) {
            return fromPom;
        }
        Package p = UserAgent.class.getPackage();
        String fromManifest = p == null ? null : p.getImplementationVersion();
        return isToken(fromManifest) ? fromManifest : "dev";
    }

    private static String fromPomProperties() {
        try (InputStream in = UserAgent.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version");
            return isToken(version) ? version : null;
        } catch (IOException | IllegalArgumentException e) {
            // An unreadable resource only costs the version in the header.
            return null;
        }
    }

    /** Only a plain version token may reach a header: no spaces, no control characters. */
    private static boolean isToken(String s) {
        return s != null && TOKEN.matcher(s).matches();
    }
}
