package io.nekorekten4j.http.hostile;

import static io.nekorekten4j.http.hostile.HostileSocketServer.hang;
import static io.nekorekten4j.http.hostile.HostileSocketServer.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.nekorekten4j.domain.Attachment;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportReceipt;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.http.NekorektenHttp;
import io.nekorekten4j.http.RetryOptions;
import io.nekorekten4j.http.VirtualTime;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.RequestOutcome;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Connections that misbehave below HTTP's level — answers that never end, heads that never end,
 * framing that lies — on both transports: each call ends with its typed error within its own
 * timeouts (the JUnit timeout is only a safety net), and a write is never sent twice.
 */
@Timeout(60)
class HostileConnectionTest {

    private static final SearchCriteria CRITERIA = SearchCriteria.builder().phone("0888 123 456").build();
    private static final ReportDraft DRAFT = ReportDraft.builder().text("Отказа пратка.").phone("0888 123 456").build();
    private static final String OK_HEAD = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";

    private final List<AutoCloseable> open = new ArrayList<>();
    private final String key = Hostile.key();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private HostileSocketServer server(HostileSocketServer.Script script) throws Exception {
        HostileSocketServer server = HostileSocketServer.start(script);
        open.add(server);
        return server;
    }

    private NekorektenHttp api(HostileSocketServer server, String kind, RetryOptions retry) {
        NekorektenHttp api = Hostile.client(server.baseUrl(), key, kind, retry, VirtualTime.create()).build();
        open.add(api);
        return api;
    }

    private static String live() {
        return Hostile.fixture("search-live.json");
    }

    private static String okAnswer(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return OK_HEAD + "Content-Length: " + bytes.length + "\r\n\r\n" + new String(bytes, StandardCharsets.ISO_8859_1);
    }

    // ---- informational answers before the real one ------------------------------------------

    static Stream<Arguments> informational() {
        return Stream.of(Hostile.TRANSPORTS).flatMap(t -> Stream.of(
                Arguments.of(t, "HTTP/1.1 100 Continue\r\n\r\n"),
                Arguments.of(t, "HTTP/1.1 102 Processing\r\n\r\n"),
                Arguments.of(t, "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n"),
                Arguments.of(t, "HTTP/1.1 103 Early Hints\r\n\r\nHTTP/1.1 103 Early Hints\r\n\r\n")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("informational")
    void informationalAnswersBeforeTheRealOneGiveTheRealOneOrATypedError(String kind, String interim) throws Exception {
        HostileSocketServer server = server((request, in, out) -> write(out, interim + okAnswer(live())));

        Object outcome = outcomeOf(() -> api(server, kind, RetryOptions.disabled()).search(CRITERIA));

        if (outcome instanceof SearchResult result) {
            assertThat(result.reports()).hasSize(1);
        } else {
            assertThat(outcome).isInstanceOf(NekorektenException.class);
        }
        assertThat(server.requests()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void endlessInformationalAnswersEndInATypedError(String kind) throws Exception {
        HostileSocketServer server = server((request, in, out) -> {
            while (true) {
                write(out, "HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n");
            }
        });

        assertTypedFailure(() -> api(server, kind, RetryOptions.disabled()).search(CRITERIA));
    }

    // ---- heads that never end --------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aHeadThatNeverEndsIsATypedErrorNotAnOutOfMemory(String kind) throws Exception {
        String line = "X-Filler: " + "a".repeat(1000) + "\r\n";
        HostileSocketServer server = server((request, in, out) -> {
            write(out, "HTTP/1.1 200 OK\r\n");
            while (true) {
                write(out, line);
            }
        });

        assertTypedFailure(() -> api(server, kind, RetryOptions.disabled()).search(CRITERIA));
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void oneHeaderLineThatNeverEndsIsATypedError(String kind) throws Exception {
        String chunk = "a".repeat(8192);
        HostileSocketServer server = server((request, in, out) -> {
            write(out, "HTTP/1.1 200 OK\r\nX-Filler: ");
            while (true) {
                write(out, chunk);
            }
        });

        assertTypedFailure(() -> api(server, kind, RetryOptions.disabled()).search(CRITERIA));
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aHeadDribbledByteByByteWithinTheReadTimeoutEndsAtTheCallTimeout(String kind) throws Exception {
        HostileSocketServer server = server((request, in, out) -> {
            write(out, "HTTP/1.1 200 OK\r\n");
            while (true) {
                write(out, "X");
                Thread.sleep(100);
            }
        });

        NekorektenException e = assertTypedFailure(() -> api(server, kind, RetryOptions.disabled()).search(CRITERIA));
        assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aServerThatReadsTheRequestAndNeverAnswersIsATimeout(String kind) throws Exception {
        HostileSocketServer server = server((request, in, out) -> hang());

        NekorektenException e = assertTypedFailure(() -> api(server, kind, RetryOptions.disabled()).search(CRITERIA));
        assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT);
    }

    // ---- framing that lies -----------------------------------------------------------------

    static Stream<Arguments> lyingFraming() {
        String live = live();
        int length = live.getBytes(StandardCharsets.UTF_8).length;
        String body = new String(live.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        return Stream.of(Hostile.TRANSPORTS).flatMap(t -> Stream.of(
                Arguments.of(t, "an enormous Content-Length, then close",
                        OK_HEAD + "Content-Length: 9223372036854775807\r\n\r\n" + body),
                Arguments.of(t, "a Content-Length beyond a long",
                        OK_HEAD + "Content-Length: 99999999999999999999999\r\n\r\n" + body),
                Arguments.of(t, "a negative Content-Length", OK_HEAD + "Content-Length: -1\r\n\r\n" + body),
                Arguments.of(t, "two different Content-Lengths",
                        OK_HEAD + "Content-Length: " + length + "\r\nContent-Length: 10\r\n\r\n" + body),
                Arguments.of(t, "a chunk size beyond a long",
                        OK_HEAD + "Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFFFFFF\r\n" + body),
                Arguments.of(t, "a chunk size that is not hex",
                        OK_HEAD + "Transfer-Encoding: chunked\r\n\r\nzz\r\n" + body),
                Arguments.of(t, "chunked with no last chunk, then close",
                        OK_HEAD + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(length) + "\r\n" + body
                                + "\r\n"),
                Arguments.of(t, "an unknown transfer coding", OK_HEAD + "Transfer-Encoding: bogus\r\n\r\n" + body),
                Arguments.of(t, "a status line that is not HTTP", "SSH-2.0-OpenSSH_9.6\r\n\r\n"),
                Arguments.of(t, "a status code of four digits", "HTTP/1.1 2000 OK\r\nContent-Length: 0\r\n\r\n"),
                Arguments.of(t, "a status code of 999", "HTTP/1.1 999 Odd\r\nContent-Length: 0\r\n\r\n"),
                Arguments.of(t, "a header without a colon", OK_HEAD + "NoColonHere\r\nContent-Length: " + length
                        + "\r\n\r\n" + body),
                Arguments.of(t, "an answer to HTTP/2 over cleartext", "HTTP/2 200\r\n\r\n" + body),
                Arguments.of(t, "a negative chunk size", OK_HEAD + "Transfer-Encoding: chunked\r\n\r\n-1\r\n" + body),
                Arguments.of(t, "a chunk size with a plus sign",
                        OK_HEAD + "Transfer-Encoding: chunked\r\n\r\n+" + Integer.toHexString(length) + "\r\n" + body
                                + "\r\n0\r\n\r\n"),
                Arguments.of(t, "a chunk extension of 100 KB",
                        OK_HEAD + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(length) + ";x="
                                + "e".repeat(100_000) + "\r\n" + body + "\r\n0\r\n\r\n"),
                Arguments.of(t, "a trailer that never ends",
                        OK_HEAD + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(length) + "\r\n" + body
                                + "\r\n0\r\n" + "X-T: y\r\n".repeat(200_000)),
                Arguments.of(t, "chunked and a Content-Length together",
                        OK_HEAD + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n" + Integer.toHexString(length)
                                + "\r\n" + body + "\r\n0\r\n\r\n"),
                Arguments.of(t, "a Content-Length in exponent form", OK_HEAD + "Content-Length: 1e3\r\n\r\n" + body),
                Arguments.of(t, "a Content-Length with a sign", OK_HEAD + "Content-Length: +" + length + "\r\n\r\n" + body),
                Arguments.of(t, "a reason phrase of 1 MB", "HTTP/1.1 200 " + "R".repeat(1_000_000) + "\r\nContent-Length: "
                        + length + "\r\n\r\n" + body),
                Arguments.of(t, "a status line without a reason", "HTTP/1.1 200\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + length + "\r\n\r\n" + body),
                Arguments.of(t, "an HTTP/0.9 answer (a bare body)", body),
                Arguments.of(t, "HTTP/1.0 without a length", "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n"
                        + body.substring(0, body.length() / 2)),
                Arguments.of(t, "a header folded over lines", OK_HEAD + "X-Folded: a\r\n b\r\n\tc\r\nContent-Length: "
                        + length + "\r\n\r\n" + body),
                Arguments.of(t, "NUL in a header name", OK_HEAD + "X-\u0000: a\r\nContent-Length: " + length + "\r\n\r\n"
                        + body),
                Arguments.of(t, "bare LF line ends", "HTTP/1.1 200 OK\nContent-Type: application/json\nContent-Length: "
                        + length + "\n\n" + body)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("lyingFraming")
    void framingThatLiesIsATypedErrorOrTheWholeTrueAnswerNeverAnythingElse(String kind, String what, String answer)
            throws Exception {
        HostileSocketServer server = server((request, in, out) -> {
            write(out, answer);
            out.close();
        });

        // A lenient transport may read a whole body despite the lie (the JDK client reads to the
        // end of a chunked body cut before its last chunk); a JSON document that is complete is
        // then the true answer. Anything else must be the typed error.
        Object outcome = outcomeOf(() -> api(server, kind, RetryOptions.disabled()).search(CRITERIA));
        if (outcome instanceof SearchResult result) {
            assertThat(result.reports()).extracting(r -> r.id().value()).containsExactly("6PpAbCdEfG");
        } else {
            assertTypedFailure(() -> {
                throw (Exception) outcome;
            });
        }
    }

    // ---- writes whose answer is lost -------------------------------------------------------

    static Stream<Arguments> lostAnswers() {
        return Stream.of(Hostile.TRANSPORTS).flatMap(t -> Stream.of(
                Arguments.of(t, "connection closed after the request", RequestOutcome.MAY_HAVE_BEEN_APPLIED, (HostileSocketServer.Script) (r, in, out) ->
                        out.close()),
                Arguments.of(t, "no answer until the timeout", RequestOutcome.MAY_HAVE_BEEN_APPLIED, (HostileSocketServer.Script) (r, in, out) -> hang()),
                Arguments.of(t, "half an answer, then close", RequestOutcome.MAY_HAVE_BEEN_APPLIED, (HostileSocketServer.Script) (r, in, out) -> {
                    write(out, OK_HEAD + "Content-Length: 200\r\n\r\n{\"message\":\"Сигн");
                    out.close();
                }),
                Arguments.of(t, "half an answer, then silence", RequestOutcome.MAY_HAVE_BEEN_APPLIED, (HostileSocketServer.Script) (r, in, out) -> {
                    write(out, OK_HEAD + "Content-Length: 200\r\n\r\n{\"message\":\"Сигн");
                    hang();
                }),
                // Apache HttpClient takes a head cut off by the end of the stream as complete: a
                // create then reads a 200 without a body, which is a receipt. Either is truthful.
                Arguments.of(t, "the head only, then close", null, (HostileSocketServer.Script) (r, in, out) -> {
                    write(out, OK_HEAD);
                    out.close();
                }),
                Arguments.of(t, "503 with Retry-After: 1", RequestOutcome.MAY_HAVE_BEEN_APPLIED, (HostileSocketServer.Script) (r, in, out) ->
                        write(out, "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: 0\r\n\r\n")),
                Arguments.of(t, "502 from a proxy", RequestOutcome.MAY_HAVE_BEEN_APPLIED, (HostileSocketServer.Script) (r, in, out) ->
                        write(out, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")),
                Arguments.of(t, "408 Request Timeout, then close", RequestOutcome.REFUSED, (HostileSocketServer.Script) (r, in, out) -> {
                    write(out, "HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
                    out.close();
                })));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("lostAnswers")
    void aCreateWhoseAnswerIsLostIsSentOnceEvenWithRetriesOn(String kind, String what, RequestOutcome expected,
                                                            HostileSocketServer.Script script)
            throws Exception {
        HostileSocketServer server = server(script);

        Object outcome = outcomeOf(() -> api(server, kind, RetryOptions.defaults()).create(DRAFT));

        assertThat(server.requests()).as("requests the server read").hasSize(1);
        if (expected == null && outcome instanceof ReportReceipt) {
            return;
        }
        NekorektenException e = assertTypedFailure(() -> {
            throw (Exception) outcome;
        });
        assertThat(e.outcome()).isEqualTo(expected == null ? RequestOutcome.MAY_HAVE_BEEN_APPLIED : expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("lostAnswers")
    void anUploadWhoseAnswerIsLostIsSentOnceEvenWithRetriesOn(String kind, String what, RequestOutcome expected,
                                                            HostileSocketServer.Script script)
            throws Exception {
        HostileSocketServer server = server(script);
        Attachment pdf = Attachment.of("receipt.pdf", ("%PDF-1.4\n" + "x".repeat(2000)).getBytes(StandardCharsets.US_ASCII));

        NekorektenException e = assertTypedFailure(() -> api(server, kind, RetryOptions.defaults()).upload(List.of(pdf)));

        assertThat(server.requests()).as("requests the server read").hasSize(1);
        assertThat(e.outcome()).isEqualTo(expected == null ? RequestOutcome.MAY_HAVE_BEEN_APPLIED : expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("lostAnswers")
    void aSearchWhoseAnswerIsLostReachesTheServerOnlyOnceAPermittedAttempt(String kind, String what,
                                                                          RequestOutcome expected,
                                                                          HostileSocketServer.Script script)
            throws Exception {
        HostileSocketServer server = server(script);
        java.util.concurrent.atomic.AtomicInteger permits = new java.util.concurrent.atomic.AtomicInteger();
        NekorektenHttp api = Hostile.client(server.baseUrl(), key, kind, RetryOptions.defaults(), VirtualTime.create())
                .listener(new io.nekorekten4j.http.NekorektenListener() {
                    @Override
                    public io.nekorekten4j.http.CallListener callStarted(io.nekorekten4j.http.CallStart call) {
                        return new io.nekorekten4j.http.CallListener() {
                            @Override
                            public void permitGranted(int attempt, java.time.Duration waited) {
                                permits.incrementAndGet();
                            }
                        };
                    }
                }).build();
        open.add(api);

        NekorektenException e = assertTypedFailure(() -> api.search(CRITERIA));

        // The JDK client re-sends a GET by itself when a connection breaks before an answer:
        // every request the server reads must be an attempt that took a permit.
        assertThat(server.requests()).as("requests the server read").hasSizeBetween(1, 3)
                .hasSizeLessThanOrEqualTo(permits.get());
        assertThat(e.attempts()).hasValue(server.requests().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void anUploadToAServerThatNeverReadsItEndsAtTheCallTimeoutAndIsSentOnce(String kind) throws Exception {
        HostileSocketServer server = HostileSocketServer.startReadingHeadsOnly((request, in, out) -> hang());
        open.add(server);
        byte[] big = new byte[8 * 1024 * 1024];
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 9);
        Attachment pdf = Attachment.of("big.pdf", big);

        NekorektenException e = assertTypedFailure(() -> api(server, kind, RetryOptions.defaults()).upload(List.of(pdf)));

        assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT);
        assertThat(server.requests()).hasSize(1);
        assertThat(e.outcome()).isEqualTo(RequestOutcome.MAY_HAVE_BEEN_APPLIED);
    }

    static Stream<Arguments> cutsWhileTheBodyIsWritten() {
        return Stream.of(Hostile.TRANSPORTS).flatMap(t -> Stream.of(
                Arguments.of(t, "closed after the head", (HostileSocketServer.Script) (r, in, out) -> out.close()),
                Arguments.of(t, "413 after the head, then closed", (HostileSocketServer.Script) (r, in, out) -> {
                    write(out, "HTTP/1.1 413 Content Too Large\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
                    out.close();
                }),
                Arguments.of(t, "417 after the head", (HostileSocketServer.Script) (r, in, out) ->
                        write(out, "HTTP/1.1 417 Expectation Failed\r\nContent-Length: 0\r\n\r\n")),
                Arguments.of(t, "503 after the head, then closed", (HostileSocketServer.Script) (r, in, out) -> {
                    write(out, "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nConnection: close\r\n"
                            + "Content-Length: 0\r\n\r\n");
                    out.close();
                }),
                Arguments.of(t, "200 with ids after the head, then closed", (HostileSocketServer.Script) (r, in, out) -> {
                    write(out, OK_HEAD + "Content-Length: 8\r\nConnection: close\r\n\r\n[\"f1a2\"]");
                    out.close();
                })));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cutsWhileTheBodyIsWritten")
    void anUploadCutWhileItsBodyIsWrittenIsNeverSentAgain(String kind, String what, HostileSocketServer.Script script)
            throws Exception {
        HostileSocketServer server = HostileSocketServer.startReadingHeadsOnly(script);
        open.add(server);
        byte[] big = new byte[8 * 1024 * 1024];
        System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 9);

        Object outcome = outcomeOf(() -> api(server, kind, RetryOptions.defaults())
                .upload(List.of(Attachment.of("big.pdf", big))));

        assertThat(server.requests()).as("requests the server saw").hasSize(1);
        if (!(outcome instanceof List<?>)) {
            NekorektenException e = assertTypedFailure(() -> {
                throw (Exception) outcome;
            });
            assertThat(e.outcome()).isNotEqualTo(RequestOutcome.NOT_SENT);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static Object outcomeOf(java.util.concurrent.Callable<?> call) {
        try {
            return call.call();
        } catch (Exception e) {
            return e;
        }
    }

    private NekorektenException assertTypedFailure(java.util.concurrent.Callable<?> call) {
        Throwable failure = catchThrowable(call::call);
        assertThat(failure).as("the call's failure").isInstanceOf(NekorektenException.class);
        String text = Hostile.everyText(failure);
        assertThat(text).doesNotContain(key);
        assertThat(Hostile.hasUnsafeCharacter(text)).as("unsafe characters in %s", text).isFalse();
        return (NekorektenException) failure;
    }
}
