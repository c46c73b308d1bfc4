package io.nekorekten4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line against a hostile service on loopback: whatever the service puts in a report,
 * a city, a receipt or an error — terminal escapes, bidi overrides, C1 controls, forged lines, the
 * key itself — stdout and stderr carry it only escaped, in the table and in {@code --json}, and
 * never carry the key.
 */
class HostileServerCliTest {

    /** Escapes a terminal would act on, a bidi override, C1 CSI, NUL, a forged line; JSON-escaped. */
    private static final String POISON = "\\u001b[2J\\u001b]0;pwned\\u0007 \\u202Egnp.exe\\u202C \\u009b31m"
            + " \\u0000 \\u007f \\u2066iso\\u2069 \\r\\nerror: forged line";

    @TempDir
    Path dir;

    private HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final String key = "cli-hostile-" + UUID.randomUUID();

    private record Answer(int status, String body) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Answer answer = answers.getOrDefault(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(),
                    new Answer(404, "{\"message\":\"no such thing\"}"));
            exchange.getRequestBody().readAllBytes();
            byte[] body = answer.body().replace("$KEY", key).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(String methodAndPath, int status, String body) {
        answers.put(methodAndPath, new Answer(status, body));
    }

    private CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of("--base-uri", "http://127.0.0.1:" + server.getAddress().getPort()));
        all.addAll(List.of(args));
        CliRun run = CliRun.run(Map.of(ApiConnection.KEY_VARIABLE, key), all.toArray(String[]::new));
        assertSafe(run.out() + run.err());
        return run;
    }

    private void assertSafe(String output) {
        assertThat(output).doesNotContain(key);
        List<String> unsafe = output.codePoints()
                .filter(c -> (c < 0x20 && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E)
                        || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C)
                .mapToObj(c -> String.format("U+%04X", c)).toList();
        assertThat(unsafe).as("unsafe characters in: %s", output).isEmpty();
        assertThat(output.lines()).as("a line forged by the service").noneMatch(l -> l.startsWith("error: forged line"));
    }

    private static String poisonedSearch() {
        return """
                {"message":null,"items":[{"id":"6PpAbCdEfG","firstName":"Не**%1$s","lastName":"Ж%1$s",
                "email":"xxxxx****@gmail.com","phone":"+359888123456","text":"Поръча си.%1$s",
                "facebookUrl":null,"siteUrl":"https://example.bg/%1$s","siteUrlMapped":null,
                "user":{"id":"V4pAbCdEfG","firstName":"R%1$s","lastName":"N","email":"x@gmail.com"},
                "city":{"id":1,"name":"София%1$s"},"parent":null,"children":[],"categories":[],
                "files":[{"id":"f1","previewUrl":"/files/%1$s.png"}],"createDate":"2025-01-11T21:22:21+00:00","views":16,
                "liked":0,"visibleOnlyForCreator":false,"isArchived":false}],"count":1,"currentPage":1,"itemsPerPage":20,
                "server":{"date":"2026-02-27 20:22:33","httpCode":200}}
                """.formatted(POISON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"table", "--json"})
    void aPoisonedReportIsShownEscapedInSearchAndScreen(String format) {
        answer("GET /api/v1/reports", 200, poisonedSearch());
        List<String> json = format.equals("--json") ? List.of("--json") : List.of();

        List<String> search = new ArrayList<>(List.of("search", "--phone", "0888123456"));
        search.addAll(json);
        CliRun searched = run(search.toArray(String[]::new));
        List<String> screen = new ArrayList<>(List.of("screen", "--phone", "0888123456"));
        screen.addAll(json);
        CliRun screened = run(screen.toArray(String[]::new));

        assertThat(searched.exitCode()).isZero();
        assertThat(searched.out()).contains("6PpAbCdEfG");
        assertThat(screened.out()).contains("6PpAbCdEfG");
    }

    @ParameterizedTest
    @ValueSource(strings = {"table", "--json"})
    void poisonedCityNamesAreShownEscaped(String format) {
        answer("GET /api/v1/cities", 200, "[{\"id\":1,\"name\":\"София" + POISON + "\"},{\"id\":2,\"name\":\"" + POISON + "\"}]");

        CliRun run = format.equals("--json") ? run("cities", "--json") : run("cities");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("София");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "--json"})
    void aPoisonedReceiptMessageIsShownEscaped(String format) {
        answer("POST /api/v1/reports", 200, "{\"message\":\"Сигналът е приет." + POISON + "\",\"server\":{\"httpCode\":200}}");
        List<String> args = new ArrayList<>(List.of("report", "create", "--text", "Отказа пратка.", "--phone", "0888123456"));
        if (format.equals("--json")) {
            args.add("--json");
        }

        CliRun run = run(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Сигналът е приет.");
    }

    @Test
    void theJsonOutputKeepsTheServicesTextWhole() {
        answer("GET /api/v1/reports", 200, poisonedSearch());

        CliRun run = run("search", "--phone", "0888123456", "--json");

        // Escaped, not dropped: a JSON reader gets the service's characters back.
        String text = JsonText.object(run.out()).getJsonArray("reports").getJsonObject(0).getString("text");
        assertThat(text).startsWith("Поръча си.\u001b[2J").contains("\u202Egnp.exe\u202C").contains("\u009b31m");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 429})
    void aPoisonedErrorThatEchoesTheKeyReachesStderrEscapedAndRedacted(int status) {
        String body = "{\"message\":\"Bad key $KEY " + POISON + " seen from 203.0.113.7\",\"errors\":{\"phone"
                + POISON + "\":[\"" + POISON + "\"]},\"server\":{\"httpCode\":" + status + "}}";
        answer("GET /api/v1/reports", status, body);
        answer("GET /api/v1/cities", status, body);

        CliRun search = run("search", "--phone", "0888123456");
        CliRun json = run("search", "--phone", "0888123456", "--json");
        CliRun screen = run("screen", "--phone", "0888123456", "--json");
        CliRun cities = run("cities");

        assertThat(search.exitCode()).isNotZero();
        assertThat(json.exitCode()).isNotZero();
        assertThat(cities.exitCode()).isNotZero();
        assertThat(screen.out()).contains("NOT_CHECKED");
    }

    @Test
    void aPoisonedServerErrorThatEchoesTheKeyReachesStderrEscapedAndRedacted() {
        // One command only: a 5xx is retried, and the command line waits its backoff in real time.
        answer("GET /api/v1/reports", 500, "{\"message\":\"Bad key $KEY " + POISON + "\",\"server\":{\"httpCode\":500}}");

        CliRun search = run("search", "--phone", "0888123456");

        assertThat(search.exitCode()).isNotZero();
        assertThat(search.err()).contains("HTTP 500");
    }

    @Test
    void aKeyFileThatHoldsSomethingElseIsRefusedWithoutShowingIt() throws IOException {
        Path file = dir.resolve("key.json");
        Files.writeString(file, "{\"apiKey\": \"" + key + "\"}\nsecond line " + key + "\n");

        CliRun run = CliRun.run(Map.of(), "--api-key-file", file.toString(), "--base-uri",
                "http://127.0.0.1:" + server.getAddress().getPort(), "cities");

        assertThat(run.exitCode()).isNotZero();
        assertSafe(run.out() + run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--key", "--apikey", "--token", "-k", "--api_key", "--API-KEY"})
    void aKeyGivenAsAnArgumentUnderAnyNameIsNeverRepeated(String option) {
        CliRun separate = CliRun.run(Map.of(), "search", option, key, "--phone", "0888123456");
        CliRun joined = CliRun.run(Map.of(), "search", option + "=" + key, "--phone", "0888123456");

        assertThat(separate.exitCode()).isNotZero();
        assertThat(joined.exitCode()).isNotZero();
        assertSafe(separate.out() + separate.err());
        assertSafe(joined.out() + joined.err());
    }

    @Test
    void aBaseUriCarryingTheKeyIsRefusedWithoutShowingIt() {
        CliRun userInfo = CliRun.run(Map.of(ApiConnection.KEY_VARIABLE, key), "--base-uri",
                "https://user:" + key + "@api.example.com", "cities");
        CliRun query = CliRun.run(Map.of(ApiConnection.KEY_VARIABLE, key), "--base-uri",
                "https://api.example.com/?key=" + key, "cities");

        assertThat(userInfo.exitCode()).isNotZero();
        assertThat(query.exitCode()).isNotZero();
        assertSafe(userInfo.out() + userInfo.err());
        assertSafe(query.out() + query.err());
    }
}
