package io.nekorekten4j.fake;

import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.Operation;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One call that reached the fake's backend, as {@link NekorektenFake#calls()} lists it. Calls
 * rejected by argument validation never reach the backend and are not listed, exactly as the HTTP
 * adapter sends no request for them; calls the backend refused (bad key, quota, injected fault, not
 * found…) are listed with their failure.
 *
 * @param operation what was called
 * @param accountId the account of the key used (never the key itself)
 * @param at        when, by the fake's clock
 * @param failure   the outcome: empty when the call succeeded, else the code of what it threw
 */
public record FakeCall(Operation operation, String accountId, Instant at, Optional<ErrorCode> failure) {

    /** Requires every part. */
    public FakeCall {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(failure, "failure");
    }

    /** Whether the call succeeded. */
    public boolean succeeded() {
        return failure.isEmpty();
    }
}
