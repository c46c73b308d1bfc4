package io.nekorekten4j.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.client;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.fixture;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.randomKey;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.transport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.ReportPatch;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.ports.CircuitOpenException;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.QuotaPlan;
import io.nekorekten4j.ports.RateLimitWaitExceededException;
import io.nekorekten4j.ports.RequestOutcome;
import io.nekorekten4j.ports.TransportException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every failure says machine-readably what became of the request over all attempts — not sent,
 * refused, or may have been applied — and how many attempts went to the wire, on both transports.
 */
@Timeout(60)
class OutcomeTest {

    @RegisterExtension
    static WireMockExtension service = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private static final SearchCriteria CRITERIA = SearchCriteria.builder().phone("0888 123 456").build();
    private static final ReportDraft DRAFT = ReportDraft.builder().text("Отказа пратка.").phone("0888 123 456").build();
    private static final ReportId ID = ReportId.of("0obgyGbp1Ms");

    private final VirtualTime sleeper = VirtualTime.startingAt(Instant.now());
    private NekorektenHttp api;

    @AfterEach
    void close() {
        if (api != null) {
            api.close();
        }
    }

    private NekorektenHttp api(String baseUrl, String transportKind,
                               Function<NekorektenHttp.Builder, NekorektenHttp.Builder> settings) {
        api = settings.apply(client(baseUrl, randomKey(), transport(transportKind), sleeper)).build();
        return api;
    }

    private NekorektenHttp api(String transportKind) {
        return api(service.baseUrl(), transportKind, b -> b);
    }

    private static int requests() {
        return service.findAll(anyRequestedFor(anyUrl())).size();
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aCreateThatNeverConnectedIsNotSentAfterEveryAttempt(String transportKind) throws IOException {
        String closed = "http://127.0.0.1:" + freePort();

        TransportException e = catchThrowableOfType(() -> api(closed, transportKind, b -> b).create(DRAFT),
                TransportException.class);

        assertThat(e.outcome()).isEqualTo(RequestOutcome.NOT_SENT);
        assertThat(e.attempts()).hasValue(3);
        assertThat(e.getMessage()).contains("the request was not sent").contains("3 attempts");
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aCreateWhoseConnectionBrokeAfterSendingMayHaveBeenApplied(String transportKind) {
        service.stubFor(post("/api/v1/reports").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        TransportException e = catchThrowableOfType(() -> api(transportKind).create(DRAFT), TransportException.class);

        assertThat(e.outcome()).isEqualTo(RequestOutcome.MAY_HAVE_BEEN_APPLIED);
        assertThat(e.attempts()).hasValue(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aCreateTheServiceRejectedWasRefused(String transportKind) {
        service.stubFor(post("/api/v1/reports").willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Невалидни данни.\",\"errors\":{\"phone\":[\"Невалиден телефон\"]}}")));

        NekorektenException e = catchThrowableOfType(() -> api(transportKind).create(DRAFT), NekorektenException.class);

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(e.outcome()).isEqualTo(RequestOutcome.REFUSED);
        assertThat(e.attempts()).hasValue(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aCreateAnsweredWithA5xxMayHaveBeenAppliedAndIsNotRepeated(String transportKind) {
        service.stubFor(post("/api/v1/reports").willReturn(aResponse().withStatus(500)));

        NekorektenException e = catchThrowableOfType(() -> api(transportKind).create(DRAFT), NekorektenException.class);

        assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(e.outcome()).isEqualTo(RequestOutcome.MAY_HAVE_BEEN_APPLIED);
        assertThat(e.attempts()).hasValue(1);
        assertThat(requests()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aCreateWhose2xxAnswerCouldNotBeReadMayHaveBeenApplied(String transportKind) {
        service.stubFor(post("/api/v1/reports").willReturn(okJson("{\"data\": [tru")));

        NekorektenException e = catchThrowableOfType(() -> api(transportKind).create(DRAFT), NekorektenException.class);

        assertThat(e.code()).isEqualTo(ErrorCode.UNEXPECTED_RESPONSE);
        assertThat(e.outcome()).isEqualTo(RequestOutcome.MAY_HAVE_BEEN_APPLIED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aGetThatFailedThreeTimesSaysSoAndThatItMayHaveBeenApplied(String transportKind) {
        service.stubFor(get(urlPathEqualTo("/api/v1/reports")).willReturn(aResponse().withStatus(503)));

        NekorektenException e = catchThrowableOfType(() -> api(transportKind).search(CRITERIA),
                NekorektenException.class);

        assertThat(e.outcome()).isEqualTo(RequestOutcome.MAY_HAVE_BEEN_APPLIED);
        assertThat(e.attempts()).hasValue(3);
        assertThat(e.getMessage()).contains("3 attempts");
    }

    /** Issue 8 item 14: a 500 and then a refused connection never reads as "not sent". */
    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aGetRetriedAfterA500ThatThenCannotConnectNeverClaimsNotSent(String transportKind) throws Exception {
        try (OneAnswerServer server = new OneAnswerServer("HTTP/1.1 500 Internal Server Error")) {
            NekorektenException e = catchThrowableOfType(
                    () -> api(server.baseUrl(), transportKind, b -> b).search(CRITERIA), NekorektenException.class);

            assertThat(server.requests()).isEqualTo(1);
            assertThat(e.code()).isEqualTo(ErrorCode.TRANSPORT_FAILURE);
            assertThat(e.outcome()).isEqualTo(RequestOutcome.MAY_HAVE_BEEN_APPLIED);
            assertThat(e.attempts()).hasValue(3);
            assertThat(e.getMessage()).doesNotContain("not sent").contains("may have reached the service");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void anUpdateRefusedWith429ThatThenCannotConnectWasRefusedNotUnsent(String transportKind) throws Exception {
        try (OneAnswerServer server = new OneAnswerServer("HTTP/1.1 429 Too Many Requests\r\nRetry-After: 1")) {
            NekorektenException e = catchThrowableOfType(() -> api(server.baseUrl(), transportKind, b -> b)
                    .update(ID, ReportPatch.builder().text("Отказа.").build()), NekorektenException.class);

            assertThat(e.code()).isEqualTo(ErrorCode.TRANSPORT_FAILURE);
            assertThat(e.outcome()).isEqualTo(RequestOutcome.REFUSED);
            assertThat(e.attempts()).hasValue(3);
            assertThat(e.getMessage()).doesNotContain("not sent");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aLocalQuotaRefusalIsNotSentWithNoAttempt(String transportKind) {
        service.stubFor(get(urlPathEqualTo("/api/v1/reports")).willReturn(okJson(fixture("search-live.json"))));
        NekorektenHttp client = api(service.baseUrl(), transportKind,
                b -> b.quota(QuotaPlan.perMinute(1)).permitWaitTimeout(Duration.ofSeconds(1)));
        client.search(CRITERIA);

        RateLimitWaitExceededException e = catchThrowableOfType(() -> client.search(CRITERIA),
                RateLimitWaitExceededException.class);

        assertThat(e.outcome()).isEqualTo(RequestOutcome.NOT_SENT);
        assertThat(e.attempts()).hasValue(0);
        assertThat(requests()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aRetryRefusedAPermitStillSaysTheFirstAttemptMayHaveBeenApplied(String transportKind) {
        service.stubFor(patch(urlPathEqualTo("/api/v1/reports/" + ID.value())).willReturn(aResponse().withStatus(500)));
        NekorektenHttp client = api(service.baseUrl(), transportKind,
                b -> b.quota(QuotaPlan.perMinute(1)).permitWaitTimeout(Duration.ofSeconds(5)));

        RateLimitWaitExceededException e = catchThrowableOfType(
                () -> client.update(ID, ReportPatch.builder().text("Отказа.").build()),
                RateLimitWaitExceededException.class);

        assertThat(e.outcome()).isEqualTo(RequestOutcome.MAY_HAVE_BEEN_APPLIED);
        assertThat(e.attempts()).hasValue(1);
        assertThat(e.getMessage()).doesNotContain("not sent").contains("may have reached the service");
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void anOpenCircuitSendsNothing(String transportKind) {
        service.stubFor(get(urlPathEqualTo("/api/v1/reports")).willReturn(aResponse().withStatus(503)));
        NekorektenHttp client = api(service.baseUrl(), transportKind, b -> b.retry(RetryOptions.disabled())
                .circuitBreaker(CircuitBreakerOptions.builder().failureThreshold(1).build()));
        catchThrowableOfType(() -> client.search(CRITERIA), NekorektenException.class);

        CircuitOpenException e = catchThrowableOfType(() -> client.search(CRITERIA), CircuitOpenException.class);

        assertThat(e.outcome()).isEqualTo(RequestOutcome.NOT_SENT);
        assertThat(e.attempts()).hasValue(0);
    }

    /** A 501 or 505 says the service will never serve the request as sent: it is not retried. */
    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aGetAnsweredNotImplementedIsTriedOnce(String transportKind) {
        service.stubFor(get(urlPathEqualTo("/api/v1/reports")).willReturn(aResponse().withStatus(501)));

        NekorektenException e = catchThrowableOfType(() -> api(transportKind).search(CRITERIA),
                NekorektenException.class);

        assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(e.attempts()).hasValue(1);
        assertThat(requests()).isEqualTo(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * A loopback server that answers one request with {@code statusAndHeaders} and an empty body,
     * then stops listening: every later connection is refused.
     */
    private static final class OneAnswerServer implements AutoCloseable {
        private final ServerSocket socket;
        private final Thread thread;
        private final List<String> requestLines = new ArrayList<>();

        OneAnswerServer(String statusAndHeaders) throws IOException {
            socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> serveOnce(statusAndHeaders), "one-answer-server");
            thread.setDaemon(true);
            thread.start();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        synchronized int requests() {
            return requestLines.size();
        }

        private void serveOnce(String statusAndHeaders) {
            try (ServerSocket listening = socket; Socket connection = listening.accept()) {
                InputStream in = connection.getInputStream();
                String head = readHead(in);
                // Read the body too: closing a socket with unread input sends a reset, not the answer.
                in.readNBytes(contentLength(head));
                synchronized (this) {
                    requestLines.add(head.lines().findFirst().orElse(""));
                }
                // Stop listening before answering: the retry then finds the port closed.
                listening.close();
                OutputStream out = connection.getOutputStream();
                out.write((statusAndHeaders + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        private static int contentLength(String head) {
            return head.lines().filter(l -> l.regionMatches(true, 0, "Content-Length:", 0, 15))
                    .mapToInt(l -> Integer.parseInt(l.substring(15).strip())).findFirst().orElse(0);
        }

        private static String readHead(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                head.append((char) c);
                if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                    break;
                }
            }
            return head.toString();
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.join(5_000);
        }
    }
}
