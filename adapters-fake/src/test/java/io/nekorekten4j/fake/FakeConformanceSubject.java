package io.nekorekten4j.fake;

import io.nekorekten4j.conformance.Capability;
import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.Nekorekten;
import io.nekorekten4j.ports.QuotaPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The fake as a subject of the conformance kit: a fresh fake per subject, with a fixed seed and a
 * {@link MutableClock}; arranged state goes straight into its backend; faults and quota refusals
 * are injected with {@link NekorektenFake#failNext}. The fake supports every {@link Capability}.
 */
public final class FakeConformanceSubject implements ConformanceSubject {

    /** The seed of every subject: the same test sees the same ids. */
    public static final long SEED = 4_242L;
    /** Where every subject's clock starts. */
    public static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    static final String KEY = "subject-key";
    static final String OTHER_KEY = "other-key";
    static final String THIRD_KEY = "third-key";
    static final String INVALID_KEY = "invalid-key";
    static final String IP_REFUSED_KEY = "ip-refused-key";

    private final MutableClock clock;
    private final NekorektenFake fake;

    /** A subject whose fake has no quota. */
    public FakeConformanceSubject() {
        this(null);
    }

    /** A subject whose fake simulates {@code quota} ({@code null}: none). */
    public FakeConformanceSubject(QuotaPlan quota) {
        this.clock = MutableClock.at(START);
        this.fake = NekorektenFake.builder().seed(SEED).clock(clock).apiKey(KEY).quota(quota).build();
    }

    /** The subject's clock, to move time in tests. */
    public MutableClock clock() {
        return clock;
    }

    /** The fake itself, for tests that need its controls. */
    public NekorektenFake fake() {
        return fake;
    }

    @Override
    public Nekorekten client() {
        return fake;
    }

    @Override
    public Nekorekten clientWithOtherKey() {
        return fake.withKey(OTHER_KEY);
    }

    @Override
    public Nekorekten clientWithInvalidKey() {
        fake.refuseKey(INVALID_KEY);
        return fake.withKey(INVALID_KEY);
    }

    @Override
    public Nekorekten clientRefusedFromIp(String ipAddress) {
        fake.refuseFromIp(IP_REFUSED_KEY, ipAddress);
        return fake.withKey(IP_REFUSED_KEY);
    }

    @Override
    public ReportId arrangeReport(ReportDraft draft, Instant createdAt) {
        return fake.arrangeReport(draft, createdAt, THIRD_KEY);
    }

    @Override
    public void arrangeRateLimit(Duration retryAfter, int requests) {
        Objects.requireNonNull(retryAfter, "retryAfter");
        fake.failNextWith(requests, (request, now) -> ServiceExceptions.rateLimited(request, retryAfter));
    }

    @Override
    public void arrangeQuotaExhausted(Instant resetsAt) {
        Objects.requireNonNull(resetsAt, "resetsAt");
        // "Every request" from now on: as many calls as a test can make.
        fake.failNextWith(Integer.MAX_VALUE, (request, now) -> ServiceExceptions.quotaExhausted(request, resetsAt));
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
        fake.close();
    }

    @Override
    public String toString() {
        return "FakeConformanceSubject[" + fake + "]";
    }
}
