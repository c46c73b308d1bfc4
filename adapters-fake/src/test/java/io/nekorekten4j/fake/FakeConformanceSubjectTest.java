package io.nekorekten4j.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nekorekten4j.conformance.Capability;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.ForbiddenException;
import io.nekorekten4j.ports.InvalidApiKeyException;
import io.nekorekten4j.ports.IpNotWhitelistedException;
import io.nekorekten4j.ports.Operation;
import io.nekorekten4j.ports.QuotaExhaustedException;
import io.nekorekten4j.ports.RateLimitedException;
import io.nekorekten4j.ports.ServiceUnavailableException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The subject the conformance kit runs the fake through does what the kit's interface promises. */
class FakeConformanceSubjectTest {

    private static final SearchCriteria ANY = SearchCriteria.builder().phone("0888123456").build();
    private final FakeConformanceSubject subject = new FakeConformanceSubject();

    @AfterEach
    void close() {
        subject.close();
    }

    @Test
    void startsEmptyButKnowsItsCitiesAndDeclaresEveryCapability() {
        assertThat(subject.client().search(ANY).isEmpty()).isTrue();
        assertThat(subject.client().cities()).isNotEmpty();
        assertThat(subject.capabilities()).containsExactlyInAnyOrder(Capability.values());
    }

    @Test
    void arrangedReportsAreFiledByAThirdKeyWithoutARequest() {
        ReportId id = subject.arrangeReport(FakeTestData.byPhone("0888123456"), Instant.parse("2025-01-01T00:00:00Z"));

        assertThat(subject.backendRequestCount()).isZero();
        assertThatThrownBy(() -> subject.client().delete(id)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> subject.clientWithOtherKey().delete(id)).isInstanceOf(ForbiddenException.class);
        assertThat(subject.backendRequestCount()).isEqualTo(2);
    }

    @Test
    void theOtherKeySharesTheBackendButNotOwnership() {
        ReportId id = subject.client().create(ReportDraft.builder().text("t").phone("0888123456").build())
                .id().orElseThrow();

        assertThat(subject.clientWithOtherKey().search(ANY).totalCount()).hasValue(1);
        assertThatThrownBy(() -> subject.clientWithOtherKey().delete(id)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void refusedClientsAreRefusedAndCounted() {
        assertThatThrownBy(() -> subject.clientWithInvalidKey().search(ANY)).isInstanceOf(InvalidApiKeyException.class);
        assertThatThrownBy(() -> subject.clientRefusedFromIp("198.51.100.23").search(ANY))
                .isInstanceOfSatisfying(IpNotWhitelistedException.class,
                        e -> assertThat(e.ipAddress()).contains("198.51.100.23"));
        assertThat(subject.client().search(ANY).isEmpty()).isTrue();
        assertThat(subject.backendRequestCount()).isEqualTo(3);
    }

    @Test
    void arrangedRateLimitRefusesExactlyTheGivenRequestsWithTheGivenWait() {
        subject.arrangeRateLimit(Duration.ofSeconds(17), 2);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> subject.client().search(ANY)).isInstanceOfSatisfying(RateLimitedException.class,
                    e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(17)));
        }
        assertThat(subject.client().search(ANY).isEmpty()).isTrue();
    }

    @Test
    void arrangedQuotaExhaustionRefusesEveryRequestWithTheResetTime() {
        Instant resetsAt = Instant.parse("2026-03-02T22:00:00Z");
        subject.arrangeQuotaExhausted(resetsAt);

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> subject.client().cities()).isInstanceOfSatisfying(QuotaExhaustedException.class,
                    e -> {
                        assertThat(e.resetsAt()).contains(resetsAt);
                        assertThat(e.context().operation()).contains(Operation.CITIES);
                    });
        }
    }

    @Test
    void arrangedFailuresFailTheGivenRequests() {
        subject.arrangeFailures(ErrorCode.SERVICE_UNAVAILABLE, 1);

        assertThatThrownBy(() -> subject.client().search(ANY)).isInstanceOf(ServiceUnavailableException.class);
        assertThat(subject.client().search(ANY).isEmpty()).isTrue();
        assertThat(subject.backendRequestCount()).isEqualTo(2);
    }

    @Test
    void twoSubjectsWithTheSameCallsGiveTheSameIds() {
        try (FakeConformanceSubject twin = new FakeConformanceSubject()) {
            ReportDraft draft = FakeTestData.byPhone("0888123456");

            assertThat(subject.client().create(draft).id()).isEqualTo(twin.client().create(draft).id());
        }
    }
}
