package io.nekorekten4j.releasechecks;

import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.fake.NekorektenFake;
import io.nekorekten4j.fakeserver.FakeServer;
import io.nekorekten4j.http.NekorektenHttp;
import io.nekorekten4j.ports.Nekorekten;
import io.nekorekten4j.ports.screening.Buyer;
import io.nekorekten4j.ports.screening.ScreeningResult;
import io.nekorekten4j.ports.screening.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scratch consumer made of the README alone: its Install section's coordinates are the reactor's,
 * and every complete Java file in it compiles (with -Werror) against exactly the two artifacts the
 * section names, and runs — offline on the fake, over HTTP against the fake server, and without a
 * key, where it must say which setting is missing.
 */
class ReadmeTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("(?s)```java\\n(.*?)```");
    private static final Pattern CLASS_NAME = Pattern.compile("(?m)^public class (\\w+)");
    /** The sections whose snippets users copy first: every Java block there must be a whole file. */
    private static final List<String> WHOLE_FILE_SECTIONS = List.of("## Install", "## Quick start",
            "## Screening a buyer", "## The HTTP adapter");

    private static String readme;
    private static Path classes;

    @BeforeAll
    static void compileTheReadmesJavaFiles(@TempDir Path dir) throws IOException {
        readme = Repository.read(Repository.root().resolve("README.md"));
        Map<String, String> sources = new LinkedHashMap<>();
        Matcher block = JAVA_BLOCK.matcher(readme);
        while (block.find()) {
            String code = block.group(1);
            if (code.startsWith("import ") || code.startsWith("package ")) {
                Matcher name = CLASS_NAME.matcher(code);
                assertThat(name.find()).as("a whole Java file in the README declares a public class:%n%s", code)
                        .isTrue();
                sources.put(name.group(1) + ".java", code);
            }
        }
        classes = JavaSources.compile(dir, sources, List.of("-classpath",
                JavaSources.path(Repository.installClasspath()), "-Xlint:all", "-Werror"));
    }

    private static String section(String heading) {
        int start = readme.indexOf("\n" + heading + "\n");
        assertThat(start).as("README section %s", heading).isNotNegative();
        int end = readme.indexOf("\n## ", start + heading.length() + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    @Test
    void theSnippetsUsersCopyFirstAreWholeFilesWithTheirImports() {
        for (String heading : WHOLE_FILE_SECTIONS) {
            Matcher block = JAVA_BLOCK.matcher(section(heading));
            while (block.find()) {
                assertThat(block.group(1)).as("a Java block of %s", heading).startsWith("import ");
            }
        }
        assertThat(classes.resolve("QuickStart.class")).exists();
        assertThat(classes.resolve("OfflineQuickStart.class")).exists();
        assertThat(classes.resolve("ScreenBuyer.class")).exists();
        assertThat(classes.resolve("ConfiguredClient.class")).exists();
    }

    @Test
    void theInstallSectionNamesTheBomAndTheArtifactsAtTheReactorsVersion() {
        String install = section("## Install");
        String version = Repository.projectVersion();
        List<String> artifactIds = new ArrayList<>();
        for (String module : Repository.modules()) {
            artifactIds.add(Repository.element(Repository.read(Repository.root().resolve(module).resolve("pom.xml")),
                    "artifactId"));
        }

        assertThat(Repository.all(install, "<artifactId>([^<]+)</artifactId>"))
                .containsExactly("nekorekten4j-bom", "nekorekten4j-adapters-http", "nekorekten4j-adapters-fake")
                .allMatch(artifactIds::contains);
        assertThat(Repository.all(install, "<version>([^<]+)</version>")).containsExactly(version);
        assertThat(install).contains("<type>pom</type>", "<scope>import</scope>",
                "platform(\"io.nekorekten4j:nekorekten4j-bom:" + version + "\")",
                "implementation(\"io.nekorekten4j:nekorekten4j-adapters-http\")",
                "testImplementation(\"io.nekorekten4j:nekorekten4j-adapters-fake\")");
        assertThat(Repository.all(readme, "io\\.nekorekten4j:(nekorekten4j-[a-z-]+)")).allMatch(artifactIds::contains);
    }

    @Test
    void theOfflineQuickStartRunsOnTheFakeAndPrintsTheDemoHits() throws Exception {
        String out = run("OfflineQuickStart", "main", new Class<?>[] {String[].class}, (Object) new String[0]);

        assertThat(out.lines()).contains("wkFjtpPpl9 matched {PHONE=CERTAIN}")
                .anyMatch(line -> line.startsWith("zsztHZdowm matched {EMAIL="));
    }

    @Test
    void theQuickStartsSearchRunsOverHttpAgainstTheFakeServer() throws Exception {
        String key = "readme-key";
        String out;
        try (FakeServer server = FakeServer.builder().seedDemoData().acceptKey(key).build().start();
             Nekorekten api = NekorektenHttp.builder().apiKey(key).baseUri(server.uri()).build()) {
            out = run("QuickStart", "printReports", new Class<?>[] {Nekorekten.class}, api);
            assertThat(server.requestCount()).isEqualTo(1);
        }
        assertThat(out.lines()).contains("wkFjtpPpl9 matched {PHONE=CERTAIN}");
    }

    @Test
    void theScreeningSnippetPrintsItsVerdict() throws Exception {
        NekorektenFake fake = NekorektenFake.create();
        fake.seedDemoData();

        String out = run("ScreenBuyer", "screen", new Class<?>[] {Nekorekten.class}, fake);

        assertThat(out.lines()).contains("wkFjtpPpl9 {PHONE=CERTAIN}");
    }

    @Test
    void theConfiguredClientReadsItsKeyFromTheFileForEveryRequest(@TempDir Path dir) throws Exception {
        Path keyFile = Files.writeString(dir.resolve("key"), "file-key\n");
        try (URLClassLoader loader = snippets()) {
            Method create = loader.loadClass("ConfiguredClient").getDeclaredMethod("create", Path.class);
            create.setAccessible(true);
            Method readKey = loader.loadClass("ConfiguredClient").getDeclaredMethod("readKey", Path.class);
            readKey.setAccessible(true);
            try (Nekorekten api = (Nekorekten) create.invoke(null, keyFile)) {
                assertThat(api.toString()).contains("quota=Start");
            }
            assertThat(readKey.invoke(null, keyFile)).isEqualTo("file-key");
        }
    }

    @Test
    void theCheckoutAndBatchSnippetScreensThroughTwoViewsOfOneClientOverHttp() throws Exception {
        String key = "readme-options-key";
        try (FakeServer server = FakeServer.builder().seedDemoData().acceptKey(key).build().start();
             NekorektenHttp api = NekorektenHttp.builder().apiKey(key).baseUri(server.uri()).build();
             URLClassLoader loader = snippets()) {
            Class<?> snippet = loader.loadClass("CheckoutAndNightlyBatch");
            Constructor<?> create = snippet.getDeclaredConstructor(Nekorekten.class);
            create.setAccessible(true);
            Object shop = create.newInstance(api);
            Method atCheckout = snippet.getDeclaredMethod("atCheckout", Buyer.class);
            atCheckout.setAccessible(true);
            Method overnight = snippet.getDeclaredMethod("overnight", List.class);
            overnight.setAccessible(true);
            Buyer neli = Buyer.builder().phone("0888 123 456").build();

            ScreeningResult now = (ScreeningResult) atCheckout.invoke(shop, neli);
            @SuppressWarnings("unchecked") // the snippet's declared return type
            List<ScreeningResult> later = (List<ScreeningResult>) overnight.invoke(shop, List.of(neli));

            assertThat(now.verdict()).isEqualTo(Verdict.FOUND);
            assertThat(later).singleElement().satisfies(r -> assertThat(r.verdict()).isEqualTo(Verdict.FOUND));
            assertThat(server.requestCount()).as("the batch's search answered from the cache the checkout filled")
                    .isEqualTo(1);
        }
    }

    /** The quick start as a user first runs it: a new JVM without NEKOREKTEN_API_KEY. */
    @Test
    void withoutTheEnvironmentVariableTheQuickStartSaysWhichSettingIsMissing() throws Exception {
        List<Path> classpath = new ArrayList<>(Repository.installClasspath());
        classpath.add(0, classes);
        ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", JavaSources.path(classpath), "QuickStart").redirectErrorStream(true);
        java.environment().remove("NEKOREKTEN_API_KEY");
        Process process = java.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isNotZero();
        assertThat(output).contains("NullPointerException: apiKey is null: the API key is required",
                ".apiKey(System.getenv(\"NEKOREKTEN_API_KEY\"))");
    }

    private static URLClassLoader snippets() throws IOException {
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, ReadmeTest.class.getClassLoader());
    }

    /** Calls a static method of a README class and returns what it printed. */
    private static String run(String className, String methodName, Class<?>[] types, Object... args) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (URLClassLoader loader = snippets();
             PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            Method method = loader.loadClass(className).getDeclaredMethod(methodName, types);
            method.setAccessible(true);
            System.setOut(out);
            method.invoke(null, args);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
