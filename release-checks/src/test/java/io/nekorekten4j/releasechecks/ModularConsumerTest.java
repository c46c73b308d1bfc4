package io.nekorekten4j.releasechecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A consumer with a module-info that requires our modules by their stable names compiles against
 * the jars on the module path, and runs there (with {@code --add-modules ALL-MODULE-PATH,ALL-DEFAULT}, which
 * automatic modules need to bring in their own dependencies): the jars' Automatic-Module-Name
 * entries are real and the packages resolve without splits.
 */
class ModularConsumerTest {

    private static final String MODULE_INFO = """
            module shop.screening {
                requires io.nekorekten4j.domain;
                requires io.nekorekten4j.ports;
                requires io.nekorekten4j.http;
                requires io.nekorekten4j.fake;
            }
            """;

    private static final String MAIN = """
            package shop.screening;

            import io.nekorekten4j.domain.Phone;
            import io.nekorekten4j.domain.SearchCriteria;
            import io.nekorekten4j.fake.NekorektenFake;
            import io.nekorekten4j.http.NekorektenHttp;
            import io.nekorekten4j.ports.Nekorekten;

            public final class Main {
                public static void main(String[] args) {
                    NekorektenFake fake = NekorektenFake.create();
                    fake.seedDemoData();
                    long found = fake.search(SearchCriteria.builder().phone(Phone.parse("0888 123 456")).build())
                            .totalCount().orElseThrow();
                    try (Nekorekten api = NekorektenHttp.builder().apiKey("module-path-key").build()) {
                        System.out.println("found " + found + " with " + api.getClass().getModule().getName());
                    }
                }
            }
            """;

    private static final Map<String, String> NAMES = Map.of(
            "nekorekten4j-domain", "io.nekorekten4j.domain",
            "nekorekten4j-ports", "io.nekorekten4j.ports",
            "nekorekten4j-adapters-http", "io.nekorekten4j.http",
            "nekorekten4j-cache", "io.nekorekten4j.cache",
            "nekorekten4j-adapters-fake", "io.nekorekten4j.fake");

    @Test
    void everyJarOfOursNamesItsModule() throws IOException {
        int ours = 0;
        for (Path entry : Repository.installClasspath()) {
            String file = entry.getFileName().toString();
            if (!file.startsWith("nekorekten4j-")) {
                continue;
            }
            assertThat(file).as("run the checks after package: they need the jars").endsWith(".jar");
            String artifact = file.substring(0, file.indexOf("-" + Repository.projectVersion()));
            try (JarFile jar = new JarFile(entry.toFile())) {
                assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
                        .as(file).isEqualTo(NAMES.get(artifact));
            }
            ours++;
        }
        assertThat(ours).isEqualTo(NAMES.size());
    }

    @Test
    void aModularConsumerCompilesAndRunsOnTheModulePath(@TempDir Path dir) throws Exception {
        String modulePath = JavaSources.path(Repository.installClasspath());
        Path classes = JavaSources.compile(dir, Map.of("module-info.java", MODULE_INFO,
                "shop/screening/Main.java", MAIN), List.of("--module-path", modulePath));

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", classes + java.io.File.pathSeparator + modulePath,
                // Automatic modules do not pull their dependencies into the module graph: neither the
                // explicit modules on the path (org.slf4j, org.eclipse.yasson, ...) nor the JDK's
                // (HttpClient 5 needs jdk.net). The README's Install section says so.
                "--add-modules", "ALL-MODULE-PATH,ALL-DEFAULT",
                "--module", "shop.screening/shop.screening.Main"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("found 1 with io.nekorekten4j.http");
        assertThat(Files.exists(classes.resolve("module-info.class"))).isTrue();
    }
}
