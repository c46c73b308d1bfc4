package io.nekorekten4j.releasechecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's module map ("## Modules") matches the reactor: every module the root pom builds has
 * a row, every row names a module that exists, and the package a row names is where that module's
 * main code lives — so a newcomer who follows the map finds the code.
 */
class ModuleMapTest {

    private static final Pattern ROW = Pattern.compile("(?m)^\\| (`[^|]+`) \\| ([^|]+) \\|");
    private static final Pattern NAME = Pattern.compile("`([^`]+)`");

    /** Module directory → the package its row names, or "—" for none. */
    private static Map<String, String> rows;

    @BeforeAll
    static void readTheMap() {
        String readme = Repository.read(Repository.root().resolve("README.md"));
        int start = readme.indexOf("\n## Modules\n");
        assertThat(start).as("the README has a '## Modules' section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        String map = readme.substring(start, end < 0 ? readme.length() : end);
        rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(map);
        while (row.find()) {
            Matcher name = NAME.matcher(row.group(1));
            while (name.find()) {
                rows.put(name.group(1), row.group(2).strip().replace("`", ""));
            }
        }
    }

    @Test
    void everyModuleOfTheBuildHasARow() {
        assertThat(rows.keySet()).as("modules in the README's map").containsAll(Repository.modules());
    }

    @Test
    void everyRowNamesAModuleOfTheBuild() {
        assertThat(Repository.modules()).as("modules the root pom builds").containsAll(rows.keySet());
    }

    @Test
    void theMainCodeOfEachModuleLivesInThePackageItsRowNames() {
        List<String> wrong = new ArrayList<>();
        rows.forEach((module, named) -> {
            TreeSet<String> actual = mainPackages(Repository.root().resolve(module));
            // A module without code of its own (the starter: a dependency list) may share its row's package.
            boolean sharesItsRow = actual.isEmpty() && rows.entrySet().stream()
                    .anyMatch(other -> !other.getKey().equals(module) && other.getValue().equals(named));
            boolean inNamedPackage = named.equals("—") ? actual.isEmpty()
                    : sharesItsRow || !actual.isEmpty()
                            && actual.stream().allMatch(p -> p.equals(named) || p.startsWith(named + "."));
            if (!inNamedPackage) {
                wrong.add(module + ": the map says " + named + ", its main code is in " + actual);
            }
        });
        assertThat(wrong).as("rows whose package does not hold the module's main code").isEmpty();
    }

    /** The packages of a module's main Java sources (a module without main code has none). */
    private static TreeSet<String> mainPackages(Path module) {
        Path sources = module.resolve("src/main/java");
        TreeSet<String> packages = new TreeSet<>();
        if (!Files.isDirectory(sources)) {
            return packages;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.getFileName().toString().equals("module-info.java"))
                    .forEach(f -> packages.add(sources.relativize(f.getParent()).toString()
                            .replace(f.getFileSystem().getSeparator(), ".")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + sources, e);
        }
        return packages;
    }
}
