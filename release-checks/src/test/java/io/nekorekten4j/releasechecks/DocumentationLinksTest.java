package io.nekorekten4j.releasechecks;

import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.NekorektenException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a new user follows in the documentation leads somewhere: every relative link of every
 * Markdown file names a file that exists and, with {@code #anchor}, a heading of it; the README's
 * tables of error codes and of the command line's exit codes are those of the code.
 */
class DocumentationLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    @Test
    void everyRelativeLinkAndAnchorOfTheMarkdownFilesResolves() {
        Path root = Repository.root();
        List<String> broken = new ArrayList<>();
        List<Path> documents = markdownFiles(root);
        assertThat(documents).contains(root.resolve("README.md"), root.resolve("CHANGELOG.md"));
        int checked = 0;
        for (Path document : documents) {
            for (String link : links(Repository.read(document))) {
                if (link.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue; // https:, mailto: - not this repository's
                }
                checked++;
                int hash = link.indexOf('#');
                String path = hash < 0 ? link : link.substring(0, hash);
                Path target = path.isEmpty() ? document : document.getParent().resolve(path).normalize();
                String where = root.relativize(document) + ": (" + link + ")";
                if (!Files.exists(target)) {
                    broken.add(where + " - no such file");
                } else if (hash >= 0 && target.toString().endsWith(".md")
                        && !anchors(Repository.read(target)).contains(link.substring(hash + 1))) {
                    broken.add(where + " - no such heading in " + root.relativize(target));
                }
            }
        }
        assertThat(checked).as("relative links checked").isGreaterThan(10);
        assertThat(broken).as("links a reader would follow into nothing").isEmpty();
    }

    @Test
    void theReadmesErrorTableNamesEveryErrorCodeWithAnExceptionOfThatCode() throws ClassNotFoundException {
        String errors = section(Repository.read(Repository.root().resolve("README.md")), "## Errors");
        Matcher row = Pattern.compile("(?m)^\\| `(\\w+)`[^|]*\\| `(\\w+)` \\|").matcher(errors);
        Set<String> codes = new TreeSet<>();
        while (row.find()) {
            String type = row.group(1);
            String code = row.group(2);
            assertThat(Arrays.stream(ErrorCode.values()).map(Enum::name)).as("the code of " + type).contains(code);
            Class<?> exception = exceptionClass(type);
            assertThat(NekorektenException.class).as(type).isAssignableFrom(exception);
            codes.add(code);
        }
        assertThat(codes).as("the codes the README's error table explains")
                .isEqualTo(Arrays.stream(ErrorCode.values()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void theReadmesExitCodeTableIsTheCommandLinesExitCodes() {
        String readme = Repository.read(Repository.root().resolve("README.md"));
        String table = section(readme, "### Exit codes");
        Set<Integer> documented = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| (\\d+)(?: / (\\d+))? \\|").matcher(table);
        while (row.find()) {
            documented.add(Integer.parseInt(row.group(1)));
            if (row.group(2) != null) {
                documented.add(Integer.parseInt(row.group(2)));
            }
        }
        String source = Repository.read(Repository.root().resolve("cli/src/main/java/io/nekorekten4j/cli/ExitCode.java"));
        Set<Integer> declared = new TreeSet<>();
        Matcher constant = Pattern.compile("static final int \\w+ = (\\d+);").matcher(source);
        while (constant.find()) {
            declared.add(Integer.parseInt(constant.group(1)));
        }
        assertThat(declared).as("ExitCode's constants").hasSizeGreaterThan(8);
        assertThat(documented).as("the README's exit codes").isEqualTo(declared);
        for (int code : declared) {
            assertThat(source).as("the --help footer lists " + code).containsPattern("\"  (" + code + "\\s|.*\\b" + code + " )");
        }
    }

    private static Class<?> exceptionClass(String simpleName) throws ClassNotFoundException {
        for (String pkg : List.of("io.nekorekten4j.ports.", "io.nekorekten4j.http.")) {
            try {
                return Class.forName(pkg + simpleName);
            } catch (ClassNotFoundException notHere) {
                // try the next package
            }
        }
        throw new ClassNotFoundException(simpleName + " in io.nekorekten4j.ports or io.nekorekten4j.http");
    }

    /** The text from {@code heading} to the next heading of the same or a higher level. */
    private static String section(String markdown, String heading) {
        int start = markdown.indexOf("\n" + heading + "\n");
        assertThat(start).as("the README has " + heading).isNotNegative();
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        Matcher next = Pattern.compile("\n#{1," + (level.length() - 1) + "} ").matcher(markdown);
        int end = next.find(start + heading.length() + 1) ? next.start() : markdown.length();
        return markdown.substring(start, end);
    }

    private static List<String> links(String markdown) {
        List<String> found = new ArrayList<>();
        Matcher m = LINK.matcher(withoutCodeBlocks(markdown));
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** The anchors GitHub makes of the headings: lower case, punctuation dropped, spaces as dashes, repeats numbered. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : withoutCodeBlocks(markdown).split("\n")) {
            Matcher heading = Pattern.compile("^#{1,6} (.+?)\\s*#*\\s*$").matcher(line);
            if (heading.matches()) {
                String slug = heading.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
                int repeat = seen.merge(slug, 1, Integer::sum) - 1;
                anchors.add(repeat == 0 ? slug : slug + "-" + repeat);
            }
        }
        return anchors;
    }

    private static String withoutCodeBlocks(String markdown) {
        return markdown.replaceAll("(?ms)^```.*?^```", "");
    }

    private static List<Path> markdownFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> Stream.of(root.relativize(p).toString().split("[/\\\\]"))
                            .noneMatch(part -> part.equals("target") || part.startsWith(".")))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
