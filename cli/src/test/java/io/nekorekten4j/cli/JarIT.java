package io.nekorekten4j.cli;

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
import java.util.jar.Manifest;
import io.nekorekten4j.fakeserver.FakeServer;
import org.junit.jupiter.api.Test;

/**
 * The built jar, run as a process exactly as the README says: {@code java -jar
 * cli/target/nekorekten.jar ...}. Runs in {@code integration-test}, after {@code package} built it.
 */
class JarIT {

    static final Path JAR = Path.of(System.getProperty("nekorekten.jar", "target/nekorekten.jar"));

    /** What a process printed and how it ended. */
    record Result(int exitCode, String out, String err) {
    }

    /** Runs the jar with {@code args} in an environment without the API key, plus {@code extraEnv}. */
    static Result runJar(Map<String, String> extraEnv, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove(ApiConnection.KEY_VARIABLE);
        // A C locale: the jar must still write Cyrillic as UTF-8, not as question marks.
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("LANG", "C");
        builder.environment().putAll(extraEnv);
        Path out = Files.createTempFile("nekorekten-out", ".txt");
        Path err = Files.createTempFile("nekorekten-err", ".txt");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the jar did not finish within 60 s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void theReadmesMainJobScreensTheDemoBuyerOnTheEmbeddedFake() throws Exception {
        Result run = runJar(Map.of(), "screen", "--demo", "--phone", "0888123456", "--email", "ivan@example.bg");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEqualTo(Demo.STDERR_NOTE + System.lineSeparator());
        assertThat(run.out()).startsWith(Demo.NOTICE + System.lineSeparator()
                        + "FOUND: 2 reports about phone +359888123456, email ivan@example.bg")
                .contains("phone: CERTAIN").contains("email: COMPATIBLE_WITH_MASK")
                .contains("София").contains("Пловдив");
    }

    @Test
    void withoutAKeyAndWithoutDemoTheJarClaimsNothingAndExitsSeven() throws Exception {
        Path csv = Files.createTempFile("buyers", ".csv");
        Path out = csv.resolveSibling(csv.getFileName() + ".out.csv");
        try {
            Files.writeString(csv, "phone\n0888123456\n");
            for (String[] args : new String[][] {
                {"screen", "--phone", "0888123456", "--email", "ivan@example.bg"},
                {"screen", "--csv", csv.toString(), "--out", out.toString()},
                {"report", "create", "--text", "Не потърси пратката.", "--phone", "0899 123 456"}}) {
                Result run = runJar(Map.of(), args);
                assertThat(run.exitCode()).as(run.err()).isEqualTo(7);
                assertThat(run.out()).isEmpty();
                assertThat(run.err()).startsWith("error: no API key").contains("--demo").doesNotContain("FOUND", "Created");
                assertThat(out).doesNotExist();
            }
        } finally {
            Files.deleteIfExists(csv);
            Files.deleteIfExists(out);
        }
    }

    @Test
    void theJarTalksJsonOverTheWireToTheFakeServer() throws Exception {
        // The HTTP path decodes with Yasson: in a shaded jar without Multi-Release: true it fails on
        // records with "No default constructor found".
        try (FakeServer server = FakeServer.builder().seedDemoData().acceptKey("it-key").build().start()) {
            Result run = runJar(Map.of(ApiConnection.KEY_VARIABLE, "it-key"),
                    "--base-uri", server.uri().toString(), "screen", "--phone", "0888123456", "--email", "ivan@example.bg");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).startsWith("FOUND: 2 reports").contains("phone: CERTAIN").contains("Пловдив");
            Result refused = runJar(Map.of(ApiConnection.KEY_VARIABLE, "other-key"),
                    "--base-uri", server.uri().toString(), "cities");
            assertThat(refused.exitCode()).isEqualTo(4);
            assertThat(refused.err()).doesNotContain("other-key");
        }
    }

    @Test
    void theManifestKeepsMultiReleaseAndNamesTheMainClass() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Manifest manifest = jar.getManifest();
            assertThat(manifest.getMainAttributes().getValue("Multi-Release")).isEqualTo("true");
            assertThat(manifest.getMainAttributes().getValue("Main-Class")).isEqualTo(Main.class.getName());
            assertThat(jar.stream().map(e -> e.getName()))
                    .noneMatch(n -> n.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)"))
                    .contains("META-INF/services/jakarta.json.spi.JsonProvider",
                            "META-INF/services/jakarta.json.bind.spi.JsonbProvider");
        }
    }

    @Test
    void theProcessExitsWithTheDocumentedCodes() throws Exception {
        Result usage = runJar(Map.of(), "screen", "--api-key", "s3cr3t", "--phone", "0888123456");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).doesNotContain("s3cr3t");
        assertThat(runJar(Map.of(), "screen", "--phone", "12").exitCode()).isEqualTo(3);
        assertThat(runJar(Map.of(), "--demo", "screen", "--email", "ivan@example.bg", "--fail-on-match").exitCode()).isEqualTo(1);
    }
}
