package io.nekorekten4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code screen --csv}: many buyers, progress and summary on stderr, results as CSV or JSON. */
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
    void resultsGoToStdoutAsCsvWithProgressAndSummaryOnStderr() {
        CliRun run = CliRun.demo("screen", "--csv", csv.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("# " + Demo.NOTICE + "\r\n");
        List<CsvReader.Row> rows = CsvReader.parse(run.out().substring(run.out().indexOf('\n') + 1));
        assertThat(rows.get(0).fields()).containsExactly(
                "line", "phone", "email", "name", "site", "verdict", "reports", "matched", "report_ids", "reason");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.fields().get(0) + " " + r.fields().get(5))
                .containsExactly("2 FOUND", "4 FOUND", "5 NOT_FOUND", "7 FOUND");
        List<String> ivan = rows.get(1).fields();
        assertThat(ivan.get(3)).isEqualTo("Иван Петров");
        assertThat(ivan.get(7)).contains("email: COMPATIBLE_WITH_MASK");
        assertThat(rows.get(2).fields().get(7)).isEqualTo("phone: CERTAIN");
        assertThat(rows.get(4).fields().get(1)).isEqualTo("+359888123456"); // echoed as written
        // Three distinct buyers: the repeated one is asked once.
        assertThat(run.err()).contains("\r[####################] 4/4 buyers, 3 requests, done")
                .contains("Screened 4 buyers with 3 requests: 3 found, 1 not found, 0 not checked.");
    }

    @Test
    void jsonHasTheSummaryAndEveryResultWithItsLine() {
        CliRun run = CliRun.demo("screen", "--csv", csv.toString(), "--json", "--no-progress");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).doesNotContain("[#");
        JsonObject doc = JsonText.object(run.out());
        JsonObject summary = doc.getJsonObject("summary");
        assertThat(summary.getInt("buyers")).isEqualTo(4);
        assertThat(summary.getInt("requests")).isEqualTo(3);
        assertThat(summary.getInt("found")).isEqualTo(3);
        assertThat(summary.getInt("notFound")).isEqualTo(1);
        assertThat(summary.getInt("notChecked")).isZero();
        List<JsonObject> results = doc.getJsonArray("results").getValuesAs(JsonObject.class);
        assertThat(results).extracting(r -> r.getInt("line")).containsExactly(2, 4, 5, 7);
        assertThat(results.get(0).getJsonObject("buyer").getString("name")).isEqualTo("Иван Петров");
        assertThat(results.get(1).getJsonArray("reports").getJsonObject(0).getJsonObject("matchedBy").getString("phone"))
                .isEqualTo("CERTAIN");
    }

    @Test
    void outWritesTheResultsToAFileInUtf8() throws IOException {
        Path out = dir.resolve("results.csv");
        CliRun run = CliRun.demo("screen", "--csv", csv.toString(), "--out", out.toString(), "--fail-on-match");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Results in " + out);
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains(",Иван Петров,").contains("NOT_FOUND");
    }

    @Test
    void semicolonSeparatedFilesFromExcelAreRead() throws IOException {
        Path excel = Files.writeString(dir.resolve("excel.csv"), "\uFEFFphone;email\r\n0888123456;\r\n", StandardCharsets.UTF_8);
        CliRun run = CliRun.demo("screen", "--csv", excel.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("2,0888123456,,,,FOUND,1,phone: CERTAIN,");
    }

    @Test
    void badRowsAreListedByLineAndNothingIsScreened() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "phone,email\n0888123456,\n12,\n,broken@\n");
        CliRun run = CliRun.demo("screen", "--csv", bad.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("error: Invalid input (2 problems): line 3: phone: ").contains("line 4: email: ")
                .doesNotContain(Demo.STDERR_NOTE);
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void aMissingOrNonUtf8FileIsAUsageError() throws IOException {
        CliRun missing = CliRun.demo("screen", "--csv", dir.resolve("none.csv").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
        Path latin1 = Files.write(dir.resolve("cp1251.csv"), "name\n\u0418\u0432\u0430\u043d\n".getBytes("windows-1251"));
        CliRun notUtf8 = CliRun.demo("screen", "--csv", latin1.toString());
        assertThat(notUtf8.exitCode()).isEqualTo(2);
        assertThat(notUtf8.err()).contains("not UTF-8");
    }
}
