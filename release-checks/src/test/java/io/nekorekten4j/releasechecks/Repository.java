package io.nekorekten4j.releasechecks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The checked-out repository and what the build told the checks (see this module's pom). */
final class Repository {

    private Repository() {
    }

    static Path root() {
        return Path.of(required("repository.root")).toAbsolutePath().normalize();
    }

    static String projectVersion() {
        return required("project.version");
    }

    /** The compile-scope classpath of the README's Install section's artifacts. */
    static List<Path> installClasspath() {
        String text = read(Path.of(required("install.classpath.file"))).strip();
        List<Path> entries = new ArrayList<>();
        for (String entry : text.split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry));
            }
        }
        return entries;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The modules the root pom lists, in order. */
    static List<String> modules() {
        return all(read(root().resolve("pom.xml")), "<module>([^<]+)</module>");
    }

    /** The first value of a simple element in a pom, outside the parent block. */
    static String element(String pom, String name) {
        String withoutParent = pom.replaceAll("(?s)<parent>.*?</parent>", "");
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(withoutParent);
        return m.find() ? m.group(1).strip() : "";
    }

    static List<String> all(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1).strip());
        }
        return found;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set: run through Maven "
                    + "(release-checks' pom sets it)");
        }
        return value;
    }
}
