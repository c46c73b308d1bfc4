package io.nekorekten4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without an API key a command fails unless {@code --demo} asks for the embedded fake with its demo
 * data; on it every output says so in its first line, in JSON too. (The demo data:
 * {@code NekorektenFake#seedDemoData()}.)
 */
class EmbeddedFakeCliTest {

    @TempDir
    Path dir;

    @Test
    void withoutAKeyAndWithoutDemoNothingIsClaimedAndTheExitCodeIsSeven() {
        for (String[] args : new String[][] {
            {"screen", "--phone", "0888123456"},
            {"screen", "--phone", "0888123456", "--json"},
            {"search", "--phone", "0888123456"},
            {"report", "create", "--text", "Не потърси пратката.", "--phone", "0899 123 456"},
            {"cities"}}) {
            CliRun run = CliRun.withoutKey(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(7);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).isEqualTo("error: " + NoKeyException.MESSAGE + System.lineSeparator());
        }
    }

    @Test
    void aBlankKeyVariableCountsAsNoKey() {
        CliRun run = CliRun.run(Map.of("NEKOREKTEN_API_KEY", "  "), "cities");
        assertThat(run.exitCode()).isEqualTo(7);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void demoAnswersOnTheEmbeddedFakeAndEveryOutputSaysSoInItsFirstLine() {
        CliRun run = CliRun.demo("screen", "--phone", "0888123456", "--email", "ivan@example.bg");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEqualTo(Demo.STDERR_NOTE + System.lineSeparator());
        assertThat(run.out().lines().findFirst()).contains(Demo.NOTICE);
        assertThat(run.outAfterNotice()).startsWith("FOUND: 2 reports about phone +359888123456, email ivan@example.bg");
        for (String[] args : new String[][] {
            {"search", "--phone", "0888123456"},
            {"screen", "--phone", "0877000000"},
            {"report", "create", "--text", "Не потърси пратката.", "--phone", "0899 123 456"},
            {"cities"}}) {
            assertThat(CliRun.demo(args).out()).as(String.join(" ", args)).startsWith(Demo.NOTICE + System.lineSeparator());
        }
        // Even with a key in the environment: --demo is the embedded fake, and says so.
        CliRun withKey = CliRun.run(Map.of("NEKOREKTEN_API_KEY", "k-1"), "--demo", "cities");
        assertThat(withKey.out()).startsWith(Demo.NOTICE);
    }

    @Test
    void demoJsonSaysSoInItsFirstMembersAndWrapsArrays() {
        JsonObject screen = JsonText.object(CliRun.demo("screen", "--phone", "0888123456", "--json").out());
        assertThat(screen.keySet()).startsWith("demo", "notice");
        assertThat(screen.getBoolean("demo")).isTrue();
        assertThat(screen.getString("notice")).isEqualTo(Demo.NOTICE);
        assertThat(screen.getString("verdict")).isEqualTo("FOUND");
        JsonObject cities = JsonText.object(CliRun.demo("cities", "--json").out());
        assertThat(cities.getBoolean("demo")).isTrue();
        assertThat(cities.getJsonArray("items").getJsonObject(0).getString("name")).isEqualTo("София");
    }

    @Test
    void aReportCreatedOnTheDemoSaysItWasNotFiled() {
        CliRun run = CliRun.demo("report", "create", "--text", "Не потърси пратката.", "--phone", "0899 123 456");
        assertThat(run.outAfterNotice()).startsWith("Created on the demo fake (not filed at nekorekten.com) report ");
    }

    @Test
    void demoDoesNotGoWithBaseUri() {
        CliRun run = CliRun.demo("--base-uri", "http://127.0.0.1:9", "cities");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--demo").contains("--base-uri");
    }

    @Test
    void screenMarksEachReportWithWhatItMatched() {
        List<String> lines = CliRun.demo("screen", "--phone", "0888 123 456", "--email", "ivan@example.bg")
                .outAfterNotice().lines().toList();
        assertThat(lines.get(1)).startsWith("ID").contains("MATCHED");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("Не** Желяз****").contains("phone: CERTAIN"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("iv**@example.bg").contains("email: COMPATIBLE_WITH_MASK"));
    }

    @Test
    void screenJsonGivesTheVerdictAndEachReportsMatches() {
        CliRun run = CliRun.demo("screen", "--phone", "0888123456", "--email", "ivan@example.bg", "--json");
        JsonObject result = JsonText.object(run.out());
        assertThat(result.getString("verdict")).isEqualTo("FOUND");
        assertThat(result.getInt("totalCount")).isEqualTo(2);
        assertThat(result.getJsonObject("buyer").getString("phone")).isEqualTo("+359888123456");
        assertThat(result.isNull("reason")).isTrue();
        assertThat(result.getJsonArray("reports").getValuesAs(JsonObject.class))
                .extracting(r -> r.getJsonObject("matchedBy").toString())
                .containsExactlyInAnyOrder("{\"email\":\"COMPATIBLE_WITH_MASK\"}", "{\"phone\":\"CERTAIN\"}");
    }

    @Test
    void aBuyerWithoutReportsIsNotFoundAndExitsZeroEvenWithFailOnMatch() {
        CliRun run = CliRun.demo("screen", "--phone", "0877 000 000", "--fail-on-match");
        assertThat(run.exitCode()).isZero();
        assertThat(run.outAfterNotice()).isEqualTo("NOT FOUND: no reports about phone +359877000000" + System.lineSeparator());
    }

    @Test
    void failOnMatchExitsOneWhenReportsAreFound() {
        assertThat(CliRun.demo("screen", "--email", "ivan@example.bg", "--fail-on-match").exitCode()).isEqualTo(1);
        assertThat(CliRun.demo("search", "--email", "ivan@example.bg", "--fail-on-match").exitCode()).isEqualTo(1);
        assertThat(CliRun.demo("search", "--email", "ivan@example.bg").exitCode()).isZero();
    }

    @Test
    void searchByNamePrintsAnAlignedTable() {
        CliRun run = CliRun.demo("search", "--name", "Иван");
        assertThat(run.exitCode()).isZero();
        List<String> lines = run.outAfterNotice().lines().toList();
        assertThat(lines.get(0)).isEqualTo("2 reports (page 1 of 1):");
        List<String> table = lines.subList(1, lines.size());
        assertThat(table).hasSize(3);
        // Every column starts at the same display column on every line.
        for (String header : List.of("DATE", "NAME", "CITY", "MATCHED", "TEXT")) {
            int at = DisplayWidth.of(table.get(0).substring(0, table.get(0).indexOf(header)));
            assertThat(table.subList(1, 3)).allSatisfy(row -> assertThat(columnStarts(row)).contains(at));
        }
    }

    @Test
    void aPagePastTheEndSaysSoInsteadOfAnEmptyTable() {
        CliRun run = CliRun.demo("search", "--name", "Иван", "--page", "5");
        assertThat(run.exitCode()).isZero();
        assertThat(run.outAfterNotice()).isEqualTo("Page 5 is past the end: 2 reports in all, on pages 1 to 1."
                + System.lineSeparator());
    }

    @Test
    void searchJsonHasThePageAndTheReports() {
        JsonObject page = JsonText.object(CliRun.demo("--json", "search", "--name", "Иван").out());
        assertThat(page.getInt("totalCount")).isEqualTo(2);
        assertThat(page.getBoolean("hasMorePages")).isFalse();
        JsonArray reports = page.getJsonArray("reports");
        assertThat(reports).hasSize(2);
        assertThat(reports.getJsonObject(0).getJsonObject("matchedBy").getString("name")).isEqualTo("COMPATIBLE_WITH_MASK");
        assertThat(reports.getJsonObject(0).getString("cityName")).isEqualTo("Стара Загора");
    }

    @Test
    void oneOfModeUnitesTheFilters() {
        JsonObject all = JsonText.object(CliRun.demo("search", "--phone", "0888123456", "--email", "ivan@example.bg", "--json").out());
        JsonObject oneOf = JsonText.object(CliRun.demo("search", "--phone", "0888123456", "--email", "ivan@example.bg",
                "--mode", "one-of", "--json").out());
        assertThat(all.getInt("totalCount")).isZero();
        assertThat(oneOf.getInt("totalCount")).isEqualTo(2);
    }

    @Test
    void citiesListsIdsAndCyrillicNames() {
        CliRun run = CliRun.demo("cities");
        assertThat(run.outAfterNotice().lines()).first().isEqualTo("ID  CITY");
        assertThat(run.out()).contains("1   София").contains("23  Стара Загора");
        JsonArray json = JsonText.object(CliRun.demo("cities", "--json").out()).getJsonArray("items");
        assertThat(json.getJsonObject(0).getInt("id")).isEqualTo(1);
        assertThat(json.getJsonObject(0).getString("name")).isEqualTo("София");
    }

    @Test
    void reportCreatePrintsTheNewReportsId() {
        CliRun run = CliRun.demo("report", "create", "--text", "Не потърси пратката.", "--phone", "0899 123 456",
                "--first-name", "Тест", "--city-id", "1");
        assertThat(run.exitCode()).isZero();
        assertThat(run.outAfterNotice())
                .matches("Created on the demo fake \\(not filed at nekorekten.com\\) report [A-Za-z0-9_-]+: Сигналът е добавен успешно\\.\\R");
        JsonObject json = JsonText.object(CliRun.demo("report", "create", "--text", "x y z", "--email", "a@b.bg", "--json").out());
        assertThat(json.getString("id")).isNotBlank();
        assertThat(json.getString("message")).isEqualTo("Сигналът е добавен успешно.");
    }

    @Test
    void reportCreateWithoutAnIdentifyingFieldIsAValidationError() {
        CliRun run = CliRun.demo("report", "create", "--text", "Не потърси пратката.");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("error: Invalid input").doesNotContain(Demo.STDERR_NOTE);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void changingADemoReportFiledByAnotherShopIsRefused() {
        String id = JsonText.object(CliRun.demo("search", "--phone", "0888123456", "--json").out())
                .getJsonArray("reports").getJsonObject(0).getString("id");
        CliRun update = CliRun.demo("report", "update", id, "--text", "друг текст");
        assertThat(update.exitCode()).isEqualTo(4);
        assertThat(update.err().lines().filter(l -> l.startsWith("error: "))).hasSize(1);
        assertThat(CliRun.demo("report", "delete", id).exitCode()).isEqualTo(4);
    }

    @Test
    void deletingAReportThatDoesNotExistIsThree() {
        CliRun run = CliRun.demo("report", "delete", "noSuchReport1");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("error: ").contains("HTTP 404");
    }

    @Test
    void filesUploadPrintsAnIdPerFile() throws IOException {
        Path png = Files.write(dir.resolve("снимка.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0});
        Path pdf = Files.write(dir.resolve("order.pdf"), "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        CliRun run = CliRun.demo("files", "upload", png.toString(), pdf.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.outAfterNotice().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).matches("FILE\\s+ID");
        assertThat(lines.get(1)).startsWith("снимка.png  ");
        assertThat(lines.get(2)).startsWith("order.pdf   ");
        JsonArray json = JsonText.object(CliRun.demo("files", "upload", png.toString(), "--json").out()).getJsonArray("items");
        assertThat(json.getJsonObject(0).getString("file")).isEqualTo("снимка.png");
    }

    @Test
    void filesUploadChecksEveryFileBeforeSending() throws IOException {
        Path fakePng = Files.writeString(dir.resolve("fake.png"), "not an image");
        CliRun run = CliRun.demo("files", "upload", fakePng.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("fake.png").doesNotContain(Demo.STDERR_NOTE);
        // A file that is not there is a usage error, as a missing --csv file is.
        CliRun missing = CliRun.demo("files", "upload", fakePng.toString(), dir.resolve("missing.jpg").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("missing.jpg: no such file");
        assertThat(CliRun.demo("screen", "--csv", dir.resolve("missing.csv").toString()).exitCode()).isEqualTo(2);
    }

    private static List<Integer> columnStarts(String row) {
        // The display column after each run of two or more spaces.
        java.util.regex.Matcher gaps = java.util.regex.Pattern.compile(" {2,}").matcher(row);
        List<Integer> starts = new java.util.ArrayList<>();
        while (gaps.find()) {
            starts.add(DisplayWidth.of(row.substring(0, gaps.end())));
        }
        return starts;
    }
}
