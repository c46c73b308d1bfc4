package io.nekorekten4j.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.nekorekten4j.http.RequestBody;
import io.nekorekten4j.http.Transport;
import io.nekorekten4j.http.TransportIOException;
import io.nekorekten4j.http.TransportRequest;
import io.nekorekten4j.http.TransportResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link Transport} must do, as a JUnit 5 test class: subclass it in your test sources,
 * name your transport in {@link #newTransport()} and {@link #newTransportWithConnectionCap(int)},
 * and JUnit runs every rule against it. The project's own transports ({@link
 * io.nekorekten4j.http.JdkTransport}, {@link io.nekorekten4j.http.ApacheTransport}) pass it.
 *
 * <pre>{@code
 * class OkHttpTransportContractTest extends TransportContract {
 *     protected Transport newTransport() { return new OkHttpTransport(new OkHttpClient()); }
 *     protected Transport newTransportWithConnectionCap(int perRoute) { ... }
 * }
 * }</pre>
 *
 * <p>The rules: requests reach the server exactly as given (headers, JSON and multipart bytes,
 * file names that cannot inject a header); redirects are answers handed to the handler, never
 * followed; answers over the size cap, gzip bombs and stalled bodies fail as
 * {@link TransportIOException}s of the right {@link TransportIOException.Kind}; a request is put on
 * the wire once, whatever breaks (no silent re-send of a request that reached the server); close
 * fails calls in flight; no header value (the API key) reaches a message or {@code toString()}.
 * The servers are WireMock and a raw-socket server on 127.0.0.1, started by the suite; nothing
 * leaves the machine. The test methods are {@code final}: a transport that cannot meet a rule
 * fails it.
 */
public abstract class TransportContract {

    static final String KEY = "transport-contract-key-7c1e";
    static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0};
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

    static WireMockServer server;
    /** Another origin: a redirect target that must never be contacted. */
    static WireMockServer elsewhere;

    Transport transport;

    /** For subclasses. */
    protected TransportContract() {
    }

    /** The transport under test, fresh for each test; the suite closes it after the test. */
    protected abstract Transport newTransport();

    /**
     * Starts the two loopback WireMock servers the rules use: the service, and another origin that must
     * never be reached.
     */
    @BeforeAll
    public static void startServers() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().gzipDisabled(true));
        elsewhere = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().gzipDisabled(true));
        server.start();
        elsewhere.start();
    }

    /** Stops the two servers. */
    @AfterAll
    public static void stopServers() {
        server.stop();
        elsewhere.stop();
    }

    /** Gives each rule a fresh {@link #newTransport()} and servers with no stubs and no requests logged. */
    @BeforeEach
    public final void freshTransportAndLogs() {
        server.resetAll();
        elsewhere.resetAll();
        transport = newTransport();
    }

    /** Closes the rule's transport and fails when a request reached no stub or reached the other origin. */
    @AfterEach
    public final void closeTransportAndCheckNothingUnexpectedArrived() {
        transport.close();
        assertThat(server.findAllUnmatchedRequests()).as("requests no stub expected").isEmpty();
        assertThat(elsewhere.getAllServeEvents()).as("requests to the other origin").isEmpty();
    }

    // ---------------------------------------------------------------- requests reach the server as given

    /** Rule: a GET carries the given headers and returns status, headers and body. */
    @Test
    public final void getCarriesTheGivenHeadersAndReturnsStatusHeadersAndBody() throws IOException {
        server.stubFor(get(urlEqualTo("/api/v1/reports?phone=359888123456"))
                .willReturn(aResponse().withStatus(200).withHeader("X-Answer", "yes").withBody("{\"items\":[]}")));

        Got got = transport.execute(call("GET", "/api/v1/reports?phone=359888123456").build(), Got::read);

        assertThat(got.status()).isEqualTo(200);
        assertThat(got.answerHeader()).contains("yes");
        assertThat(got.text()).isEqualTo("{\"items\":[]}");
        server.verify(1, getRequestedFor(urlEqualTo("/api/v1/reports?phone=359888123456"))
                .withHeader("Api-Key", equalTo(KEY))
                .withHeader("Accept", equalTo("application/json")));
    }

    /** Rule: a POST sends the JSON bytes exactly. */
    @Test
    public final void postSendsTheJsonBytesExactly() throws IOException {
        byte[] json = "{\"text\":\"Измамник с телефон\",\"phone\":\"359888123456\"}".getBytes(StandardCharsets.UTF_8);
        server.stubFor(post("/api/v1/reports").willReturn(aResponse().withStatus(201).withBody("{}")));

        Got got = transport.execute(call("POST", "/api/v1/reports").body(new RequestBody.Json(json)).build(), Got::read);

        assertThat(got.status()).isEqualTo(201);
        server.verify(1, postRequestedFor(urlEqualTo("/api/v1/reports"))
                .withHeader("Api-Key", equalTo(KEY))
                .withHeader("Content-Type", matching("application/json.*"))
                .withRequestBody(binaryEqualTo(json)));
    }

    /** Rule: a PATCH sends the JSON bytes exactly. */
    @Test
    public final void patchSendsTheJsonBytesExactly() throws IOException {
        byte[] json = "{\"text\":\"поправка\"}".getBytes(StandardCharsets.UTF_8);
        server.stubFor(patch(urlEqualTo("/api/v1/reports/r-42")).willReturn(aResponse().withStatus(200).withBody("{}")));

        Got got = transport.execute(call("PATCH", "/api/v1/reports/r-42").body(new RequestBody.Json(json)).build(), Got::read);

        assertThat(got.status()).isEqualTo(200);
        server.verify(1, patchRequestedFor(urlEqualTo("/api/v1/reports/r-42"))
                .withHeader("Api-Key", equalTo(KEY))
                .withRequestBody(binaryEqualTo(json)));
    }

    /** Rule: a DELETE with an empty answer gives an empty body. */
    @Test
    public final void deleteWithAnEmptyAnswerGivesAnEmptyBody() throws IOException {
        server.stubFor(delete(urlEqualTo("/api/v1/reports/r-42")).willReturn(aResponse().withStatus(204)));

        Got got = transport.execute(call("DELETE", "/api/v1/reports/r-42").build(), Got::read);

        assertThat(got.status()).isEqualTo(204);
        assertThat(got.body()).isEmpty();
        server.verify(1, deleteRequestedFor(urlEqualTo("/api/v1/reports/r-42")).withHeader("Api-Key", equalTo(KEY)));
    }

    /** Rule: multipart sends each file as a part named files with its name, even in Cyrillic. */
    @Test
    public final void multipartSendsEachFileAsAPartNamedFilesWithItsNameEvenInCyrillic() throws IOException {
        server.stubFor(post("/api/v1/files").willReturn(aResponse().withStatus(200).withBody("[\"f1\",\"f2\"]")));
        RequestBody.Multipart files = new RequestBody.Multipart(List.of(
                new RequestBody.Part("files[]", "photo.jpg", "image/jpeg", JPEG),
                new RequestBody.Part("files[]", "снимка на колата.png", "image/png", PNG)));

        Got got = transport.execute(call("POST", "/api/v1/files").body(files).build(), Got::read);

        assertThat(got.status()).isEqualTo(200);
        LoggedRequest received = onlyRequest();
        assertThat(received.getHeader("Api-Key")).isEqualTo(KEY);
        assertThat(received.getHeader("Content-Type")).startsWith("multipart/form-data; boundary=");
        List<Request.Part> parts = new ArrayList<>(received.getParts());
        assertThat(parts).extracting(Request.Part::getName).containsExactly("files[]", "files[]");
        assertThat(parts.get(0).getBody().asBytes()).isEqualTo(JPEG);
        assertThat(parts.get(1).getBody().asBytes()).isEqualTo(PNG);
        assertThat(parts.get(0).getHeader("Content-Type").firstValue()).isEqualTo("image/jpeg");
        assertThat(parts.get(0).getFileName()).isEqualTo("photo.jpg");
        assertThat(parts.get(1).getFileName()).isEqualTo("снимка на колата.png");
        assertThat(new String(received.getBody(), StandardCharsets.UTF_8)).contains(
                "filename*=UTF-8''%D1%81%D0%BD%D0%B8%D0%BC%D0%BA%D0%B0%20%D0%BD%D0%B0%20"
                        + "%D0%BA%D0%BE%D0%BB%D0%B0%D1%82%D0%B0.png");
    }

    /** Rule: a file name with quotes and line breaks cannot inject a header or a part. */
    @Test
    public final void aFileNameWithQuotesAndLineBreaksCannotInjectAHeaderOrAPart() throws IOException {
        server.stubFor(post("/api/v1/files").willReturn(aResponse().withStatus(200).withBody("[\"f1\"]")));
        String evil = "evil\".jpg\"; name=\"other\r\nX-Injected: yes\r\n\r\nboo";
        RequestBody.Multipart files = new RequestBody.Multipart(List.of(
                new RequestBody.Part("files[]", evil, "image/jpeg", JPEG)));

        transport.execute(call("POST", "/api/v1/files").body(files).build(), Got::read);

        LoggedRequest received = onlyRequest();
        List<Request.Part> parts = new ArrayList<>(received.getParts());
        assertThat(parts).hasSize(1);
        Request.Part part = parts.get(0);
        assertThat(part.getName()).isEqualTo("files[]");
        assertThat(part.getHeaders().keys()).noneMatch(name -> name.equalsIgnoreCase("X-Injected"));
        assertThat(part.getBody().asBytes()).isEqualTo(JPEG);
        // A parser that reads filename* recovers the exact name; one that reads filename= gets it
        // with the dangerous characters percent-encoded; neither can be tricked into a new header.
        assertThat(part.getFileName()).isEqualTo(evil);
        String raw = new String(received.getBody(), StandardCharsets.UTF_8);
        assertThat(raw).contains("filename=\"evil%22.jpg%22; name=%22other%0D%0AX-Injected: yes%0D%0A%0D%0Aboo\"; "
                + "filename*=UTF-8''evil%22.jpg%22%3B%20name%3D%22other%0D%0AX-Injected%3A%20yes%0D%0A%0D%0Aboo");
        assertThat(raw.lines()).noneMatch(line -> line.startsWith("X-Injected"));
    }

    // ---------------------------------------------------------------- redirects are answers, not instructions

    /** Rule: a redirect is handed to the handler and the other origin sees nothing. */
    @ParameterizedTest(name = "{0} to another origin")
    @ValueSource(ints = {301, 302, 307, 308})
    public final void aRedirectIsHandedToTheHandlerAndTheOtherOriginSeesNothing(int status) throws IOException {
        String target = elsewhere.baseUrl() + "/api/v1/reports";
        server.stubFor(any(urlPathEqualTo("/api/v1/reports"))
                .willReturn(aResponse().withStatus(status).withHeader("Location", target)));
        elsewhere.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        String method = status >= 307 ? "POST" : "GET";
        Call call = call(method, "/api/v1/reports");
        if (method.equals("POST")) {
            call.body(new RequestBody.Json("{\"text\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
        }

        Got got = transport.execute(call.build(), response -> new Got(response.status(),
                response.header("location"), response.body().readAllBytes()));

        assertThat(got.status()).isEqualTo(status);
        assertThat(got.answerHeader()).contains(target);
        assertThat(elsewhere.getAllServeEvents()).isEmpty();
        assertThat(server.getAllServeEvents()).hasSize(1);
    }

    // ---------------------------------------------------------------- faults

    /** Rule: a fault of the server is an exception of the kind the transport can tell. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Fault.class)
    public final void aFaultOfTheServerIsAnExceptionOfTheKindTheTransportCanTell(Fault fault) {
        server.stubFor(get("/api/v1/reports").willReturn(aResponse().withFault(fault)));

        TransportIOException failure = catchThrowableOfType(TransportIOException.class,
                () -> transport.execute(call("GET", "/api/v1/reports").build(), Got::read));

        assertThat(failure).as("exception for " + fault).isNotNull();
        assertThat(failure.kind()).as(chain(failure)).isEqualTo(expectedKind(fault));
        assertNoKeyIn(failure);
    }

    /** The kind each WireMock fault gives; a transport overrides it only where its wire cannot tell. */
    TransportIOException.Kind expectedKind(Fault fault) {
        return TransportIOException.Kind.BROKEN;
    }

    /** Rule: a refused connection is not sent. */
    @Test
    public final void aRefusedConnectionIsNotSent() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        TransportRequest request = call("POST", "/api/v1/reports")
                .body(new RequestBody.Json("{}".getBytes(StandardCharsets.UTF_8)))
                .uri(URI.create("http://127.0.0.1:" + closedPort + "/api/v1/reports"))
                .build();

        TransportIOException failure = catchThrowableOfType(TransportIOException.class,
                () -> transport.execute(request, Got::read));

        assertThat(failure).isNotNull();
        assertThat(failure.kind()).as(chain(failure)).isEqualTo(TransportIOException.Kind.NOT_SENT);
        assertNoKeyIn(failure);
    }

    /** Rule: no answer within the response timeout is a timeout. */
    @Test
    public final void noAnswerWithinTheResponseTimeoutIsATimeout() {
        server.stubFor(get("/api/v1/reports").willReturn(aResponse().withStatus(200).withBody("{}").withFixedDelay(3_000)));
        TransportRequest request = call("GET", "/api/v1/reports").responseTimeout(Duration.ofMillis(300)).build();

        TransportIOException failure = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> catchThrowableOfType(TransportIOException.class, () -> transport.execute(request, Got::read)));

        assertThat(failure).isNotNull();
        assertThat(failure.kind()).as(chain(failure)).isEqualTo(TransportIOException.Kind.TIMEOUT);
    }

    /** Rule: a body dribbled past the whole call deadline is a timeout, not a hang. */
    @Test
    public final void aBodyDribbledPastTheWholeCallDeadlineIsATimeoutNotAHang() {
        // 50 chunks over 5 s: each read gets a byte well within the response timeout, so only a
        // deadline (not a per-read timeout) can stop it.
        server.stubFor(get("/api/v1/reports").willReturn(aResponse().withStatus(200)
                .withBody("x".repeat(500)).withChunkedDribbleDelay(50, 5_000)));
        TransportRequest request = call("GET", "/api/v1/reports")
                .responseTimeout(Duration.ofSeconds(2))
                .deadline(Instant.now().plusSeconds(1))
                .build();

        long started = System.nanoTime();
        TransportIOException failure = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> catchThrowableOfType(TransportIOException.class, () -> transport.execute(request, Got::read)));
        long elapsedMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

        System.out.println(getClass().getSimpleName() + ": dribble past a 1 s deadline returned after " + elapsedMillis + " ms");
        assertThat(failure).isNotNull();
        assertThat(failure.kind()).as(chain(failure)).isEqualTo(TransportIOException.Kind.TIMEOUT);
    }

    /** Rule: a body that stalls longer than the response timeout is a timeout. */
    @Test
    public final void aBodyThatStallsLongerThanTheResponseTimeoutIsATimeout() {
        // Two chunks two seconds apart: the gap, not the deadline, is what must trip.
        server.stubFor(get("/api/v1/reports").willReturn(aResponse().withStatus(200)
                .withBody("z".repeat(100)).withChunkedDribbleDelay(2, 4_000)));
        TransportRequest request = call("GET", "/api/v1/reports")
                .responseTimeout(Duration.ofMillis(500))
                .deadline(Instant.now().plusSeconds(30))
                .build();

        TransportIOException failure = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> catchThrowableOfType(TransportIOException.class, () -> transport.execute(request, Got::read)));

        assertThat(failure).isNotNull();
        assertThat(failure.kind()).as(chain(failure)).isEqualTo(TransportIOException.Kind.TIMEOUT);
    }

    /** Rule: a deadline at the end of time is no deadline. */
    @Test
    public final void aDeadlineAtTheEndOfTimeIsNoDeadline() throws IOException {
        server.stubFor(get("/api/v1/cities").willReturn(aResponse().withStatus(200).withBody("[]")));

        Got got = transport.execute(call("GET", "/api/v1/cities").deadline(Instant.MAX).build(), Got::read);

        assertThat(got.text()).isEqualTo("[]");
    }

    /** Rule: a deadline already passed sends nothing. */
    @Test
    public final void aDeadlineAlreadyPassedSendsNothing() {
        server.stubFor(get("/api/v1/reports").willReturn(aResponse().withStatus(200)));
        TransportRequest request = call("GET", "/api/v1/reports").deadline(Instant.now().minusSeconds(1)).build();

        TransportIOException failure = catchThrowableOfType(TransportIOException.class,
                () -> transport.execute(request, Got::read));

        assertThat(failure.kind()).as(chain(failure)).isEqualTo(TransportIOException.Kind.TIMEOUT);
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    /** Rule: a body over the cap is too large. */
    @ParameterizedTest(name = "chunked={0}")
    @ValueSource(booleans = {false, true})
    public final void aBodyOverTheCapIsTooLarge(boolean chunked) {
        var answer = aResponse().withStatus(200).withBody(new byte[256 * 1024]);
        if (chunked) {
            answer = answer.withChunkedDribbleDelay(4, 40);
        }
        server.stubFor(get("/api/v1/reports").willReturn(answer));
        TransportRequest request = call("GET", "/api/v1/reports").maxResponseBytes(64 * 1024).build();

        TransportIOException failure = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> catchThrowableOfType(TransportIOException.class, () -> transport.execute(request, Got::read)));

        assertThat(failure).isNotNull();
        assertThat(failure.kind()).as(chain(failure)).isEqualTo(TransportIOException.Kind.TOO_LARGE);
    }

    /** Rule: a body of exactly the cap is accepted. */
    @Test
    public final void aBodyOfExactlyTheCapIsAccepted() throws IOException {
        byte[] body = new byte[64 * 1024];
        Arrays.fill(body, (byte) 'a');
        server.stubFor(get("/api/v1/reports").willReturn(aResponse().withStatus(200).withBody(body)));

        Got got = transport.execute(call("GET", "/api/v1/reports").maxResponseBytes(body.length).build(), Got::read);

        assertThat(got.body()).isEqualTo(body);
    }

    /** Rule: a compressed body is handed over as sent and never inflated past the cap. */
    @Test
    public final void aCompressedBodyIsHandedOverAsSentAndNeverInflatedPastTheCap() throws IOException {
        // 16 MiB of zeros compress to about 16 KiB: inflated, it would blow a 1 MiB cap sixteen times over.
        byte[] bomb = gzip(new byte[16 * 1024 * 1024]);
        server.stubFor(get("/api/v1/reports").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withHeader("Content-Encoding", "gzip")
                .withBody(bomb)));

        Got got = transport.execute(call("GET", "/api/v1/reports").maxResponseBytes(1024 * 1024).build(),
                response -> new Got(response.status(), response.header("Content-Encoding"), response.body().readAllBytes()));

        // The handler sees the raw compressed bytes (the adapter's JSON parsing then fails cleanly).
        assertThat(got.answerHeader()).contains("gzip");
        assertThat(got.body()).isEqualTo(bomb);
        assertThat(got.body().length).isLessThan(1024 * 1024);
        assertThat(server.getAllServeEvents().get(0).getRequest().getHeader("Accept-Encoding"))
                .as("no content coding is asked for")
                .satisfiesAnyOf(value -> assertThat(value).isNull(), value -> assertThat(value).isEqualTo("identity"));
    }

    /** Rule: an answer with more than a hundred headers is refused as broken. */
    @Test
    public final void anAnswerWithMoreThanAHundredHeadersIsRefusedAsBroken() {
        var answer = aResponse().withStatus(200).withBody("{}");
        for (int i = 0; i < 150; i++) {
            answer = answer.withHeader("X-Filler-" + i, "v");
        }
        server.stubFor(get("/api/v1/reports").willReturn(answer));

        TransportIOException failure = catchThrowableOfType(TransportIOException.class,
                () -> transport.execute(call("GET", "/api/v1/reports").build(), Got::read));

        assertThat(failure).as("exception").isNotNull();
        assertThat(failure.kind()).as(chain(failure)).isEqualTo(TransportIOException.Kind.BROKEN);
    }

    /** Rule: an answer with a header line over eight kilobytes is refused as broken. */
    @Test
    public final void anAnswerWithAHeaderLineOverEightKilobytesIsRefusedAsBroken() {
        server.stubFor(get("/api/v1/reports").willReturn(aResponse().withStatus(200)
                .withHeader("X-Long", "v".repeat(9 * 1024)).withBody("{}")));

        TransportIOException failure = catchThrowableOfType(TransportIOException.class,
                () -> transport.execute(call("GET", "/api/v1/reports").build(), Got::read));

        assertThat(failure).as("exception").isNotNull();
        assertThat(failure.kind()).as(chain(failure)).isEqualTo(TransportIOException.Kind.BROKEN);
    }

    // ---------------------------------------------------------------- the handler's outcome, and no draining

    /** Rule: an exception of the handler comes out unchanged. */
    @Test
    public final void anExceptionOfTheHandlerComesOutUnchanged() {
        server.stubFor(get("/api/v1/reports").willReturn(aResponse().withStatus(200).withBody("{}")));
        IOException own = new IOException("the handler says no");

        Throwable thrown = catchThrowableOfType(IOException.class, () -> transport.execute(call("GET", "/api/v1/reports").build(),
                response -> {
                    throw own;
                }));

        assertThat(thrown).isSameAs(own);
    }

    /** Rule: a runtime exception of the handler comes out unchanged. */
    @Test
    public final void aRuntimeExceptionOfTheHandlerComesOutUnchanged() {
        server.stubFor(get("/api/v1/reports").willReturn(aResponse().withStatus(200).withBody("{}")));
        IllegalStateException own = new IllegalStateException("unparsable");

        assertThatThrownBy(() -> transport.execute(call("GET", "/api/v1/reports").build(), response -> {
            throw own;
        })).isSameAs(own);
    }

    /** Rule: a handler that stops reading returns without the rest of a slow body being drained. */
    @Test
    public final void aHandlerThatStopsReadingReturnsWithoutTheRestOfASlowBodyBeingDrained() throws IOException {
        server.stubFor(get("/api/v1/reports").willReturn(aResponse().withStatus(200)
                .withBody("y".repeat(400)).withChunkedDribbleDelay(40, 20_000)));
        TransportRequest request = call("GET", "/api/v1/reports").deadline(Instant.now().plusSeconds(60)).build();

        Integer status = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> transport.execute(request, response -> {
                    response.body().read();
                    return response.status();
                }));

        assertThat(status).isEqualTo(200);
        // And the transport still works afterwards.
        server.stubFor(get("/api/v1/cities").willReturn(aResponse().withStatus(200).withBody("[]")));
        assertThat(transport.execute(call("GET", "/api/v1/cities").build(), Got::read).text()).isEqualTo("[]");
    }

    /** Rule: the body stream fails again once it failed. */
    @Test
    public final void theBodyStreamFailsAgainOnceItFailed() {
        server.stubFor(get("/api/v1/reports").willReturn(aResponse().withStatus(200).withBody(new byte[8 * 1024])));
        TransportRequest request = call("GET", "/api/v1/reports").maxResponseBytes(1024).build();

        List<TransportIOException.Kind> kinds = new ArrayList<>();
        assertThatThrownBy(() -> transport.execute(request, response -> {
            InputStream body = response.body();
            for (int attempt = 0; attempt < 2; attempt++) {
                try {
                    body.readAllBytes();
                } catch (TransportIOException e) {
                    kinds.add(e.kind());
                }
            }
            return body.read();
        })).isInstanceOf(TransportIOException.class);

        assertThat(kinds).containsExactly(TransportIOException.Kind.TOO_LARGE, TransportIOException.Kind.TOO_LARGE);
    }

    // ---------------------------------------------------------------- never retries on its own

    /** Rule: a POST answered by a connection reset is sent exactly once. */
    @Test
    public final void aPostAnsweredByAConnectionResetIsSentExactlyOnce() {
        server.stubFor(post("/api/v1/reports").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> transport.execute(call("POST", "/api/v1/reports")
                .body(new RequestBody.Json("{\"text\":\"once\"}".getBytes(StandardCharsets.UTF_8))).build(), Got::read))
                .isInstanceOf(TransportIOException.class);

        server.verify(1, postRequestedFor(urlEqualTo("/api/v1/reports")));
    }

    /** Rule: a POST on a reused connection that closes without answer is sent exactly once. */
    @Test
    public final void aPostOnAReusedConnectionThatClosesWithoutAnswerIsSentExactlyOnce() throws IOException {
        // A pooled connection the server closes without a byte of answer is the classic trigger of
        // a transparent re-send; for a POST that would duplicate a report.
        server.stubFor(get("/api/v1/cities").willReturn(aResponse().withStatus(200).withBody("[]")));
        server.stubFor(post("/api/v1/reports").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        transport.execute(call("GET", "/api/v1/cities").build(), Got::read);

        assertThatThrownBy(() -> transport.execute(call("POST", "/api/v1/reports")
                .body(new RequestBody.Json("{\"text\":\"once\"}".getBytes(StandardCharsets.UTF_8))).build(), Got::read))
                .isInstanceOf(TransportIOException.class);

        server.verify(1, postRequestedFor(urlEqualTo("/api/v1/reports")));
    }

    /** Rule: a 503 with Retry-After is handed over, not retried. */
    @Test
    public final void a503WithRetryAfterIsHandedOverNotRetried() throws IOException {
        server.stubFor(post("/api/v1/reports").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")
                .withBody("{\"message\":\"busy\"}")));

        Got got = transport.execute(call("POST", "/api/v1/reports")
                .body(new RequestBody.Json("{}".getBytes(StandardCharsets.UTF_8))).build(),
                response -> new Got(response.status(), response.header("retry-after"), response.body().readAllBytes()));

        assertThat(got.status()).isEqualTo(503);
        assertThat(got.answerHeader()).contains("1");
        server.verify(1, postRequestedFor(urlEqualTo("/api/v1/reports")));
    }

    // ---------------------------------------------------------------- one transmission per call, whatever breaks

    /** Rule: a request whose fresh connection breaks before any answer reaches the server once. */
    @ParameterizedTest(name = "{0} answered by {1}")
    @CsvSource({"GET, RESET", "GET, CLOSE", "DELETE, RESET", "PATCH, CLOSE", "POST, RESET"})
    public final void aRequestWhoseFreshConnectionBreaksBeforeAnyAnswerReachesTheServerOnce(String method,
            RawSocketServer.Behaviour behaviour) throws IOException {
        try (RawSocketServer raw = RawSocketServer.always(behaviour)) {
            TransportRequest request = rawCall(raw, method).build();

            TransportIOException failure = catchThrowableOfType(TransportIOException.class,
                    () -> transport.execute(request, Got::read));

            assertThat(failure).as("exception").isNotNull();
            assertThat(failure.kind()).as(chain(failure)).isEqualTo(TransportIOException.Kind.BROKEN);
            assertThat(raw.requests()).as("requests the server read").isEqualTo(1);
        }
    }

    /** Rule: a GET whose reused connection breaks before any answer reaches the server once. */
    @ParameterizedTest(name = "answered by {0}")
    @EnumSource(value = RawSocketServer.Behaviour.class, names = {"RESET", "CLOSE"})
    public final void aGetWhoseReusedConnectionBreaksBeforeAnyAnswerReachesTheServerOnce(RawSocketServer.Behaviour behaviour)
            throws IOException {
        try (RawSocketServer raw = RawSocketServer.start(n -> n == 1 ? RawSocketServer.Behaviour.OK : behaviour)) {
            assertThat(transport.execute(rawCall(raw, "GET").build(), Got::read).text()).isEqualTo("{}");

            TransportIOException failure = catchThrowableOfType(TransportIOException.class,
                    () -> transport.execute(rawCall(raw, "GET").build(), Got::read));

            assertThat(failure).as("exception").isNotNull();
            assertThat(failure.kind()).as(chain(failure)).isEqualTo(TransportIOException.Kind.BROKEN);
            assertThat(raw.requests()).as("requests the server read").isEqualTo(2);
        }
    }

    // ---------------------------------------------------------------- each timeout as documented

    /** Rule: the response timeout counts from the sent request, not from the start of the connect. */
    @Test
    public final void theResponseTimeoutCountsFromTheSentRequestNotFromTheStartOfTheConnect() throws IOException {
        // A connect timeout of 30 s must not stretch a 300 ms response timeout: the server holds the
        // request for good, so only the response timeout can end this call well within 10 s.
        try (RawSocketServer raw = RawSocketServer.always(RawSocketServer.Behaviour.HANG)) {
            TransportRequest request = rawCall(raw, "GET")
                    .connectTimeout(Duration.ofSeconds(30))
                    .responseTimeout(Duration.ofMillis(300))
                    .deadline(Instant.now().plusSeconds(60))
                    .build();

            TransportIOException failure = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> catchThrowableOfType(TransportIOException.class, () -> transport.execute(request, Got::read)));

            assertThat(failure).as("exception").isNotNull();
            assertThat(failure.kind()).as(chain(failure)).isEqualTo(TransportIOException.Kind.TIMEOUT);
            assertThat(raw.requests()).isEqualTo(1);
        }
    }

    /** Rule: a body that stops after its head is a timeout of the response timeout. */
    @Test
    public final void aBodyThatStopsAfterItsHeadIsATimeoutOfTheResponseTimeout() throws IOException {
        try (RawSocketServer raw = RawSocketServer.always(RawSocketServer.Behaviour.HEAD_THEN_STALL)) {
            TransportRequest request = rawCall(raw, "GET")
                    .connectTimeout(Duration.ofSeconds(30))
                    .responseTimeout(Duration.ofMillis(300))
                    .deadline(Instant.now().plusSeconds(60))
                    .build();

            TransportIOException failure = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> catchThrowableOfType(TransportIOException.class, () -> transport.execute(request, Got::read)));

            assertThat(failure).as("exception").isNotNull();
            assertThat(failure.kind()).as(chain(failure)).isEqualTo(TransportIOException.Kind.TIMEOUT);
        }
    }

    // ---------------------------------------------------------------- close aborts what is in flight

    /** Rule: close aborts a call waiting for its answer and closes its connection. */
    @Test
    public final void closeAbortsACallWaitingForItsAnswerAndClosesItsConnection() throws Exception {
        try (RawSocketServer raw = RawSocketServer.always(RawSocketServer.Behaviour.HANG)) {
            TransportRequest request = rawCall(raw, "GET").responseTimeout(Duration.ofSeconds(30))
                    .deadline(Instant.now().plusSeconds(60)).build();

            Throwable thrown = whileInFlight(raw, () -> transport.execute(request, Got::read));

            assertThat(thrown).as("what the caller got").isInstanceOf(TransportIOException.class);
            assertThat(((TransportIOException) thrown).kind()).as(chain(thrown)).isEqualTo(TransportIOException.Kind.BROKEN);
            assertThat(raw.awaitNoOpenConnection(Duration.ofSeconds(10))).as("the connection was closed").isTrue();
        }
    }

    /** Rule: close aborts a call reading its answer and closes its connection. */
    @Test
    public final void closeAbortsACallReadingItsAnswerAndClosesItsConnection() throws Exception {
        try (RawSocketServer raw = RawSocketServer.always(RawSocketServer.Behaviour.HEAD_THEN_STALL)) {
            TransportRequest request = rawCall(raw, "GET").responseTimeout(Duration.ofSeconds(30))
                    .deadline(Instant.now().plusSeconds(60)).build();

            Throwable thrown = whileInFlight(raw, () -> transport.execute(request, Got::read));

            assertThat(thrown).as("what the caller got").isInstanceOf(TransportIOException.class);
            assertThat(((TransportIOException) thrown).kind()).as(chain(thrown)).isEqualTo(TransportIOException.Kind.BROKEN);
            assertThat(raw.awaitNoOpenConnection(Duration.ofSeconds(10))).as("the connection was closed").isTrue();
        }
    }

    /** Rule: a closed transport refuses further calls. */
    @Test
    public final void aClosedTransportRefusesFurtherCalls() {
        transport.close();
        transport.close();

        assertThatThrownBy(() -> transport.execute(call("GET", "/api/v1/reports").build(), Got::read))
                .isInstanceOf(IllegalStateException.class);
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    // ---------------------------------------------------------------- a bounded number of connections

    /** Rule: no more connections are open at once than the cap. */
    @Test
    public final void noMoreConnectionsAreOpenAtOnceThanTheCap() throws Exception {
        int calls = 12;
        try (RawSocketServer raw = RawSocketServer.always(RawSocketServer.Behaviour.OK_AFTER_HOLD);
             Transport capped = newTransportWithConnectionCap(2)) {
            ExecutorService callers = Executors.newFixedThreadPool(calls);
            try {
                List<Future<Got>> answers = new ArrayList<>();
                for (int i = 0; i < calls; i++) {
                    answers.add(callers.submit(() -> capped.execute(rawCall(raw, "GET").build(), Got::read)));
                }
                for (Future<Got> answer : answers) {
                    assertThat(answer.get(30, TimeUnit.SECONDS).text()).isEqualTo("{}");
                }
            } finally {
                callers.shutdownNow();
            }
            System.out.println(getClass().getSimpleName() + ": " + calls + " concurrent calls, cap 2: at most "
                    + raw.mostConnectionsAtOnce() + " connections at once");
            assertThat(raw.requests()).isEqualTo(calls);
            assertThat(raw.mostConnectionsAtOnce()).isBetween(1, 2);
        }
    }

    /**
     * Runs {@code call} on another thread, closes the transport once the server has read the
     * request, and returns what the call threw (never more than 10 s later).
     */
    Throwable whileInFlight(RawSocketServer raw, ThrowingCall call) throws Exception {
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<Throwable> outcome = caller.submit(() -> {
                try {
                    call.run();
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            });
            assertThat(raw.awaitRequest(Duration.ofSeconds(10))).as("the request reached the server").isTrue();
            transport.close();
            return outcome.get(10, TimeUnit.SECONDS);
        } finally {
            caller.shutdownNow();
        }
    }

    /** A call that may throw anything. */
    @FunctionalInterface
    interface ThrowingCall {
        void run() throws Exception;
    }

    /**
     * A transport of the kind under test that opens at most {@code perRoute} connections to one
     * origin (and in all): the suite checks that a call waiting for a connection is not sent twice.
     */
    protected abstract Transport newTransportWithConnectionCap(int perRoute);

    /** A call to {@code raw} with the test defaults, a JSON body for the methods that carry one. */
    static Call rawCall(RawSocketServer raw, String method) {
        Call call = new Call(method, raw.uri("/api/v1/reports"));
        if (method.equals("POST") || method.equals("PATCH")) {
            call.body(new RequestBody.Json("{\"text\":\"once\"}".getBytes(StandardCharsets.UTF_8)));
        }
        return call;
    }

    // ---------------------------------------------------------------- secrets

    /** Rule: no {@code toString()} shows a header value. */
    @Test
    public final void noToStringShowsAHeaderValue() {
        TransportRequest request = call("GET", "/api/v1/reports?phone=359888123456").build();

        assertThat(request.toString()).doesNotContain(KEY).doesNotContain("359888123456").contains("Api-Key");
        assertThat(transport.toString()).doesNotContain(KEY);
    }

    /** Rule: a header value with a line break is refused without echoing it. */
    @Test
    public final void aHeaderValueWithALineBreakIsRefusedWithoutEchoingIt() {
        server.stubFor(get("/api/v1/reports").willReturn(aResponse().withStatus(200)));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Api-Key", KEY + "\r\nX-Injected: yes");
        TransportRequest request = call("GET", "/api/v1/reports").headers(headers).build();

        assertThatThrownBy(() -> transport.execute(request, Got::read))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(KEY);
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    static Call call(String method, String pathAndQuery) {
        return new Call(method, URI.create(server.baseUrl() + pathAndQuery));
    }

    static LoggedRequest onlyRequest() {
        assertThat(server.getAllServeEvents()).hasSize(1);
        return server.getAllServeEvents().get(0).getRequest();
    }

    static void assertNoKeyIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(KEY);
            assertThat(t.toString()).doesNotContain(KEY);
        }
    }

    /** The exception chain, for the description of a failed kind assertion. */
    static String chain(Throwable failure) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            out.append(out.length() == 0 ? "" : " <- ").append(t.getClass().getName()).append(": ").append(t.getMessage());
        }
        return out.toString();
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(plain);
        }
        return out.toByteArray();
    }

    /**
     * What a test handler saw.
     *
     * @param status       the status
     * @param answerHeader one header the test asked about
     * @param body         the body bytes
     */
    record Got(int status, Optional<String> answerHeader, byte[] body) {
        static Got read(TransportResponse response) throws IOException {
            return new Got(response.status(), response.header("x-answer"), response.body().readAllBytes());
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** A request under construction, with test defaults: short timeouts, 1 MiB cap, the key header. */
    static final class Call {
        private final String method;
        private URI uri;
        private Map<String, String> headers = Map.of("Api-Key", KEY, "Accept", "application/json");
        private RequestBody body;
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration responseTimeout = Duration.ofSeconds(5);
        private Instant deadline;
        private long maxResponseBytes = 1024 * 1024;

        Call(String method, URI uri) {
            this.method = method;
            this.uri = uri;
        }

        Call uri(URI value) {
            uri = value;
            return this;
        }

        Call headers(Map<String, String> value) {
            headers = value;
            return this;
        }

        Call body(RequestBody value) {
            body = value;
            return this;
        }

        Call connectTimeout(Duration value) {
            connectTimeout = value;
            return this;
        }

        Call responseTimeout(Duration value) {
            responseTimeout = value;
            return this;
        }

        Call deadline(Instant value) {
            deadline = value;
            return this;
        }

        Call maxResponseBytes(long value) {
            maxResponseBytes = value;
            return this;
        }

        TransportRequest build() {
            return new TransportRequest(method, uri, headers, List.of("Api-Key"), Optional.ofNullable(body),
                    connectTimeout, responseTimeout, deadline == null ? Instant.now().plusSeconds(20) : deadline,
                    maxResponseBytes);
        }
    }
}
