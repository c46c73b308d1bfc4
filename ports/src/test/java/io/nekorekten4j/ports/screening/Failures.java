package io.nekorekten4j.ports.screening;

import io.nekorekten4j.domain.Violation;
import io.nekorekten4j.ports.CallTimeoutException;
import io.nekorekten4j.ports.CircuitOpenException;
import io.nekorekten4j.ports.QuotaStoreUnavailableException;
import io.nekorekten4j.ports.ErrorContext;
import io.nekorekten4j.ports.ForbiddenException;
import io.nekorekten4j.ports.InvalidApiKeyException;
import io.nekorekten4j.ports.InvalidRequestException;
import io.nekorekten4j.ports.IpNotWhitelistedException;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.NotFoundException;
import io.nekorekten4j.ports.QuotaExhaustedException;
import io.nekorekten4j.ports.RateLimitWaitExceededException;
import io.nekorekten4j.ports.RateLimitedException;
import io.nekorekten4j.ports.ServiceUnavailableException;
import io.nekorekten4j.ports.TransportException;
import io.nekorekten4j.ports.UnexpectedResponseException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One instance of every {@link NekorektenException} class, as a search could throw it. */
final class Failures {

    static final ErrorContext SEARCH = ErrorContext.of("GET", "/api/v1/reports");

    private Failures() {
    }

    static List<NekorektenException> everyKind() {
        return List.of(
                new TransportException("connection reset", SEARCH, new IOException("reset")),
                new CallTimeoutException("no answer in time", SEARCH, null),
                new UnexpectedResponseException("the body is not JSON", SEARCH.withStatus(200), null),
                new CircuitOpenException("the circuit is open", SEARCH, null),
                new QuotaStoreUnavailableException("redis did not answer", SEARCH, null),
                new RateLimitWaitExceededException("waiting for a permit took too long", SEARCH, Duration.ofSeconds(6)),
                new InvalidRequestException("the request was refused", SEARCH.withStatus(422),
                        List.of(new Violation("phone", "invalid"))),
                invalidKey(),
                new IpNotWhitelistedException("IP not allowed", SEARCH.withStatus(403), "203.0.113.7"),
                new ForbiddenException("forbidden", SEARCH.withStatus(403), null),
                new NotFoundException("not found", SEARCH.withStatus(404), null),
                rateLimited(),
                quotaExhausted(),
                serviceUnavailable());
    }

    static RateLimitedException rateLimited() {
        return new RateLimitedException("Too many requests", SEARCH.withStatus(429), Duration.ofSeconds(30));
    }

    static QuotaExhaustedException quotaExhausted() {
        return new QuotaExhaustedException("the daily quota is spent", SEARCH.withStatus(429),
                Instant.parse("2099-01-01T22:00:00Z"));
    }

    static ServiceUnavailableException serviceUnavailable() {
        return new ServiceUnavailableException("the service is down", SEARCH.withStatus(503), null);
    }

    static InvalidApiKeyException invalidKey() {
        return new InvalidApiKeyException("the API key is not accepted", SEARCH.withStatus(401), null);
    }
}
