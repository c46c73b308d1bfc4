package io.nekorekten4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.fake.NekorektenFake;
import io.nekorekten4j.fakeserver.FakeServer;
import io.nekorekten4j.fakeserver.FakeServerExtension;
import io.nekorekten4j.ports.ErrorCode;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command over the real wire protocol: the HTTP adapter against the fake server, with a key
 * from the environment. Each test has its own key, so that the quota the HTTP adapter keeps per
 * key in the JVM is never shared between tests; every run checks that the key reaches neither
 * stdout nor stderr.
 */
class FakeServerCliTest {

    @RegisterExtension
    static final FakeServerExtension SERVER = FakeServerExtension.of(FakeServer::builder);

    @TempDir
    Path dir;

    private FakeServer server;
    private NekorektenFake fake;
    private String key;

    @BeforeEach
    void freshBackendAndKey(FakeServer server) {
        this.server = server;
        this.fake = server.fake();
        fake.reset();
        fake.seedDemoData();
        key = "cli-test-" + UUID.randomUUID();
    }

    /** Runs {@code args} against the fake server with this test's key. */
    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of("--base-uri", server.uri().toString()));
        all.addAll(List.of(args));
        CliRun run = CliRun.run(Map.of(ApiConnection.KEY_VARIABLE, key), all.toArray(String[]::new));
        assertThat(run.out() + run.err()).doesNotContain(key);
        return run;
    }

    @Test
    void screenOverTheWireFindsTheDemoBuyerWithOneRequest() {
        int before = fake.calls().size();
        CliRun run = run("screen", "--phone", "0888123456", "--email", "ivan@example.bg");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("FOUND: 2 reports about phone +359888123456, email ivan@example.bg")
                .contains("phone: CERTAIN").contains("email: COMPATIBLE_WITH_MASK").contains("Пловдив");
        assertThat(fake.calls()).hasSize(before + 1);
    }

    @Test
    void screenJsonOverTheWire() {
        JsonObject result = JsonText.object(run("screen", "--email", "ivan@example.bg", "--json").out());
        assertThat(result.getString("verdict")).isEqualTo("FOUND");
        JsonObject report = result.getJsonArray("reports").getJsonObject(0);
        assertThat(report.getString("email")).isEqualTo("iv**@example.bg");
        assertThat(report.getString("createdAt")).isEqualTo("2025-11-03T19:48:27Z");
        assertThat(report.getJsonObject("matchedBy").getString("email")).isEqualTo("COMPATIBLE_WITH_MASK");
    }

    @Test
    void searchAndCitiesOverTheWire() {
        CliRun search = run("search", "--name", "Иван");
        assertThat(search.exitCode()).isZero();
        assertThat(search.out()).startsWith("2 reports (page 1 of 1):").contains("name: COMPATIBLE_WITH_MASK");
        JsonObject page = JsonText.object(run("search", "--site", "evtini-telefoni.example.bg", "--json").out());
        assertThat(page.getInt("totalCount")).isEqualTo(1);
        assertThat(page.getJsonArray("reports").getJsonObject(0).getJsonObject("matchedBy").getString("site")).isEqualTo("CERTAIN");
        CliRun cities = run("cities");
        assertThat(cities.out()).contains("1   София");
        assertThat(JsonText.parse(run("cities", "--json").out()).asJsonArray()).isNotEmpty();
    }

    @Test
    void aReportIsCreatedUpdatedAndDeletedWithTheKeyThatFiledIt() throws IOException {
        Path png = Files.write(dir.resolve("снимка.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0});
        JsonArray uploaded = JsonText.parse(run("files", "upload", png.toString(), "--json").out()).asJsonArray();
        String fileId = uploaded.getJsonObject(0).getString("id");

        CliRun create = run("report", "create", "--text", "Не потърси пратката.", "--phone", "0899 123 456",
                "--first-name", "Тест", "--last-name", "Тестов", "--city-id", "4", "--file-id", fileId, "--json");
        assertThat(create.exitCode()).as(create.err()).isZero();
        String id = JsonText.object(create.out()).getString("id");

        CliRun update = run("report", "update", id, "--text", "Не потърси пратката и не вдига телефона.");
        assertThat(update.exitCode()).as(update.err()).isZero();
        assertThat(update.out()).startsWith("Updated report " + id);

        JsonObject updated = JsonText.object(run("report", "update", id, "--city-id", "1", "--json").out());
        assertThat(updated.getString("id")).isEqualTo(id);
        assertThat(updated.getString("message")).isEqualTo("Сигналът е редактиран успешно.");

        CliRun delete = run("report", "delete", id);
        assertThat(delete.exitCode()).isZero();
        assertThat(delete.out()).isEqualTo("Deleted report " + id + "." + System.lineSeparator());
        assertThat(run("report", "delete", id).exitCode()).isEqualTo(3); // 404 now
        assertThat(run("search", "--phone", "0899123456", "--json").out()).contains("\"totalCount\": 0");
    }

    @Test
    void deleteJsonSaysWhatWasDeleted() {
        String id = JsonText.object(run("report", "create", "--text", "Текст.", "--email", "a@b.bg", "--json").out()).getString("id");
        JsonObject deleted = JsonText.object(run("report", "delete", id, "--json").out());
        assertThat(deleted.getString("id")).isEqualTo(id);
        assertThat(deleted.getBoolean("deleted")).isTrue();
    }

    @Test
    void theKeyMayComeFromAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("key.txt"), key + "\n");
        CliRun run = CliRun.run(Map.of(), "--base-uri", server.uri().toString(), "--api-key-file", file.toString(), "cities");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void failOnMatchOverTheWireExitsOne() {
        assertThat(run("screen", "--phone", "0888123456", "--fail-on-match").exitCode()).isEqualTo(1);
        assertThat(run("screen", "--phone", "0877000000", "--fail-on-match").exitCode()).isZero();
    }

    @Test
    void aRefusedKeyIsFourAndTheBuyerIsNotChecked() {
        fake.refuseKey(key);
        CliRun run = run("screen", "--phone", "0888123456");
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.out()).startsWith("NOT CHECKED: nothing is known about phone +359888123456 - INVALID_API_KEY: ");
        assertThat(run.err().lines()).singleElement().asString().startsWith("error: ").contains("HTTP 401");
        assertThat(run("cities").exitCode()).isEqualTo(4);
    }

    @Test
    void aKeyUsedFromAnIpNotOnItsWhitelistIsFourAndNamesTheIp() {
        fake.refuseFromIp(key, "203.0.113.7");
        CliRun run = run("cities");
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).contains("203.0.113.7");
        assertThat(run.err().split("add ", -1)).as("the advice, once").hasSize(2);
    }

    @Test
    void changingAReportOfAnotherKeyIsFour() {
        String demo = JsonText.object(run("search", "--phone", "0888123456", "--json").out())
                .getJsonArray("reports").getJsonObject(0).getString("id");
        assertThat(run("report", "update", demo, "--text", "чужд").exitCode()).isEqualTo(4);
    }

    @Test
    void theServiceRefusingTheContentIsThree() {
        CliRun run = run("report", "create", "--text", "Текст.", "--phone", "0899123456", "--file-id", "noSuchFile");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().lines()).hasSize(2);
        assertThat(run.err().lines().findFirst()).get().asString().startsWith("error: ").contains("files");
        // Refused (400): nothing was filed, and the user is told so.
        assertThat(run.err()).contains("note: the report was not filed");
    }

    @Test
    void rateLimitedIsFive() {
        fake.failNext(5, ErrorCode.RATE_LIMITED);
        CliRun run = run("cities");
        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.err()).startsWith("error: ").contains("429");
    }

    @Test
    void aSpentDailyQuotaIsFiveAndSaysWhenItResets() {
        fake.failNext(5, ErrorCode.QUOTA_EXHAUSTED);
        CliRun run = run("screen", "--phone", "0888123456");
        assertThat(run.exitCode()).isEqualTo(5);
        assertThat(run.out()).startsWith("NOT CHECKED:");
        assertThat(run.err()).contains("the quota resets at");
    }

    @Test
    void anUnavailableServiceIsSix() {
        fake.failNext(5, ErrorCode.SERVICE_UNAVAILABLE);
        CliRun run = run("search", "--phone", "0888123456");
        assertThat(run.exitCode()).isEqualTo(6);
        assertThat(run.out()).isEmpty(); // a failed search is never an empty, "clean" page
        assertThat(run.err().lines()).singleElement().asString().startsWith("error: ");
    }

    @Test
    void noUsableAnswerIsSixToo() {
        fake.failNext(5, ErrorCode.UNEXPECTED_RESPONSE);
        assertThat(run("cities").exitCode()).isEqualTo(6);
    }

    @Test
    void csvScreeningOverTheWireWithProgressAndSummary() throws IOException {
        Path csv = Files.writeString(dir.resolve("buyers.csv"), ScreenCsvCliTest.BUYERS, StandardCharsets.UTF_8);
        CliRun run = run("--plan", "business", "screen", "--csv", csv.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("progress: 4/4 rows, 3 requests, 3 found, done")
                .contains("Screened 4 rows with 3 requests: 3 found, 1 not found, 0 not checked, 0 invalid.");
        assertThat(run.out()).doesNotContain("DEMO");
        assertThat(CsvText.records(run.out())).hasSize(5);
    }

    @Test
    void aBuyerThatCouldNotBeCheckedIsSaidSoAndSetsTheExitCode() throws IOException {
        Path csv = Files.writeString(dir.resolve("buyers.csv"), "phone\n0888123456\n0877000000\n", StandardCharsets.UTF_8);
        fake.failNext(3, ErrorCode.SERVICE_UNAVAILABLE); // every attempt for the first buyer
        CliRun run = run("screen", "--csv", csv.toString());
        assertThat(run.exitCode()).isEqualTo(6);
        List<List<String>> rows = CsvText.records(run.out());
        assertThat(CsvText.column(rows, "verdict")).containsExactly("NOT_CHECKED", "NOT_FOUND");
        assertThat(CsvText.column(rows, "reason").get(0)).startsWith("SERVICE_UNAVAILABLE: ");
        assertThat(run.err()).contains("Screened 2 rows with 2 requests: 0 found, 1 not found, 1 not checked, 0 invalid.")
                .contains("error: 1 not checked: ");
    }

    @Test
    void anUncheckedBuyerHasNoCountOfReportsInAnyFormatNeverAZeroThatReadsAsClean() throws IOException {
        fake.failNext(3, ErrorCode.SERVICE_UNAVAILABLE); // every attempt
        JsonObject single = JsonText.object(run("screen", "--phone", "0888123456", "--json").out());
        assertThat(single.getString("verdict")).isEqualTo("NOT_CHECKED");
        assertThat(single.isNull("totalCount")).as(single.toString()).isTrue();

        Path csv = Files.writeString(dir.resolve("buyers.csv"), "phone\n0888123456\n0877000000\n12\n", StandardCharsets.UTF_8);
        fake.failNext(3, ErrorCode.SERVICE_UNAVAILABLE);
        List<List<String>> rows = CsvText.records(run("screen", "--csv", csv.toString()).out());
        assertThat(CsvText.column(rows, "verdict")).containsExactly("NOT_CHECKED", "NOT_FOUND", "INVALID");
        assertThat(CsvText.column(rows, "reports")).containsExactly("", "0", "");

        fake.failNext(3, ErrorCode.SERVICE_UNAVAILABLE);
        List<JsonObject> lines = run("screen", "--csv", csv.toString(), "--json").out().lines()
                .map(JsonText::object).filter(o -> o.containsKey("verdict")).toList();
        assertThat(lines).extracting(o -> o.getString("verdict")).containsExactly("NOT_CHECKED", "NOT_FOUND", "INVALID");
        assertThat(lines.get(0).isNull("reports")).isTrue();
        assertThat(lines.get(1).getInt("reports")).isZero();
        assertThat(lines.get(2).isNull("reports")).isTrue();
    }

    @Test
    void notCheckedWinsOverInvalidInTheExitCode() throws IOException {
        Path csv = Files.writeString(dir.resolve("buyers.csv"), "phone\n0888123456\n12\n", StandardCharsets.UTF_8);
        fake.failNext(3, ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(run("screen", "--csv", csv.toString()).exitCode()).isEqualTo(6);
    }

    @Test
    void aSpentDailyQuotaLeavesTheRestNotCheckedWithoutRequestsAndResumeAsksOnlyThose() throws IOException {
        Path csv = Files.writeString(dir.resolve("orders.csv"), "order;телефон\n"
                + "1;0888123456\n2;0877000000\n3;0877000001\n4;0888123456\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("results.csv");
        fake.failNext(1, ErrorCode.SERVICE_UNAVAILABLE); // a transient failure, retried: row 1 is still decided
        run("screen", "--csv", csv.toString(), "--out", out.toString());
        // Second run: row 2 is refused for a spent quota; rows 3 and 4 are not asked.
        fake.failNext(1, ErrorCode.QUOTA_EXHAUSTED);
        CliRun first = CliRun.run(Map.of(ApiConnection.KEY_VARIABLE, key + "-2"), "--base-uri", server.uri().toString(),
                "screen", "--csv", csv.toString(), "--out", out.toString(), "--resume");
        assertThat(first.exitCode()).as(first.err()).isZero(); // everything was decided by the first run
        Files.delete(out);
        int before = fake.calls().size();
        CliRun spent = CliRun.run(Map.of(ApiConnection.KEY_VARIABLE, key + "-3"), "--base-uri", server.uri().toString(),
                "screen", "--csv", csv.toString(), "--out", out.toString());
        assertThat(spent.exitCode()).as(spent.err()).isEqualTo(5);
        assertThat(fake.calls()).hasSize(before + 1); // the refused call, and nothing after it
        List<List<String>> rows = CsvText.records(Files.readString(out), ';');
        assertThat(CsvText.column(rows, "verdict")).containsExactly("NOT_CHECKED", "NOT_CHECKED", "NOT_CHECKED", "NOT_CHECKED");
        assertThat(CsvText.column(rows, "reason")).allSatisfy(r -> assertThat(r).startsWith("QUOTA_EXHAUSTED: "));
        assertThat(spent.err()).contains("error: 4 not checked: ").contains("the quota resets at");

        // The quota is back (another key): --resume asks the three distinct buyers, once each.
        CliRun resumed = CliRun.run(Map.of(ApiConnection.KEY_VARIABLE, key + "-4"), "--base-uri", server.uri().toString(),
                "screen", "--csv", csv.toString(), "--out", out.toString(), "--resume");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(fake.calls()).hasSize(before + 1 + 3);
        List<List<String>> done = CsvText.records(Files.readString(out), ';');
        assertThat(CsvText.column(done, "order")).containsExactly("1", "2", "3", "4");
        assertThat(CsvText.column(done, "verdict")).containsExactly("FOUND", "NOT_FOUND", "NOT_FOUND", "FOUND");

        // Resumed once more, everything is decided: no request, the file unchanged.
        String finished = Files.readString(out);
        CliRun again = CliRun.run(Map.of(ApiConnection.KEY_VARIABLE, key + "-4"), "--base-uri", server.uri().toString(),
                "screen", "--csv", csv.toString(), "--out", out.toString(), "--resume");
        assertThat(again.err()).contains("with 0 requests (4 kept from the previous run)");
        assertThat(Files.readString(out)).isEqualTo(finished);
        assertThat(fake.calls()).hasSize(before + 1 + 3);
    }

    @Test
    void resumeRefusesAResultsFileOfAnotherInput() throws IOException {
        Path csv = Files.writeString(dir.resolve("a.csv"), "phone\n0888123456\n");
        Path other = Files.writeString(dir.resolve("b.csv"), "email\nivan@example.bg\n");
        Path out = dir.resolve("results.csv");
        assertThat(run("screen", "--csv", csv.toString(), "--out", out.toString()).exitCode()).isZero();
        CliRun run = run("screen", "--csv", other.toString(), "--out", out.toString(), "--resume");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("was not written for this --csv file");
    }
}
