package io.nekorekten4j.cache;

import io.nekorekten4j.conformance.Capability;
import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.fake.MutableClock;
import io.nekorekten4j.fake.NekorektenFake;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.ErrorContext;
import io.nekorekten4j.ports.Nekorekten;
import io.nekorekten4j.ports.QuotaExhaustedException;
import io.nekorekten4j.ports.RateLimitedException;
import io.nekorekten4j.ports.RequestOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The conformance kit's subject: the in-memory fake behind {@link CachingNekorekten} with the
 * default options, one decorator per key (a cache belongs to one client), on the fake's clock.
 * Arranged state and faults go straight into the fake, behind the caches' backs, as they would
 * reach a real service.
 */
final class CachedFakeSubject implements ConformanceSubject {

    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    private static final String KEY = "subject-key";
    private static final String OTHER_KEY = "other-key";
    private static final String THIRD_KEY = "third-key";
    private static final String INVALID_KEY = "invalid-key";
    private static final String IP_REFUSED_KEY = "ip-refused-key";
    /** What the fake's 429 names; the kit reads the exception's type and its wait. */
    private static final ErrorContext REFUSED = ErrorContext.of("GET", "/api/v1/reports").withStatus(429)
            .withOutcome(RequestOutcome.REFUSED);

    private final MutableClock clock = MutableClock.at(START);
    private final NekorektenFake fake = NekorektenFake.builder().seed(4_242L).clock(clock).apiKey(KEY).build();
    private final Map<String, Nekorekten> clients = new LinkedHashMap<>();

    @Override
    public synchronized Nekorekten client() {
        return cached(KEY, fake);
    }

    @Override
    public synchronized Nekorekten clientWithOtherKey() {
        return cached(OTHER_KEY, fake.withKey(OTHER_KEY));
    }

    @Override
    public synchronized Nekorekten clientWithInvalidKey() {
        fake.refuseKey(INVALID_KEY);
        return cached(INVALID_KEY, fake.withKey(INVALID_KEY));
    }

    @Override
    public synchronized Nekorekten clientRefusedFromIp(String ipAddress) {
        fake.refuseFromIp(IP_REFUSED_KEY, ipAddress);
        return cached(IP_REFUSED_KEY + ipAddress, fake.withKey(IP_REFUSED_KEY));
    }

    private Nekorekten cached(String name, Nekorekten delegate) {
        return clients.computeIfAbsent(name, n -> CachingNekorekten.builder(delegate).clock(clock).build());
    }

    @Override
    public ReportId arrangeReport(ReportDraft draft, Instant createdAt) {
        return fake.arrangeReport(draft, createdAt, THIRD_KEY);
    }

    @Override
    public void arrangeRateLimit(Duration retryAfter, int requests) {
        Objects.requireNonNull(retryAfter, "retryAfter");
        fake.failNext(requests, () -> new RateLimitedException("Too many requests; try again after "
                + retryAfter.toSeconds() + " s", REFUSED, retryAfter));
    }

    @Override
    public void arrangeQuotaExhausted(Instant resetsAt) {
        Objects.requireNonNull(resetsAt, "resetsAt");
        fake.failNext(Integer.MAX_VALUE, () -> new QuotaExhaustedException("The day's requests are spent",
                REFUSED, resetsAt));
    }

    @Override
    public void arrangeFailures(ErrorCode code, int requests) {
        fake.failNext(requests, code);
    }

    @Override
    public void arrangeLostAnswers(ErrorCode how, int requests) {
        fake.loseNextAnswers(requests, how);
    }

    @Override
    public void arrangeServerText(ErrorCode code, String text, int requests) {
        fake.failNext(requests, code, text);
    }

    /** The fake never waits: a call it would never answer ends at once, as a timed-out call ends. */
    @Override
    public void arrangeNoAnswer(int requests) {
        fake.failNext(requests, ErrorCode.TIMEOUT);
    }

    @Override
    public Optional<String> apiKey() {
        return Optional.of(KEY);
    }

    @Override
    public long backendRequestCount() {
        return fake.callCount();
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    @Override
    public void close() {
        clients.clear();
        fake.close();
    }

    @Override
    public String toString() {
        return "CachedFakeSubject[" + fake + "]";
    }
}
