package io.nekorekten4j.ports;

import java.util.Objects;

/**
 * What became of the request of a failed call, over <em>all</em> its attempts: could the service
 * have acted on it? Decide on this — never on a message — whether repeating a write could file it
 * twice. Read it from {@link NekorektenException#outcome()}.
 *
 * <p>The values are ordered from most to least certain; a call's outcome is the least certain of
 * its attempts' ({@link #then}): once any attempt may have reached the service, the call never
 * claims {@link #NOT_SENT} again, whatever the later attempts did.
 *
 * <table>
 *   <caption>Typical failures and their outcome</caption>
 *   <tr><th>failure of the (last) attempt</th><th>outcome, when no earlier attempt reached the service</th></tr>
 *   <tr><td>connection refused, DNS failure, connect timeout, TLS handshake or certificate failure</td>
 *       <td>{@link #NOT_SENT}</td></tr>
 *   <tr><td>local refusals: rate-limit wait exceeded, local daily cap spent, circuit open, call
 *       timeout before the first attempt</td><td>{@link #NOT_SENT}</td></tr>
 *   <tr><td>a 4xx answer: 400/422, 401, 403, 404, 429, daily quota spent</td><td>{@link #REFUSED}</td></tr>
 *   <tr><td>connection reset or timeout after the request was sent, a 5xx answer, a 3xx, an answer
 *       that could not be read (also after a 2xx)</td><td>{@link #MAY_HAVE_BEEN_APPLIED}</td></tr>
 * </table>
 * Domain validation failures ({@link io.nekorekten4j.domain.ValidationException}) are outside this
 * hierarchy and always mean that nothing was sent.
 */
public enum RequestOutcome {

    /**
     * No attempt reached the service: nothing can have been applied, and a write may be repeated
     * safely. E.g. the connection never opened, the TLS handshake failed, or the client refused
     * locally (quota, circuit breaker, call timeout before any attempt).
     */
    NOT_SENT,

    /**
     * The service received the request and answered that it did not carry it out (a 4xx answer:
     * invalid, bad key, IP not allowed, forbidden, not found, rate limited, daily quota spent), and
     * no other attempt may have been applied. Repeating the same request will be refused again
     * unless the cause is fixed (or, for 429, the wait is over).
     */
    REFUSED,

    /**
     * At least one attempt reached (or may have reached) the service and nothing proves that it
     * was not applied: the connection broke or timed out after the request was sent, the service
     * failed with a 5xx (which does not say whether it applied the request first), or the answer
     * could not be used. A write may have taken effect: look (e.g. search for the report) before
     * repeating it.
     */
    MAY_HAVE_BEEN_APPLIED;

    /**
     * The outcome of a call whose attempts so far ended in {@code this} and whose next attempt
     * ended in {@code later}: the less certain of the two.
     */
    public RequestOutcome then(RequestOutcome later) {
        Objects.requireNonNull(later, "later");
        return later.ordinal() > ordinal() ? later : this;
    }

    /** Whether any attempt may have reached the service: every outcome but {@link #NOT_SENT}. */
    public boolean mayHaveReachedService() {
        return this != NOT_SENT;
    }

    /** Whether a write may have taken effect: only {@link #MAY_HAVE_BEEN_APPLIED}. */
    public boolean mayHaveBeenApplied() {
        return this == MAY_HAVE_BEEN_APPLIED;
    }
}
