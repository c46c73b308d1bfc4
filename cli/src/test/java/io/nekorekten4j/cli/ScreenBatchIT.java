package io.nekorekten4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.fakeserver.FakeServer;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code screen --csv} as a cron job runs it: the built jar as a process, stderr not a terminal,
 * against the fake server over the wire; stopped by a signal mid-batch and resumed.
 */
class ScreenBatchIT {

    private static final String KEY = "batch-it-key";

    @TempDir
    Path dir;

    private FakeServer server;

    @BeforeEach
    void startServer() {
        server = FakeServer.builder().seedDemoData().acceptKey(KEY).build().start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** A file of {@code rows} distinct buyers, the demo's 0888 123 456 first. */
    private Path orders(int rows) throws IOException {
        StringBuilder csv = new StringBuilder("order,phone,amount\n");
        for (int i = 0; i < rows; i++) {
            csv.append(1000 + i).append(',').append(i == 0 ? "0888123456" : String.format("0877%06d", i)).append(",10\n");
        }
        return Files.writeString(dir.resolve("orders.csv"), csv, StandardCharsets.UTF_8);
    }

    private Process start(Path stderr, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JarIT.JAR.toString(), "--base-uri", server.uri().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put(ApiConnection.KEY_VARIABLE, KEY);
        return builder.redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(stderr.toFile()).start();
    }

    private static List<List<String>> rows(Path out) throws IOException {
        return CsvText.records(Files.readString(out, StandardCharsets.UTF_8));
    }

    private static int dataRows(Path out) throws IOException {
        if (!Files.exists(out)) {
            return 0;
        }
        // Whole lines only: a row being written may be cut.
        return (int) Files.readString(out, StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count() - 1;
    }

    private static void signal(Process process, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    @Test
    void ctrlCMidBatchKeepsTheRowsWrittenPrintsTheSummaryAndResumeFinishesWithoutAskingThemAgain() throws Exception {
        Path csv = orders(12);
        Path out = dir.resolve("results.csv");
        Path err = dir.resolve("stderr.txt");
        // The free plan allows 5 requests a minute: the sixth waits for the quota, and Ctrl-C comes then.
        Process run = start(err, "--plan", "free", "screen", "--csv", csv.toString(), "--out", out.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (dataRows(out) < 5 && System.nanoTime() < deadline && run.isAlive()) {
            Thread.onSpinWait();
            Thread.sleep(50);
        }
        assertThat(dataRows(out)).as(Files.readString(err)).isEqualTo(5);
        signal(run, "INT");
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).isEqualTo(130);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(stderr).contains("Interrupted after line 6 of " + csv)
                .contains("Screened 5 rows with 5 requests: 1 found, 4 not found, 0 not checked, 0 invalid.")
                .contains("continue with the same command and --resume")
                .doesNotContain("\r").doesNotContain(KEY);
        List<List<String>> kept = rows(out);
        assertThat(CsvText.column(kept, "order")).containsExactly("1000", "1001", "1002", "1003", "1004");
        assertThat(server.fake().calls()).hasSize(5);

        Process resumed = start(err, "--plan", "business", "screen", "--csv", csv.toString(), "--out", out.toString(),
                "--resume");
        assertThat(resumed.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(resumed.exitValue()).as(Files.readString(err)).isZero();
        assertThat(Files.readString(err)).contains("Screened 12 rows with 7 requests (5 kept from the previous run)");
        List<List<String>> all = rows(out);
        assertThat(CsvText.column(all, "order")).hasSize(12).startsWith("1000", "1001").endsWith("1011");
        assertThat(CsvText.column(all, "verdict")).first().isEqualTo("FOUND");
        assertThat(CsvText.column(all, "verdict")).filteredOn("NOT_FOUND"::equals).hasSize(11);
        assertThat(server.fake().calls()).hasSize(12); // nothing asked twice
        assertThat(Files.exists(out.resolveSibling(out.getFileName() + ".partial"))).isFalse();
    }

    @Test
    void sigtermDuringAResumeKeepsBothTheOldRowsAndTheNewOnes() throws Exception {
        Path csv = orders(14);
        Path out = dir.resolve("results.csv");
        Path err = dir.resolve("stderr.txt");
        Process first = start(err, "--plan", "free", "screen", "--csv", csv.toString(), "--out", out.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (dataRows(out) < 5 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        signal(first, "TERM");
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).isEqualTo(143);
        // Resumed on the same plan, in a new process (a new minute's quota): 5 more, then SIGTERM while waiting.
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        Process second = start(err, "--plan", "free", "screen", "--csv", csv.toString(), "--out", out.toString(), "--resume");
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (dataRows(partial) < 10 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        signal(second, "TERM");
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).isEqualTo(143);
        assertThat(Files.readString(err)).contains("Screened 10 rows with 5 requests (5 kept from the previous run)");
        assertThat(CsvText.column(rows(out), "order")).hasSize(10).endsWith("1009");
        assertThat(partial).doesNotExist();
        assertThat(server.fake().calls()).hasSize(10);
    }

    @Test
    void aWindows1251SemicolonFileWithBulgarianHeadersAndBadRowsInACronLikeRun() throws Exception {
        String text = "Поръчка;Име;Телефон;Имейл;Сума\r\n"
                + "1001;Иван Петров;;ivan@example.bg;\"12,50\"\r\n"
                + "1002;;0888 123 456;;\"5,00\"\r\n"
                + "1003;Никой;12;;1\r\n"
                + "1004;\"Много\r\nредове\";0877 000 000;;3\r\n"
                + "1005;;;не е имейл;7\r\n";
        Path csv = Files.write(dir.resolve("porachki.csv"), text.getBytes(Charset.forName("windows-1251")));
        JarIT.Result run = JarIT.runJar(Map.of(ApiConnection.KEY_VARIABLE, KEY), "--base-uri", server.uri().toString(),
                "screen", "--csv", csv.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(8);
        List<List<String>> rows = CsvText.records(run.out(), ';');
        assertThat(rows.get(0)).containsExactly("Поръчка", "Име", "Телефон", "Имейл", "Сума",
                "line", "verdict", "reports", "matched", "report_ids", "reason");
        assertThat(CsvText.column(rows, "Поръчка")).containsExactly("1001", "1002", "1003", "1004", "1005");
        assertThat(CsvText.column(rows, "Име").get(3)).isEqualTo("Много\r\nредове");
        assertThat(CsvText.column(rows, "line")).containsExactly("2", "3", "4", "5", "7");
        assertThat(CsvText.column(rows, "verdict")).containsExactly("FOUND", "FOUND", "INVALID", "NOT_FOUND", "INVALID");
        // stderr is a file here, as in cron: whole lines, no carriage returns, no bar.
        assertThat(run.err()).doesNotContain("\r").doesNotContain("[#")
                .contains("(windows-1251, separator ';')")
                .contains("line 4: phone: ").contains("line 7: email: ")
                .containsPattern("(?m)^\\S+Z progress: 5/5 rows, 3 requests, 2 found, 2 invalid, done$")
                .contains("Screened 5 rows with 3 requests: 2 found, 1 not found, 0 not checked, 2 invalid.");
    }
}
