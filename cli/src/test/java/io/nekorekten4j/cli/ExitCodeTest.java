package io.nekorekten4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.domain.Violation;
import io.nekorekten4j.ports.CallTimeoutException;
import io.nekorekten4j.ports.CircuitOpenException;
import io.nekorekten4j.ports.ErrorContext;
import io.nekorekten4j.ports.ForbiddenException;
import io.nekorekten4j.ports.InvalidApiKeyException;
import io.nekorekten4j.ports.InvalidRequestException;
import io.nekorekten4j.ports.IpNotWhitelistedException;
import io.nekorekten4j.ports.NotFoundException;
import io.nekorekten4j.ports.QuotaExhaustedException;
import io.nekorekten4j.ports.RateLimitWaitExceededException;
import io.nekorekten4j.ports.RateLimitedException;
import io.nekorekten4j.ports.ServiceUnavailableException;
import io.nekorekten4j.ports.TransportException;
import io.nekorekten4j.ports.UnexpectedResponseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every failure class has its documented exit code (the mapping the README's table states). */
class ExitCodeTest {

    private static final ErrorContext AT = ErrorContext.of("GET", "/api/v1/reports");

    @Test
    void badInputIsThree() {
        assertThat(ExitCode.of(new ValidationException("phone", "bad"))).isEqualTo(3);
        assertThat(ExitCode.of(new InvalidRequestException("bad", AT, List.of(new Violation("text", "short"))))).isEqualTo(3);
        assertThat(ExitCode.of(new NotFoundException("no such report", AT, null))).isEqualTo(3);
    }

    @Test
    void aRefusedKeyOrIpIsFour() {
        assertThat(ExitCode.of(new InvalidApiKeyException("bad key", AT, null))).isEqualTo(4);
        assertThat(ExitCode.of(new IpNotWhitelistedException("bad ip", AT, "203.0.113.7"))).isEqualTo(4);
        assertThat(ExitCode.of(new ForbiddenException("not yours", AT, null))).isEqualTo(4);
    }

    @Test
    void rateLimitsAndSpentQuotaAreFive() {
        assertThat(ExitCode.of(new RateLimitedException("slow down", AT, Duration.ofSeconds(6)))).isEqualTo(5);
        assertThat(ExitCode.of(new QuotaExhaustedException("spent", AT, Instant.EPOCH))).isEqualTo(5);
        assertThat(ExitCode.of(new RateLimitWaitExceededException("no permit", AT, Duration.ofSeconds(6)))).isEqualTo(5);
    }

    @Test
    void anUnavailableServiceAndEveryOtherMissingAnswerAreSix() {
        assertThat(ExitCode.of(new ServiceUnavailableException("down", AT, null))).isEqualTo(6);
        assertThat(ExitCode.of(new TransportException("reset", AT, null))).isEqualTo(6);
        assertThat(ExitCode.of(new CallTimeoutException("slow", AT, null))).isEqualTo(6);
        assertThat(ExitCode.of(new UnexpectedResponseException("garbage", AT, null))).isEqualTo(6);
        assertThat(ExitCode.of(new CircuitOpenException("open", AT, null))).isEqualTo(6);
    }

    @Test
    void usageProblemsAreTwoAndBugsSeventy() {
        assertThat(ExitCode.of(new UsageException("no such file"))).isEqualTo(2);
        assertThat(ExitCode.of(new IllegalStateException("bug"))).isEqualTo(70);
    }
}
