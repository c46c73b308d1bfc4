package io.nekorekten4j.redis;

import io.nekorekten4j.conformance.Capability;
import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.fakeserver.FakeServer;
import io.nekorekten4j.http.VirtualTime;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.ErrorContext;
import io.nekorekten4j.ports.Nekorekten;
import io.nekorekten4j.ports.QuotaExhaustedException;
import io.nekorekten4j.ports.RateLimitedException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The conformance kit's view of the HTTP adapter with its quota and its result cache on a real
 * redis-server ({@link RedisQuotaStore}, {@link RedisResultStore}, each subject in a namespace of
 * its own), talking to the {@link FakeServer}: the kit must pass unchanged with the shared stores in
 * place. Every client of a subject shares the one cache, as the instances of an application do. The store decides on the subject's clock (real time plus every wait
 * "slept", so a 429's {@code Retry-After} is honoured in full without a test sleeping).
 */
final class RedisKitSubject implements ConformanceSubject {

    private static final String THIRD_PARTY_KEY = "conformance-third-party";
    private static final int EVERY_REQUEST = Integer.MAX_VALUE;
    private static LoopbackRedis redis;

    private final FakeServer server = FakeServer.builder().stallFor(Duration.ofSeconds(5)).build().start();
    /** Real time plus every wait slept: the kit's 429 rules wait minutes in no real time. */
    private final VirtualTime clock = VirtualTime.create();
    private final RedisQuotaStore store;
    private final RedisResultStore cache;
    private final String keyPrefix = "redis-kit-" + UUID.randomUUID() + "-";
    private final List<Nekorekten> clients = new ArrayList<>();
    private final Map<String, Nekorekten> refusedFromIp = new HashMap<>();
    private Nekorekten client;
    private Nekorekten otherClient;
    private Nekorekten invalidKeyClient;

    RedisKitSubject() {
        store = RedisQuotaStore.builder().uri(sharedRedis().uri()).clockForTests(clock)
                .commandTimeout(RedisQuotaStoreTest.SLACK).connectTimeout(RedisQuotaStoreTest.SLACK)
                .namespace("kit").build();
        cache = RedisResultStore.builder().uri(sharedRedis().uri()).service(server.uri())
                .namespace("kit-cache-" + UUID.randomUUID()).commandTimeout(RedisQuotaStoreTest.SLACK)
                .connectTimeout(RedisQuotaStoreTest.SLACK).build();
    }

    /** One redis-server for every kit subject of this JVM, stopped when the JVM ends. */
    private static synchronized LoopbackRedis sharedRedis() {
        if (redis == null) {
            LoopbackRedis started = LoopbackRedis.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "redis-kit-stop"));
            redis = started;
        }
        return redis;
    }

    @Override
    public synchronized Nekorekten client() {
        if (client == null) {
            client = build(keyPrefix + "own");
        }
        return client;
    }

    @Override
    public synchronized Nekorekten clientWithOtherKey() {
        if (otherClient == null) {
            otherClient = build(keyPrefix + "other");
        }
        return otherClient;
    }

    @Override
    public synchronized Nekorekten clientWithInvalidKey() {
        if (invalidKeyClient == null) {
            String revoked = keyPrefix + "revoked";
            server.fake().refuseKey(revoked);
            invalidKeyClient = build(revoked);
        }
        return invalidKeyClient;
    }

    @Override
    public synchronized Nekorekten clientRefusedFromIp(String ipAddress) {
        return refusedFromIp.computeIfAbsent(ipAddress, ip -> {
            String refused = keyPrefix + "refused-" + refusedFromIp.size();
            server.fake().refuseFromIp(refused, ip);
            return build(refused);
        });
    }

    @Override
    public ReportId arrangeReport(ReportDraft draft, Instant createdAt) {
        return server.fake().arrangeReport(draft, createdAt, THIRD_PARTY_KEY);
    }

    @Override
    public void arrangeRateLimit(Duration retryAfter, int requests) {
        Objects.requireNonNull(retryAfter, "retryAfter");
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        server.fake().failNext(requests, () -> new RateLimitedException("rate limited (arranged)",
                ErrorContext.none().withStatus(429).withServiceMessage(
                        "Твърде много заявки в минута. Опитайте отново след " + seconds + " секунди."), retryAfter));
    }

    @Override
    public void arrangeQuotaExhausted(Instant resetsAt) {
        Objects.requireNonNull(resetsAt, "resetsAt");
        server.fake().failNext(EVERY_REQUEST, () -> new QuotaExhaustedException("quota spent (arranged)",
                ErrorContext.none().withStatus(429).withServiceMessage("Дневният лимит на заявките е изчерпан."),
                resetsAt));
    }

    @Override
    public void arrangeFailures(ErrorCode code, int requests) {
        Objects.requireNonNull(code, "code");
        if (!code.serviceAnswered() && code != ErrorCode.TRANSPORT_FAILURE && code != ErrorCode.TIMEOUT
                && code != ErrorCode.UNEXPECTED_RESPONSE) {
            throw new IllegalArgumentException(code + " is a local refusal of the client, not a backend failure");
        }
        server.fake().failNext(requests, code);
    }

    @Override
    public void arrangeLostAnswers(ErrorCode how, int requests) {
        Objects.requireNonNull(how, "how");
        server.fake().loseNextAnswers(requests, how);
    }

    @Override
    public void arrangeServerText(ErrorCode code, String text, int requests) {
        server.sayNext(requests, code, text);
    }

    @Override
    public void arrangeNoAnswer(int requests) {
        server.leaveUnanswered(requests);
    }

    @Override
    public Optional<String> apiKey() {
        return Optional.of(keyPrefix + "own");
    }

    @Override
    public long backendRequestCount() {
        return server.requestCount();
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
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
        cache.close();
        store.close();
        server.close();
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "RedisKitSubject[" + server.uri() + ", " + store + ", " + cache + "]";
    }

    private Nekorekten build(String apiKey) {
        Nekorekten built = RedisKitClients.client(server.uri(), apiKey, store, cache, clock, clock::sleep);
        clients.add(built);
        return built;
    }

}
