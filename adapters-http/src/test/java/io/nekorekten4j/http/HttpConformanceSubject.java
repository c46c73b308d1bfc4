package io.nekorekten4j.http;

import io.nekorekten4j.cache.CacheOptions;
import io.nekorekten4j.cache.CachingNekorekten;
import io.nekorekten4j.conformance.Capability;
import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.Nekorekten;
import io.nekorekten4j.ports.QuotaPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The conformance kit's view of {@link NekorektenHttp} over a {@link WireMockBackend}: a fresh
 * backend per subject, and clients built on the transport the supplier makes (one transport per
 * client, closed with it).
 *
 * <p>Each subject uses API keys of its own, so no two subjects share a quota gate. The clients'
 * quota is generous (100,000 a minute) and retries are off, so every call is exactly one request
 * and counts are exact. The clients run on {@link VirtualTime} (public API): the system clock plus
 * the waits they "slept". So when the service answers 429 with {@code Retry-After: 120}, the gate's pause is
 * honoured in full — the next call waits 120 s of the client's time — without a test sleeping; the
 * permit-wait and call timeouts are long enough for that wait.
 */
final class HttpConformanceSubject implements ConformanceSubject {

    private final Supplier<Transport> transports;
    private final boolean decorated;
    private final WireMockBackend backend = new WireMockBackend();
    private final VirtualTime time = VirtualTime.create();
    private final String keyPrefix = "conformance-" + UUID.randomUUID() + "-";
    private final String key = keyPrefix + "own";
    private final String otherKey = keyPrefix + "other";
    private final List<Nekorekten> clients = new ArrayList<>();
    private final Map<String, Nekorekten> refusedFromIp = new HashMap<>();
    private Nekorekten client;
    private Nekorekten otherClient;
    private Nekorekten invalidKeyClient;

    /**
     * @param transports makes the transport of each client, e.g. {@code ApacheTransport.builder()::build}
     */
    HttpConformanceSubject(Supplier<Transport> transports) {
        this(transports, false);
    }

    /**
     * @param transports makes the transport of each client
     * @param decorated  {@code true}: each client is built with {@code CacheOptions.disabled()} and
     *                   put behind {@link CachingNekorekten} (the cache module's decorator, on the
     *                   clients' virtual time); {@code false}: the client's own default cache
     */
    HttpConformanceSubject(Supplier<Transport> transports, boolean decorated) {
        this.transports = Objects.requireNonNull(transports, "transports");
        this.decorated = decorated;
        backend.acceptKey(key);
        backend.acceptKey(otherKey);
    }

    @Override
    public synchronized Nekorekten client() {
        if (client == null) {
            client = build(key);
        }
        return client;
    }

    @Override
    public synchronized Nekorekten clientWithOtherKey() {
        if (otherClient == null) {
            otherClient = build(otherKey);
        }
        return otherClient;
    }

    @Override
    public synchronized Nekorekten clientWithInvalidKey() {
        if (invalidKeyClient == null) {
            invalidKeyClient = build(keyPrefix + "never-issued");
        }
        return invalidKeyClient;
    }

    @Override
    public synchronized Nekorekten clientRefusedFromIp(String ipAddress) {
        return refusedFromIp.computeIfAbsent(ipAddress, ip -> {
            String refused = keyPrefix + "refused-" + refusedFromIp.size();
            backend.refuseFromIp(refused, ip);
            return build(refused);
        });
    }

    @Override
    public ReportId arrangeReport(ReportDraft draft, Instant createdAt) {
        return backend.arrangeReport(draft, createdAt);
    }

    @Override
    public void arrangeRateLimit(Duration retryAfter, int requests) {
        backend.arrangeRateLimit(retryAfter, requests);
    }

    @Override
    public void arrangeQuotaExhausted(Instant resetsAt) {
        backend.arrangeQuotaExhausted(resetsAt);
    }

    @Override
    public void arrangeFailures(ErrorCode code, int requests) {
        backend.arrangeFailures(code, requests);
    }

    @Override
    public void arrangeLostAnswers(ErrorCode how, int requests) {
        backend.arrangeLostAnswers(how, requests);
    }

    @Override
    public long backendRequestCount() {
        return backend.requestCount();
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    /** The backend, for tests that look at its log. */
    WireMockBackend backend() {
        return backend;
    }

    @Override
    public synchronized void close() {
        RuntimeException failure = null;
        for (Nekorekten c : clients) {
            try {
                c.close();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        clients.clear();
        backend.close();
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "HttpConformanceSubject[" + backend.uri() + "]";
    }

    private Nekorekten build(String apiKey) {
        NekorektenHttp.Builder builder = NekorektenHttp.builder()
                .baseUri(backend.uri())
                .apiKey(apiKey)
                .transport(transports.get())
                .quota(QuotaPlan.perMinute(100_000))
                .retry(RetryOptions.disabled())
                // The response timeout (from the written request to the answer, on both transports)
                // stays below the backend's TIMEOUT delay (5 s), yet leaves a cold JVM on a loaded
                // machine time for its first answer (1.7 s measured at a load average of 25).
                .connectTimeout(Duration.ofSeconds(1))
                .responseTimeout(Duration.ofSeconds(3))
                .permitWaitTimeout(Duration.ofMinutes(10))
                .callTimeout(Duration.ofMinutes(11))
                .clock(time)
                .sleeper(time);
        Nekorekten built = decorated
                ? CachingNekorekten.builder(builder.cache(CacheOptions.disabled()).build()).clock(time)
                        .maxWait(Duration.ofMinutes(11)).build()
                : builder.build();
        clients.add(built);
        return built;
    }
}
