package io.nekorekten4j.releasechecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every main package of the modules users program against (domain, ports, the cache and the two adapters)
 * states its nullness stance in its {@code package-info.java}: a new package without one fails
 * here with its directory.
 */
class NullnessStanceTest {

    private static final List<String> MODULES = List.of("domain", "ports", "cache", "adapters-http", "adapters-fake");

    @Test
    void everyMainPackageOfTheCoreModulesStatesItsNullness() throws IOException {
        int packages = 0;
        for (String module : MODULES) {
            Path sources = Repository.root().resolve(module).resolve("src/main/java");
            List<Path> dirs;
            try (Stream<Path> walk = Files.walk(sources)) {
                dirs = walk.filter(Files::isDirectory).filter(NullnessStanceTest::holdsJavaClasses).toList();
            }
            for (Path dir : dirs) {
                packages++;
                Path info = dir.resolve("package-info.java");
                assertThat(info).as("%s has a package-info.java", dir).exists();
                assertThat(Repository.read(info)).as("%s states its nullness", info)
                        .contains("non-null unless").contains("Optional");
            }
        }
        assertThat(packages).as("packages checked").isGreaterThanOrEqualTo(MODULES.size());
    }

    private static boolean holdsJavaClasses(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + dir, e);
        }
    }
}
