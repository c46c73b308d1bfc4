package io.nekorekten4j.http;

import java.time.Duration;

/**
 * Where the quota of an API key is counted: the seam between the client's quota gate and the
 * state it decides on. The default, {@link LocalQuotaStore}, counts inside this JVM; the
 * {@code nekorekten4j-quota-redis} module counts on Redis for every instance of an application.
 * Select one with {@link NekorektenHttp.Builder#quotaStore(QuotaStore)}.
 *
 * <h2>The rule every store enforces, atomically per {@link QuotaScope}</h2>
 * A permit is recorded when it is granted (the request is about to be sent) and stays <em>open</em>
 * until it is {@linkplain #release released}: its window is anchored on the instant the answer came
 * back or the attempt was abandoned, not on the send. A new permit's send instant (its
 * <em>slot</em>) must be at least {@code window + margin} after the anchor of the
 * {@code permits}-th most recent permit, an open permit counting as more recent than any anchor.
 * The service counts a request somewhere between its send and its answer, so whatever the network
 * delay, no window of the service's length holds more than {@code permits} of them. An open permit
 * that is never released (its process died) counts as answered at {@code slot + lease}.
 * <br>The daily cap: a slot is admitted only while fewer than {@code perDay} slots fall both in its
 * calendar day in {@code Europe/Sofia} and in the 24 hours before it. A 429's {@code Retry-After}
 * ({@link #penalise}) admits no slot before it ends.
 *
 * <h2>Time</h2>
 * A store decides on its own clock (Redis: {@code TIME}) and answers in durations from its
 * {@code now}, so callers on skewed clocks still agree. Slots are handed out in order: no slot is
 * earlier than one already granted.
 *
 * <h2>Contract</h2>
 * Thread safe. Every method either does what it says or throws
 * {@link io.nekorekten4j.ports.QuotaStoreUnavailableException} (the store could not be reached
 * within its bounded timeout); the gate then sends nothing. Implementations never see the API key:
 * a {@link QuotaScope} carries only a hash of it.
 */
public interface QuotaStore extends AutoCloseable {

    /**
     * Tries to take a permit for one request of {@code scope}.
     *
     * @param scope   whose quota
     * @param limits  the plan's figures, as the calling client knows them
     * @param maxWait the longest the caller will wait for its slot
     * @param lease   how long after its slot an unreleased permit may still be in flight
     * @return granted (with the wait until its slot), wait (a lower bound, then ask again), too far
     *         (longer than {@code maxWait}) or exhausted (the daily cap); nothing is recorded unless granted
     */
    QuotaDecision acquire(QuotaScope scope, QuotaLimits limits, Duration maxWait, Duration lease);

    /**
     * After waiting for a granted permit's slot: whether it still stands. A {@link #penalise} that
     * began meanwhile and covers the slot cancels it (and it no longer counts): ask again.
     */
    boolean confirm(QuotaScope scope, QuotaPermit permit);

    /**
     * Ends a permit. {@code sent}: the request went out and its answer came back or the attempt was
     * abandoned now — the permit's window is anchored on this instant (the store's). Not sent: the
     * permit is forgotten, as if never granted. Releasing an unknown or already released permit does
     * nothing.
     */
    void release(QuotaScope scope, QuotaPermit permit, boolean sent);

    /** The service answered 429 with {@code retryAfter}: no slot of {@code scope} before then. */
    void penalise(QuotaScope scope, Duration retryAfter);

    /** Releases the store's connections, if any. Called by its owner, never by the client. */
    @Override
    default void close() {
    }
}
