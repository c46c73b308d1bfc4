package io.nekorekten4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.domain.Violation;
import io.nekorekten4j.ports.ErrorContext;
import io.nekorekten4j.ports.InvalidRequestException;
import io.nekorekten4j.ports.IpNotWhitelistedException;
import io.nekorekten4j.ports.QuotaExhaustedException;
import io.nekorekten4j.ports.RateLimitedException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorMessagesTest {

    private static final ErrorContext AT = ErrorContext.of("GET", "/api/v1/reports").withStatus(429);

    @Test
    void aRateLimitSaysHowLongToWait() {
        assertThat(ErrorMessages.of(new RateLimitedException("Too many requests", AT, Duration.ofMillis(5200))))
                .isEqualTo("error: Too many requests (search, HTTP 429); try again in 6 s");
    }

    @Test
    void aSpentQuotaSaysWhenItResetsInSofiaTime() {
        assertThat(ErrorMessages.of(new QuotaExhaustedException("Quota spent", AT, Instant.parse("2026-03-01T22:00:00Z"))))
                .endsWith("; the quota resets at 2026-03-02 00:00 EET");
    }

    @Test
    void aRefusedIpSaysWhichAddressToWhitelist() {
        assertThat(ErrorMessages.of(new IpNotWhitelistedException("Нямате достъп", AT, "203.0.113.7")))
                .endsWith("; add 203.0.113.7 to the key's allowed IPs on nekorekten.com");
    }

    @Test
    void theServicesFieldMessagesAreListedOnOneLine() {
        String line = ErrorMessages.of(new InvalidRequestException("Invalid\nrequest", AT,
                List.of(new Violation("text", "too short"), new Violation("phone", "invalid"))));
        assertThat(line).doesNotContain("\n").endsWith(": text: too short; phone: invalid");
    }

    @Test
    void anUnexpectedFailureIsNamedAsInternal() {
        assertThat(ErrorMessages.of(new IllegalStateException("boom"))).isEqualTo("error: internal error: java.lang.IllegalStateException: boom");
    }
}
