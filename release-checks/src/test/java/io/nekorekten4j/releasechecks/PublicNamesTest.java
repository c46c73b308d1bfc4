package io.nekorekten4j.releasechecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No two public top-level types of the published artifacts share a simple name: a user who
 * imports both (say the ports' {@code TransportException} and a transport's own failure) must not
 * need qualified names, and a reader must be able to tell them apart. Two such clashes existed
 * (issue 10); a new one fails here with both places.
 */
class PublicNamesTest {

    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "(?m)^public (?:(?:final|abstract|sealed|non-sealed|strictfp) )*(?:class|interface|enum|record|@interface) (\\w+)");

    @Test
    void noTwoPublicTypesOfThePublishedModulesShareASimpleName() {
        Map<String, List<String>> byName = new TreeMap<>();
        for (String module : Repository.modules()) {
            Path moduleDir = Repository.root().resolve(module);
            if (!published(moduleDir)) {
                continue;
            }
            for (Path source : javaSources(moduleDir.resolve("src/main/java"))) {
                Matcher type = PUBLIC_TYPE.matcher(Repository.read(source));
                if (type.find()) {
                    byName.computeIfAbsent(type.group(1), n -> new ArrayList<>())
                            .add(Repository.root().relativize(source).toString());
                }
            }
        }
        assertThat(byName).as("public types found").hasSizeGreaterThan(100);
        assertThat(byName.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::toString))
                .as("simple names declared by more than one public type").isEmpty();
    }

    /** Whether the module's artifact is published (the examples, tests and checks are not). */
    private static boolean published(Path moduleDir) {
        return !Repository.read(moduleDir.resolve("pom.xml")).contains("<maven.deploy.skip>true</maven.deploy.skip>");
    }

    private static List<Path> javaSources(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
