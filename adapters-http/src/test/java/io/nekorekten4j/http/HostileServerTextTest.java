package io.nekorekten4j.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.client;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.randomKey;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.transport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.ServerText;
import io.nekorekten4j.domain.Violation;
import io.nekorekten4j.http.NekorektenHttpTestSupport.StdErrCapture;
import io.nekorekten4j.ports.InvalidApiKeyException;
import io.nekorekten4j.ports.InvalidRequestException;
import io.nekorekten4j.ports.IpNotWhitelistedException;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.ServiceUnavailableException;
import io.nekorekten4j.ports.UnexpectedResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A hostile server's text — control characters, bidi overrides, forged log lines, binary, the key
 * in disguise — never reaches a message, a context, a cause, a log line or a field error as it
 * came, on either transport.
 */
@Timeout(60)
class HostileServerTextTest {

    @RegisterExtension
    static WireMockExtension service = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private static final SearchCriteria CRITERIA = SearchCriteria.builder().phone("0888 123 456").build();

    private final String key = randomKey();
    private final List<NekorektenHttp> clients = new ArrayList<>();

    @AfterEach
    void close() {
        clients.forEach(NekorektenHttp::close);
    }

    private NekorektenHttp api(String transportKind, String baseUrl) {
        NekorektenHttp api = client(baseUrl, key, transport(transportKind), VirtualTime.startingAt(Instant.now()))
                .retry(RetryOptions.disabled()).build();
        clients.add(api);
        return api;
    }

    private void answer(int status, byte[] body) {
        service.stubFor(get(urlPathEqualTo("/api/v1/reports")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private void answer(int status, String body) {
        answer(status, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Every text a caller or a log can get from {@code e}: nothing unsafe, nothing of the key. */
    private void assertSafe(NekorektenException e) {
        List<String> texts = new ArrayList<>();
        texts.add(e.getMessage());
        texts.add(e.toString());
        texts.add(e.context().toString());
        e.context().bodyExcerpt().ifPresent(texts::add);
        e.context().serviceMessage().ifPresent(texts::add);
        if (e instanceof InvalidRequestException invalid) {
            invalid.fieldErrors().forEach(v -> texts.add(v.toString()));
        }
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        String stackTrace = trace.toString();
        for (String text : texts) {
            assertThat(text.codePoints().filter(ServerText::isForbidden).toArray()).as(text).isEmpty();
            assertThat(text.toLowerCase()).doesNotContain(key.toLowerCase()).doesNotContain(key.substring(3, 15));
        }
        // A stack trace has its own line breaks; the server's text may add none, nor any control.
        assertThat(stackTrace).doesNotContain("\u001B", "\u0007", "\u0000", "\u202E", "\u2028", "\u0085")
                .doesNotContain(key);
        assertThat(stackTrace.lines()).noneMatch(line -> line.matches("\\s*(INFO|ERROR|FORGED|X-Forged).*"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void fieldNamesAndMessagesOfA422CannotForgeLogLinesOrCliErrors(String transportKind) {
        answer(422, "{\"message\":\"Bad\\r\\nINFO FORGED ok\",\"errors\":{\"phone\\r\\nERROR FORGED\\u001b[31m\\u202e\":"
                + "[\"invalid\\u0000\\u0007\\u2028FORGED\"],\"text\":\"required\\u0085FORGED\"},\"server\":{\"httpCode\":422}}");
        NekorektenHttp api = api(transportKind, service.baseUrl());

        InvalidRequestException e = catchThrowableOfType(() -> api.search(CRITERIA), InvalidRequestException.class);

        assertSafe(e);
        assertThat(e.getMessage()).startsWith("The service rejected the request as invalid: phone ERROR FORGED\\u001B[31m\\u202E, text");
        assertThat(e.fieldErrors()).containsExactly(
                new Violation("phone ERROR FORGED\\u001B[31m\\u202E", "invalid\\u0000\\u0007 FORGED"),
                new Violation("text", "required FORGED"));
        assertThat(e.context().serviceMessage()).hasValue("Bad INFO FORGED ok");
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aBinaryErrorBodyGivesASafeExcerpt(String transportKind) {
        byte[] body = new byte[700];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i * 37 + 11);
        }
        body[3] = 0x1B;
        body[4] = 0;
        answer(500, body);
        NekorektenHttp api = api(transportKind, service.baseUrl());

        ServiceUnavailableException e = catchThrowableOfType(() -> api.search(CRITERIA), ServiceUnavailableException.class);

        assertSafe(e);
        assertThat(e.context().bodyExcerpt()).hasValueSatisfying(x -> assertThat(x.length()).isBetween(1, 200));
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void theIpOfAWhitelistRefusalIsExtractedFromBehindBidiControls(String transportKind) {
        answer(403, "{\"message\":\"Access denied for IP \\u202e203.0.113.7\\u202c\\r\\nFORGED\",\"server\":{\"httpCode\":403}}");
        NekorektenHttp api = api(transportKind, service.baseUrl());

        IpNotWhitelistedException e = catchThrowableOfType(() -> api.search(CRITERIA), IpNotWhitelistedException.class);

        assertSafe(e);
        assertThat(e.ipAddress()).hasValue("203.0.113.7");
        assertThat(e.getMessage()).contains("(203.0.113.7)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void theKeyEchoedJsonEscapedOrEncodedIsRedactedFromMessageAndExcerpt(String transportKind) {
        // The body escapes the key's first letter; the message escapes it once more (so that after
        // JSON decoding it still reads \u006b…), and percent-encodes it.
        String once = "\\u" + String.format("%04x", (int) key.charAt(0)) + key.substring(1);
        String percent = key.substring(0, 5) + "%" + String.format("%02X", (int) key.charAt(5)) + key.substring(6);
        answer(401, "{\"message\":\"Invalid key \\" + once + " or " + percent + "\",\"key\":\"" + once + "\","
                + "\"server\":{\"httpCode\":401}}");
        NekorektenHttp api = api(transportKind, service.baseUrl());

        InvalidApiKeyException e = catchThrowableOfType(() -> api.search(CRITERIA), InvalidApiKeyException.class);

        assertSafe(e);
        assertThat(e.context().serviceMessage()).hasValue("Invalid key [redacted] or [redacted]");
        assertThat(e.context().bodyExcerpt()).hasValueSatisfying(x ->
                assertThat(x).contains("\"key\":\"[redacted]\"").doesNotContain(key.substring(1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void anUnreadableAnswerWithControlsInItIsReportedSafely(String transportKind) {
        answer(200, "{\"message\":null,\"items\":[{\"id\":\"\u001B]0;FORGED\u0007\r\nx\"}");
        NekorektenHttp api = api(transportKind, service.baseUrl());

        UnexpectedResponseException e = catchThrowableOfType(() -> api.search(CRITERIA), UnexpectedResponseException.class);

        assertSafe(e);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aStatusLineOrHeaderWithControlsNeverReachesAMessageOrACause(String transportKind) throws Exception {
        String[] answers = {
            "HTTP/1.1 503 \u001B]0;FORGED\u0007Service\u0085Unavailable\r\nContent-Length: 0\r\n\r\n",
            "HTTP/1.1 5\u001B3 FORGED\r\nContent-Length: 0\r\n\r\n",
            "HTTP/1.1 429 Too Many\r\nRetry-After: 5\u001B[2JFORGED\r\nContent-Length: 0\r\n\r\n",
            "HTTP/1.1 200 OK\r\nX-Evil\u001B: FORGED\r\nContent-Length: 0\r\n\r\n"};
        for (String raw : answers) {
            try (RawServer server = new RawServer(raw);
                 StdErrCapture logs = new StdErrCapture()) {
                NekorektenHttp api = api(transportKind, server.baseUrl());
                NekorektenException e = catchThrowableOfType(() -> api.search(CRITERIA), NekorektenException.class);
                assertThat(e).as(raw).isNotNull();
                assertSafe(e);
                // Apache's own wire and header loggers print raw bytes at DEBUG (the README says to keep
                // them at INFO); every other line, ours and Resilience4j's, is checked.
                assertThat(logs.text().lines().filter(line -> !line.contains("org.apache.hc")))
                        .noneMatch(line -> line.contains("\u001B") || line.contains("\u0007"));
            }
        }
    }

    /** Answers every connection with the same raw bytes, then closes it. */
    private static final class RawServer implements AutoCloseable {
        private final ServerSocket socket;
        private final Thread thread;

        RawServer(String answer) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            byte[] bytes = answer.getBytes(StandardCharsets.ISO_8859_1);
            thread = new Thread(() -> serve(bytes), "raw-server");
            thread.setDaemon(true);
            thread.start();
        }

        private void serve(byte[] bytes) {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    InputStream in = s.getInputStream();
                    readHead(in);
                    OutputStream out = s.getOutputStream();
                    out.write(bytes);
                    out.flush();
                } catch (IOException e) {
                    // the socket was closed, or the client went away: serve the next one
                }
            }
        }

        private static void readHead(InputStream in) throws IOException {
            int matched = 0;
            byte[] end = {'\r', '\n', '\r', '\n'};
            for (int b; matched < 4 && (b = in.read()) >= 0; ) {
                matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            }
        }

        String baseUrl() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
