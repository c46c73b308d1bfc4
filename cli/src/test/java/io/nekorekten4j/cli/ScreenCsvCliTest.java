package io.nekorekten4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code screen --csv} on the demo fake: every input column kept in its order plus the verdict
 * columns, rows streamed, bad rows INVALID with their line while the run goes on, what Bulgarian
 * spreadsheets write, progress for a terminal or a log, and the exit codes.
 */
class ScreenCsvCliTest {

    // A shop's export: extra columns, header in its own case, quoted fields with a comma and a
    // line break, a repeated buyer in another spelling, a blank line.
    static final String BUYERS = "Order,Name,PHONE,Email,Note\r\n"
            + "1001,\"Иван Петров\",,ivan@example.bg,\"late, twice\nno answer\"\r\n"
            + "1002,,0888 123 456,,\r\n"
            + "1003,Никой Никоев,0877 000 000,,\r\n"
            + "\r\n"
            + "1004,,+359888123456,,repeat\r\n";

    @TempDir
    Path dir;

    private Path csv;

    @BeforeEach
    void writeCsv() throws IOException {
        csv = Files.writeString(dir.resolve("buyers.csv"), BUYERS, StandardCharsets.UTF_8);
    }

    @Test
    void everyInputColumnIsKeptInItsOrderThenTheVerdictColumns() {
        CliRun run = CliRun.demo("screen", "--csv", csv.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("# " + Demo.NOTICE + "\r\n");
        List<List<String>> rows = CsvText.records(run.out());
        assertThat(rows.get(0)).containsExactly("Order", "Name", "PHONE", "Email", "Note",
                "line", "verdict", "reports", "matched", "report_ids", "reason");
        assertThat(rows.get(1)).startsWith("1001", "Иван Петров", "", "ivan@example.bg", "late, twice\nno answer", "2", "FOUND");
        assertThat(CsvText.column(rows, "Order")).containsExactly("1001", "1002", "1003", "1004");
        assertThat(CsvText.column(rows, "line")).containsExactly("2", "4", "5", "7");
        assertThat(CsvText.column(rows, "verdict")).containsExactly("FOUND", "FOUND", "NOT_FOUND", "FOUND");
        assertThat(CsvText.column(rows, "matched").get(1)).isEqualTo("phone: CERTAIN");
        assertThat(CsvText.column(rows, "PHONE").get(3)).isEqualTo("+359888123456"); // echoed as written
        // Three distinct buyers: the repeated one is asked once.
        assertThat(run.err()).contains("Screened 4 rows with 3 requests: 3 found, 1 not found, 0 not checked, 0 invalid.");
    }

    @Test
    void stderrThatIsNotATerminalGetsWholeLogLinesNoBar() {
        CliRun run = CliRun.demo("screen", "--csv", csv.toString());
        assertThat(run.err()).doesNotContain("\r").doesNotContain("[#")
                .containsPattern("(?m)^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ progress: 4/4 rows, 3 requests, 3 found, done$");
    }

    @Test
    void aTerminalGetsTheBarRedrawnInPlace() {
        CliRun run = CliRun.run(Map.of(), true, "--demo", "screen", "--csv", csv.toString());
        assertThat(run.err()).contains("\r[####################] 4/4 rows, 3 requests, 3 found, done")
                .doesNotContain("progress:");
    }

    @Test
    void quietPrintsNothingButErrorsAndNoProgressKeepsTheSummary() {
        CliRun quiet = CliRun.demo("--quiet", "screen", "--csv", csv.toString());
        assertThat(quiet.exitCode()).isZero();
        assertThat(quiet.err()).isEmpty();
        assertThat(CsvText.records(quiet.out())).hasSize(5);
        CliRun noProgress = CliRun.demo("screen", "--csv", csv.toString(), "--no-progress");
        assertThat(noProgress.err()).doesNotContain("progress:").contains("Screened 4 rows");
    }

    @Test
    void jsonIsOneLinePerRowThenTheSummary() {
        CliRun run = CliRun.demo("screen", "--csv", csv.toString(), "--json");
        assertThat(run.exitCode()).isZero();
        List<JsonObject> lines = run.out().lines().map(JsonText::object).toList();
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0).getBoolean("demo")).isTrue();
        assertThat(lines.get(0).getString("notice")).isEqualTo(Demo.NOTICE);
        JsonObject ivan = lines.get(1);
        assertThat(ivan.getInt("line")).isEqualTo(2);
        assertThat(ivan.getJsonObject("input").getString("Order")).isEqualTo("1001");
        assertThat(ivan.getJsonObject("input").getString("Name")).isEqualTo("Иван Петров");
        assertThat(ivan.getString("verdict")).isEqualTo("FOUND");
        assertThat(ivan.getJsonObject("matched").getString("email")).isEqualTo("COMPATIBLE_WITH_MASK");
        assertThat(ivan.isNull("reason")).isTrue();
        JsonObject summary = lines.get(5).getJsonObject("summary");
        assertThat(summary.getInt("rows")).isEqualTo(4);
        assertThat(summary.getInt("requests")).isEqualTo(3);
        assertThat(summary.getInt("found")).isEqualTo(3);
        assertThat(summary.getInt("notChecked")).isZero();
    }

    @Test
    void outWritesAFileExcelOpensWithTheInputsSeparator() throws IOException {
        Path semicolons = Files.writeString(dir.resolve("excel.csv"), "\uFEFFtelefon;телефон;сума\r\n;0888123456;12,50\r\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("results.csv");
        CliRun run = CliRun.demo("screen", "--csv", semicolons.toString(), "--out", out.toString(), "--fail-on-match");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Results in " + out);
        String written = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(written).startsWith("\uFEFF# DEMO");
        List<List<String>> rows = CsvText.records(written, ';');
        assertThat(rows.get(1)).containsExactly("", "0888123456", "12,50", "2", "FOUND", "1", "phone: CERTAIN",
                "wkFjtpPpl9", "");
    }

    @Test
    void aWindows1251FileWithSemicolonsAndBulgarianHeadersIsRead() throws IOException {
        String text = "Поръчка;Име;Фамилия;Телефон;Имейл;Сума\r\n"
                + "1001;Иван;Петров;;ivan@example.bg;\"12,50\"\r\n"
                + "1002;Недялка;;0888 123 456;;\"5,00\"\r\n";
        Path cp1251 = Files.write(dir.resolve("cp1251.csv"), text.getBytes(Charset.forName("windows-1251")));
        CliRun run = CliRun.demo("screen", "--csv", cp1251.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("(windows-1251, separator ';')").contains("phone ('Телефон')")
                .contains("name ('Име')").contains("last name ('Фамилия')");
        List<List<String>> rows = CsvText.records(run.out(), ';');
        assertThat(rows.get(1)).startsWith("1001", "Иван", "Петров", "", "ivan@example.bg", "12,50", "2", "FOUND");
        assertThat(CsvText.column(rows, "verdict")).containsExactly("FOUND", "FOUND");
    }

    @Test
    void badRowsAreInvalidWithTheirLineAndTheRunGoesOnWithExitCodeEight() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "order,phone,email\n"
                + "1,0888123456,\n"
                + "2,12,\n"
                + "3,,broken@\n"
                + "4,0877000000,,surplus\n"
                + "5,,\n"
                + "6,0877000000,\n");
        CliRun run = CliRun.demo("screen", "--csv", bad.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(8);
        List<List<String>> rows = CsvText.records(run.out());
        assertThat(CsvText.column(rows, "order")).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(CsvText.column(rows, "verdict")).containsExactly("FOUND", "INVALID", "INVALID", "INVALID", "INVALID",
                "NOT_FOUND");
        assertThat(CsvText.column(rows, "reason").get(1)).startsWith("phone: ");
        assertThat(CsvText.column(rows, "reason").get(3)).contains("4 fields where the header has 3");
        assertThat(run.err()).contains("line 3: phone: ").contains("line 4: email: ").contains("line 5: 4 fields")
                .contains("line 6: ").contains("Screened 6 rows with 2 requests: 1 found, 1 not found, 0 not checked, 4 invalid.")
                .contains("warning: 4 rows are INVALID");
    }

    @Test
    void aQuoteNeverClosedKeepsTheRowsBeforeItAndIsOneInvalidRow() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.csv"), "phone,name\n0888123456,Иван\n0877000000,\"Петър\n0888,x\n");
        CliRun run = CliRun.demo("screen", "--csv", broken.toString());
        assertThat(run.exitCode()).isEqualTo(8);
        List<List<String>> rows = CsvText.records(run.out());
        assertThat(CsvText.column(rows, "verdict")).containsExactly("FOUND", "INVALID");
        assertThat(CsvText.column(rows, "line")).containsExactly("2", "3");
        assertThat(run.err()).contains("line 3: a quoted field that starts here is never closed");
    }

    @Test
    void aMissingFileIsTwoAndAHeaderWithoutBuyerColumnsThreeBothBeforeAnyConnection() throws IOException {
        CliRun missing = CliRun.withoutKey("screen", "--csv", dir.resolve("none.csv").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file").contains("--csv");
        Path noBuyer = Files.writeString(dir.resolve("orders.csv"), "order,amount\n1,2\n");
        CliRun header = CliRun.withoutKey("screen", "--csv", noBuyer.toString());
        assertThat(header.exitCode()).isEqualTo(3);
        assertThat(header.err()).contains("the header names no column of the buyer");
        assertThat(CliRun.withoutKey("screen", "--csv", csv.toString()).exitCode()).isEqualTo(7);
    }

    @Test
    void optionsThatDoNotGoTogetherAreUsageErrors() {
        assertThat(CliRun.demo("screen", "--csv", csv.toString(), "--resume").err()).contains("--resume needs --out FILE");
        assertThat(CliRun.demo("screen", "--csv", csv.toString(), "--resume", "--out", "x.csv", "--json").exitCode())
                .isEqualTo(2);
        assertThat(CliRun.demo("screen", "--phone", "0888123456", "--encoding", "utf-8").err()).contains("--encoding needs --csv");
        assertThat(CliRun.demo("screen", "--csv", csv.toString(), "--encoding", "klingon").err()).contains("unknown encoding");
        assertThat(CliRun.demo("screen", "--csv", csv.toString(), "--separator", "ab").exitCode()).isEqualTo(2);
    }

    @Test
    void resumeOfADemoFileWithARealKeyIsRefused() throws IOException {
        Path out = dir.resolve("results.csv");
        assertThat(CliRun.demo("screen", "--csv", csv.toString(), "--out", out.toString()).exitCode()).isZero();
        CliRun real = CliRun.run(Map.of("NEKOREKTEN_API_KEY", "k-1"), "--base-uri", "http://127.0.0.1:9",
                "screen", "--csv", csv.toString(), "--out", out.toString(), "--resume");
        assertThat(real.exitCode()).isEqualTo(2);
        assertThat(real.err()).contains("holds demo results");
        // A demo resume of a finished demo file asks nothing again.
        CliRun again = CliRun.demo("screen", "--csv", csv.toString(), "--out", out.toString(), "--resume");
        assertThat(again.err()).contains("Screened 4 rows with 0 requests (4 kept from the previous run)");
    }
}
