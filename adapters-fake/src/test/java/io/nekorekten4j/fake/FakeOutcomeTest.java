package io.nekorekten4j.fake;

import static io.nekorekten4j.fake.FakeTestData.T0;
import static io.nekorekten4j.fake.FakeTestData.fake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.QuotaPlan;
import io.nekorekten4j.ports.RequestOutcome;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fake's failures carry the outcome and attempt count the HTTP adapter reports in the same
 * situation, so code that decides on {@link NekorektenException#outcome()} is tested offline.
 */
class FakeOutcomeTest {

    private static final SearchCriteria ANY = SearchCriteria.builder().phone("0888123456").build();
    private static final ReportDraft DRAFT = ReportDraft.builder().text("Отказа пратка.").phone("0888 123 456").build();

    /** What the HTTP adapter reports for each code after one attempt (none for local refusals). */
    private static final Map<ErrorCode, RequestOutcome> HTTP_OUTCOME = new EnumMap<>(Map.ofEntries(
            Map.entry(ErrorCode.TRANSPORT_FAILURE, RequestOutcome.MAY_HAVE_BEEN_APPLIED),
            Map.entry(ErrorCode.TIMEOUT, RequestOutcome.MAY_HAVE_BEEN_APPLIED),
            Map.entry(ErrorCode.UNEXPECTED_RESPONSE, RequestOutcome.MAY_HAVE_BEEN_APPLIED),
            Map.entry(ErrorCode.CIRCUIT_OPEN, RequestOutcome.NOT_SENT),
            Map.entry(ErrorCode.RATE_LIMIT_WAIT_EXCEEDED, RequestOutcome.NOT_SENT),
            Map.entry(ErrorCode.QUOTA_STORE_UNAVAILABLE, RequestOutcome.NOT_SENT),
            Map.entry(ErrorCode.INVALID_REQUEST, RequestOutcome.REFUSED),
            Map.entry(ErrorCode.INVALID_API_KEY, RequestOutcome.REFUSED),
            Map.entry(ErrorCode.IP_NOT_WHITELISTED, RequestOutcome.REFUSED),
            Map.entry(ErrorCode.FORBIDDEN, RequestOutcome.REFUSED),
            Map.entry(ErrorCode.NOT_FOUND, RequestOutcome.REFUSED),
            Map.entry(ErrorCode.RATE_LIMITED, RequestOutcome.REFUSED),
            Map.entry(ErrorCode.QUOTA_EXHAUSTED, RequestOutcome.REFUSED),
            Map.entry(ErrorCode.SERVICE_UNAVAILABLE, RequestOutcome.MAY_HAVE_BEEN_APPLIED)));

    private final NekorektenFake fake = fake(MutableClock.at(T0));

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void anInjectedFaultOfAWriteCarriesTheOutcomeAndAttemptsOfTheHttpAdapter(ErrorCode code) {
        fake.failNext(1, code);

        NekorektenException e = catchThrowableOfType(() -> fake.create(DRAFT), NekorektenException.class);

        assertThat(e.outcome()).isEqualTo(HTTP_OUTCOME.get(code));
        assertThat(e.attempts()).hasValue(HTTP_OUTCOME.get(code) == RequestOutcome.NOT_SENT ? 0 : 1);
        assertThat(e.getMessage()).doesNotContain(HTTP_OUTCOME.get(code) == RequestOutcome.NOT_SENT
                ? "may have reached" : "nothing was sent");
    }

    @Test
    void aWriteTheBackendRefusedWasRefusedAfterOneAttempt() {
        NekorektenException notFound = catchThrowableOfType(() -> fake.delete(ReportId.of("0obgyGbp1Ms")),
                NekorektenException.class);

        assertThat(notFound.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(notFound.outcome()).isEqualTo(RequestOutcome.REFUSED);
        assertThat(notFound.attempts()).hasValue(1);
    }

    @Test
    void theSimulatedQuotaRefusesWithAnAttemptThatReachedTheService() {
        NekorektenFake limited = NekorektenFake.builder().seed(1).clock(MutableClock.at(T0))
                .quota(QuotaPlan.perMinute(1)).build();
        limited.search(ANY);

        NekorektenException e = catchThrowableOfType(() -> limited.search(ANY), NekorektenException.class);

        assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(e.outcome()).isEqualTo(RequestOutcome.REFUSED);
        assertThat(e.attempts()).hasValue(1);
    }
}
