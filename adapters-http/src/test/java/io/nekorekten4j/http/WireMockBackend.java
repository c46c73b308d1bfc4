package io.nekorekten4j.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.ports.ErrorCode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A WireMock server on 127.0.0.1 (dynamic port) that plays the nekorekten.com API with state: a
 * {@link ResponseDefinitionTransformerV2} answers every request from an in-memory
 * {@link WireMockBackendStore}, in the live wire format of the reference (§2), written with
 * JSON-P independently of the adapter's DTOs.
 *
 * <p>Keys: a request whose {@code Api-Key} was never {@linkplain #acceptKey accepted} gets 401; a
 * key {@linkplain #refuseFromIp refused from an IP} gets 403 naming that IP. Arranged conditions
 * are checked in this order, before routing: the spent daily quota (every request), then arranged
 * 429s, then arranged failures — each arranged 429 or failure is used up by one request. Every
 * request reaching the server, refused or not, is one of WireMock's serve events.
 *
 * <p>Status and body of each arranged failure (the wire form the adapter must map):
 * <ul>
 *   <li>{@code TRANSPORT_FAILURE}: the connection is reset ({@link Fault#CONNECTION_RESET_BY_PEER});</li>
 *   <li>{@code TIMEOUT}: a valid answer delayed by {@link #TIMEOUT_DELAY};</li>
 *   <li>{@code UNEXPECTED_RESPONSE}: 200 with truncated JSON;</li>
 *   <li>{@code INVALID_REQUEST}: 422 with {@code errors}; {@code INVALID_API_KEY}: 401;
 *       {@code IP_NOT_WHITELISTED}: 403 naming an IP; {@code FORBIDDEN}: 403; {@code NOT_FOUND}: 404;
 *       {@code RATE_LIMITED}: 429 with {@code Retry-After: 120}; {@code QUOTA_EXHAUSTED}: the
 *       quota-spent answer; {@code SERVICE_UNAVAILABLE}: 503.</li>
 * </ul>
 */
final class WireMockBackend implements AutoCloseable {

    /**
     * How long a {@code TIMEOUT} failure holds its answer back: past the subject's connect plus
     * response timeouts (1 s + 2 s), which bound a transport's wait for the response headers.
     */
    static final Duration TIMEOUT_DELAY = Duration.ofSeconds(5);
    /** The Retry-After of an arranged {@code RATE_LIMITED} failure. */
    static final Duration FAILURE_RETRY_AFTER = Duration.ofSeconds(120);
    /** The address named by an arranged {@code IP_NOT_WHITELISTED} failure. */
    static final String FAILURE_IP = "203.0.113.7";

    private static final String TRANSFORMER = "nekorekten-backend";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final WireMockBackendStore store = new WireMockBackendStore();
    private final Set<String> acceptedKeys = ConcurrentHashMap.newKeySet();
    private final Map<String, String> refusedIps = new ConcurrentHashMap<>();
    private final WireMockServer server;

    // Guarded by this.
    private Instant quotaResetsAt;
    private int rateLimited;
    private Duration rateLimitRetryAfter = Duration.ZERO;
    private int failures;
    private ErrorCode failure;
    private int lostAnswers;
    private ErrorCode lostHow;

    /** Starts the server. */
    WireMockBackend() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().jettyStopTimeout(100L)
                .extensions(new Transformer()));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(TRANSFORMER)));
    }

    /** The base URI, {@code http://127.0.0.1:<port>}. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** The server, for its request log. */
    WireMockServer server() {
        return server;
    }

    /** The store behind the API. */
    WireMockBackendStore store() {
        return store;
    }

    /** How many requests reached the server, refused ones included. */
    long requestCount() {
        return server.getAllServeEvents().size();
    }

    /** Makes {@code key} a valid key. */
    void acceptKey(String key) {
        acceptedKeys.add(Objects.requireNonNull(key, "key"));
    }

    /** Makes {@code key} valid but refused from {@code ipAddress} (403 naming it). */
    void refuseFromIp(String key, String ipAddress) {
        refusedIps.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(ipAddress, "ipAddress"));
    }

    /** Stores a report filed by a third key at {@code createdAt}, without a request. */
    ReportId arrangeReport(ReportDraft draft, Instant createdAt) {
        return store.arrange(draft.fields(), createdAt);
    }

    /** The next {@code requests} requests get 429 with {@code retryAfter}. */
    synchronized void arrangeRateLimit(Duration retryAfter, int requests) {
        rateLimitRetryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
        rateLimited = requests;
    }

    /** Every request gets the quota-spent answer naming {@code resetsAt}. */
    synchronized void arrangeQuotaExhausted(Instant resetsAt) {
        quotaResetsAt = Objects.requireNonNull(resetsAt, "resetsAt");
    }

    /** The next {@code requests} requests fail as {@code code} stands for. */
    synchronized void arrangeFailures(ErrorCode code, int requests) {
        Objects.requireNonNull(code, "code");
        if (code == ErrorCode.CIRCUIT_OPEN || code == ErrorCode.RATE_LIMIT_WAIT_EXCEEDED
                || code == ErrorCode.QUOTA_STORE_UNAVAILABLE) {
            throw new IllegalArgumentException(code + " is a local refusal of the client, not a backend failure");
        }
        failure = code;
        failures = requests;
    }

    /**
     * The next {@code requests} routed requests take effect in the store, then lose their answer
     * {@code how}: the connection reset ({@code TRANSPORT_FAILURE}), the real answer delayed by
     * {@link #TIMEOUT_DELAY} ({@code TIMEOUT}), or a 200 cut off inside its JSON
     * ({@code UNEXPECTED_RESPONSE}).
     */
    synchronized void arrangeLostAnswers(ErrorCode how, int requests) {
        Objects.requireNonNull(how, "how");
        if (how != ErrorCode.TRANSPORT_FAILURE && how != ErrorCode.TIMEOUT && how != ErrorCode.UNEXPECTED_RESPONSE) {
            throw new IllegalArgumentException("an answer is lost by TRANSPORT_FAILURE, TIMEOUT or UNEXPECTED_RESPONSE, not "
                    + how);
        }
        lostHow = how;
        lostAnswers = requests;
    }

    @Override
    public void close() {
        server.stop();
    }

    /** The 429 telling that the plan's daily quota is spent, with the reset time as Retry-After date and in the message. */
    static ResponseDefinition quotaSpent(Instant resetsAt) {
        return json(429, WireMockBackendJson.error(
                "Дневният лимит на заявките по плана е изчерпан. Daily request limit of your plan is exhausted;"
                        + " it resets at " + resetsAt + ".", 429))
                .withHeader("Retry-After", HTTP_DATE.format(resetsAt)).build();
    }

    private ResponseDefinition answer(Request request) {
        String key = request.getHeader("Api-Key");
        if (key == null || !(acceptedKeys.contains(key) || refusedIps.containsKey(key))) {
            return json(401, WireMockBackendJson.error("Невалиден API ключ. Invalid API key.", 401)).build();
        }
        if (refusedIps.containsKey(key)) {
            return ipRefused(refusedIps.get(key));
        }
        Optional<ResponseDefinition> arranged = arranged();
        if (arranged.isPresent()) {
            return arranged.get();
        }
        ResponseDefinition routed = route(request, key);
        return lost().map(how -> lose(routed, how)).orElse(routed);
    }

    private synchronized Optional<ErrorCode> lost() {
        if (lostAnswers > 0) {
            lostAnswers--;
            return Optional.of(lostHow);
        }
        return Optional.empty();
    }

    /** {@code routed}, already applied to the store, lost {@code how} on its way back. */
    private static ResponseDefinition lose(ResponseDefinition routed, ErrorCode how) {
        return switch (how) {
            case TIMEOUT -> ResponseDefinitionBuilder.like(routed).withFixedDelay((int) TIMEOUT_DELAY.toMillis()).build();
            default -> failure(how);
        };
    }

    private synchronized Optional<ResponseDefinition> arranged() {
        if (quotaResetsAt != null) {
            return Optional.of(quotaSpent(quotaResetsAt));
        }
        if (rateLimited > 0) {
            rateLimited--;
            return Optional.of(tooManyRequests(rateLimitRetryAfter));
        }
        if (failures > 0) {
            failures--;
            return Optional.of(failure(failure));
        }
        return Optional.empty();
    }

    private static ResponseDefinition failure(ErrorCode code) {
        return switch (code) {
            case TRANSPORT_FAILURE -> ResponseDefinitionBuilder.responseDefinition()
                    .withFault(Fault.CONNECTION_RESET_BY_PEER).build();
            case TIMEOUT -> json(200, WireMockBackendJson.emptySearch())
                    .withFixedDelay((int) TIMEOUT_DELAY.toMillis()).build();
            case UNEXPECTED_RESPONSE -> ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"message\":null,\"items\":[{\"id\":\"6PpAbCdEfG\",\"phone\":\"+3598").build();
            case INVALID_REQUEST -> json(422, WireMockBackendJson.error("Данните са невалидни.", 422,
                    Map.of("text", "Полето text е задължително."))).build();
            case INVALID_API_KEY -> json(401, WireMockBackendJson.error("Невалиден API ключ.", 401)).build();
            case IP_NOT_WHITELISTED -> ipRefused(FAILURE_IP);
            case FORBIDDEN -> forbidden();
            case NOT_FOUND -> notFound();
            case RATE_LIMITED -> tooManyRequests(FAILURE_RETRY_AFTER);
            case QUOTA_EXHAUSTED -> quotaSpent(WireMockBackendStore.nextSofiaMidnight(Instant.now()));
            case SERVICE_UNAVAILABLE -> json(503, WireMockBackendJson.error("Service Unavailable", 503)).build();
            case CIRCUIT_OPEN, RATE_LIMIT_WAIT_EXCEEDED, QUOTA_STORE_UNAVAILABLE ->
                    throw new IllegalStateException("not a backend failure: " + code);
        };
    }

    private ResponseDefinition route(Request request, String key) {
        String rawPath = request.getUrl();
        int q = rawPath.indexOf('?');
        Map<String, String> query = q < 0 ? Map.of() : parseQuery(rawPath.substring(q + 1));
        String path = q < 0 ? rawPath : rawPath.substring(0, q);
        String method = request.getMethod().getName();
        if (path.equals("/api/v1/reports")) {
            return switch (method) {
                case "GET" -> store.search(query).toResponse();
                case "POST" -> store.create(key, request.getBodyAsString()).toResponse();
                default -> methodNotAllowed();
            };
        }
        if (path.startsWith("/api/v1/reports/") && path.indexOf('/', "/api/v1/reports/".length()) < 0) {
            String id = URLDecoder.decode(path.substring("/api/v1/reports/".length()), StandardCharsets.UTF_8);
            return switch (method) {
                case "PATCH" -> store.update(key, id, request.getBodyAsString()).toResponse();
                case "DELETE" -> store.delete(key, id).toResponse();
                default -> methodNotAllowed();
            };
        }
        if (path.equals("/api/v1/files")) {
            return method.equals("POST") ? store.upload(request).toResponse() : methodNotAllowed();
        }
        if (path.equals("/api/v1/cities")) {
            return method.equals("GET") ? json(200, WireMockBackendJson.cities()).build() : methodNotAllowed();
        }
        return notFound();
    }

    /** Query parameters, decoded as forms are ({@code +} is a space); the first value of each wins. */
    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return values;
    }

    static ResponseDefinition ipRefused(String ipAddress) {
        return json(403, WireMockBackendJson.error("Достъпът е отказан: IP " + ipAddress
                + " не е в списъка с разрешени адреси за този API ключ.", 403)).build();
    }

    static ResponseDefinition forbidden() {
        return json(403, WireMockBackendJson.error("Нямате право да променяте този сигнал.", 403)).build();
    }

    static ResponseDefinition notFound() {
        return json(404, WireMockBackendJson.error("Сигналът не е намерен.", 404)).build();
    }

    static ResponseDefinition tooManyRequests(Duration retryAfter) {
        return json(429, WireMockBackendJson.error("Too Many Requests", 429))
                .withHeader("Retry-After", Long.toString(retryAfter.toSeconds())).build();
    }

    private static ResponseDefinition methodNotAllowed() {
        return json(405, WireMockBackendJson.error("Method Not Allowed", 405)).build();
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
    }

    /** What a handler of the store answers. */
    record Answer(int status, String body) {
        ResponseDefinition toResponse() {
            return json(status, body).build();
        }
    }

    /** Routes every request to the backend. */
    private final class Transformer implements ResponseDefinitionTransformerV2 {
        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            return answer(serveEvent.getRequest());
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return TRANSFORMER;
        }
    }
}
