package io.nekorekten4j.diagnostics;

import java.util.Objects;

/**
 * A request {@link Diagnostics#run()} may send, as {@link Diagnostics#plan()} lists it.
 *
 * @param method the HTTP method
 * @param target the path and query, as sent (the key travels in the {@code Api-Key} header, never here)
 * @param cost   what it costs of the key's quota, in words
 * @param why    what it checks
 */
public record PlannedRequest(String method, String target, String cost, String why) {

    /** Checks every part. */
    public PlannedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(why, "why");
    }

    /** {@code GET /api/v1/cities — cost — why}. */
    @Override
    public String toString() {
        return method + " " + target + " — " + cost + "; checks " + why;
    }
}
