package io.nekorekten4j.conformance;

import static io.nekorekten4j.conformance.TestData.FILED_AT;
import static io.nekorekten4j.conformance.TestData.PHONE;
import static io.nekorekten4j.conformance.TestData.QUOTA_RESETS_AT;
import static io.nekorekten4j.conformance.TestData.RETRY_AFTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.ReportPatch;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.InvalidApiKeyException;
import io.nekorekten4j.ports.IpNotWhitelistedException;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.NoUsableAnswerException;
import io.nekorekten4j.ports.QuotaExhaustedException;
import io.nekorekten4j.ports.RateLimitedException;
import io.nekorekten4j.ports.ServiceRefusedException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rules of failure: each failure the backend can produce reaches the caller as the exception
 * of its {@link ErrorCode}; a failed search is an exception, <strong>never an empty result</strong>
 * (never a false "clean"); rate limits carry the wait, an exhausted quota its reset time; a bad key
 * and a refused IP address are told apart.
 *
 * <p>Every rule here needs a capability to arrange the failure ({@link Capability#FAULT_INJECTION},
 * {@link Capability#QUOTA_SIMULATION}, {@link Capability#INVALID_KEY},
 * {@link Capability#IP_WHITELIST}) and is skipped without it.
 */
public abstract class FailureContract extends NekorektenContract {

    /**
     * Failures are arranged for this many requests, so that an adapter that retries (a GET after a
     * 5xx, say) meets the same failure on every attempt within one call.
     */
    private static final int PERSISTENT = 20;
    /**
     * One failure, for rules that look at the backend afterwards. Such rules arrange a refusal no
     * adapter retries ({@code INVALID_REQUEST}), so the one failure is met by the call under test.
     */
    private static final int ONCE = 1;

    /** For subclasses. */
    protected FailureContract() {
    }

    // ---- injected faults ---------------------------------------------------------------------

    /**
     * Each failure the backend can produce reaches a search's caller with exactly its code, on the
     * right side of the split (service refused / no usable answer). The local-only codes
     * ({@code CIRCUIT_OPEN}, {@code RATE_LIMIT_WAIT_EXCEEDED}) are not backend failures. Needs
     * {@link Capability#FAULT_INJECTION}. If this fails, check the adapter's error mapping table
     * for that code.
     */
    @ParameterizedTest
    @EnumSource(value = ErrorCode.class, mode = EnumSource.Mode.EXCLUDE,
            names = {"CIRCUIT_OPEN", "RATE_LIMIT_WAIT_EXCEEDED"})
    public final void optional_faults_searchFailsWithTheArrangedError(ErrorCode code) {
        assumeCapability(Capability.FAULT_INJECTION);
        subject().arrangeFailures(code, PERSISTENT);

        NekorektenException e = failure(() -> searchByPhone(PHONE));

        assertThat(e.code()).isEqualTo(code);
        assertThat(e).isInstanceOf(code.serviceAnswered() ? ServiceRefusedException.class : NoUsableAnswerException.class);
    }

    /**
     * A search that failed is an exception, never an empty result, even when no report would have
     * matched. Needs {@link Capability#FAULT_INJECTION}. If this fails, the adapter "fails open":
     * it turns errors into "no reports", and a merchant ships to a bad payer.
     */
    @Test
    public final void optional_faults_failedSearchIsNeverAnEmptyResult() {
        assumeCapability(Capability.FAULT_INJECTION);
        subject().arrangeFailures(ErrorCode.SERVICE_UNAVAILABLE, PERSISTENT);

        Throwable thrown = catchThrowable(() -> searchByPhone(PHONE));

        assertThat(thrown).as("what a failed search gave (it must throw, not answer empty)")
                .isInstanceOf(NekorektenException.class);
    }

    /**
     * A search that failed throws even though reports exist, rather than answering some of them.
     * Needs {@link Capability#FAULT_INJECTION}. If this fails, the adapter falls back to a stale or
     * partial answer.
     */
    @Test
    public final void optional_faults_failedSearchThrowsWhenReportsExist() {
        assumeCapability(Capability.FAULT_INJECTION);
        subject().arrangeReport(TestData.draft(PHONE), FILED_AT);
        subject().arrangeFailures(ErrorCode.TRANSPORT_FAILURE, PERSISTENT);

        NekorektenException e = failure(() -> searchByPhone(PHONE));

        assertThat(e.code()).isEqualTo(ErrorCode.TRANSPORT_FAILURE);
    }

    /**
     * Once the arranged failures are over, the same client works again. Needs
     * {@link Capability#FAULT_INJECTION}. If this fails, the adapter keeps a failed state (a
     * circuit that opens on one client error, say).
     */
    @Test
    public final void optional_faults_clientRecoversWhenFailuresEnd() {
        assumeCapability(Capability.FAULT_INJECTION);
        subject().arrangeReport(TestData.draft(PHONE), FILED_AT);
        subject().arrangeFailures(ErrorCode.INVALID_REQUEST, ONCE);

        failure(() -> searchByPhone(PHONE));
        SearchResult result = searchByPhone(PHONE);

        assertThat(result.hits()).hasSize(1);
    }

    /**
     * A refused create throws and files nothing. Needs {@link Capability#FAULT_INJECTION}. If this
     * fails, the adapter reports success without an answer, or files on a refused request.
     */
    @Test
    public final void optional_faults_refusedCreateThrowsAndFilesNothing() {
        assumeCapability(Capability.FAULT_INJECTION);
        subject().arrangeFailures(ErrorCode.INVALID_REQUEST, ONCE);

        NekorektenException e = failure(() -> client().create(TestData.draft(PHONE, "refused create")));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(searchByPhone(PHONE).hits()).isEmpty();
    }

    /**
     * A failed create is not repeated: exactly one request reaches the backend, because a repeat
     * that got through would file the report twice. Needs {@link Capability#FAULT_INJECTION}. If
     * this fails, the adapter retries POST.
     */
    @Test
    public final void optional_faults_failedCreateIsNotRetried() {
        assumeCapability(Capability.FAULT_INJECTION);
        subject().arrangeFailures(ErrorCode.SERVICE_UNAVAILABLE, PERSISTENT);
        long before = subject().backendRequestCount();

        failure(() -> client().create(TestData.draft(PHONE, "not retried")));

        assertThat(subject().backendRequestCount() - before).isEqualTo(1);
    }

    /**
     * A refused update throws and changes nothing. Needs {@link Capability#FAULT_INJECTION}. If this
     * fails, check the error mapping of PATCH.
     */
    @Test
    public final void optional_faults_refusedUpdateThrowsAndChangesNothing() {
        assumeCapability(Capability.FAULT_INJECTION);
        ReportId id = createAndFind(TestData.draft(PHONE, "unchanged"));
        subject().arrangeFailures(ErrorCode.INVALID_REQUEST, ONCE);

        NekorektenException e = failure(() -> client().update(id, ReportPatch.builder().text("changed").build()));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(hitsWithText(PHONE, "unchanged")).hasSize(1);
    }

    /**
     * A refused delete throws and keeps the report. Needs {@link Capability#FAULT_INJECTION}. If
     * this fails, the adapter treats a failed DELETE as done.
     */
    @Test
    public final void optional_faults_refusedDeleteThrowsAndKeepsTheReport() {
        assumeCapability(Capability.FAULT_INJECTION);
        ReportId id = createAndFind(TestData.draft(PHONE, "kept"));
        subject().arrangeFailures(ErrorCode.INVALID_REQUEST, ONCE);

        NekorektenException e = failure(() -> client().delete(id));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(hitsWithText(PHONE, "kept")).hasSize(1);
    }

    /**
     * A failed upload throws, never answers an empty id list. Needs {@link Capability#FAULT_INJECTION}.
     * If this fails, check the error mapping of the files endpoint.
     */
    @Test
    public final void optional_faults_failedUploadThrows() {
        assumeCapability(Capability.FAULT_INJECTION);
        subject().arrangeFailures(ErrorCode.UNEXPECTED_RESPONSE, PERSISTENT);

        NekorektenException e = failure(() -> client().upload(TestData.photos(1)));

        assertThat(e.code()).isEqualTo(ErrorCode.UNEXPECTED_RESPONSE);
    }

    /**
     * Failing to list the cities throws, never answers an empty list. Needs
     * {@link Capability#FAULT_INJECTION}. (An adapter that cached the list before may still answer
     * it; this subject is fresh, so nothing is cached.) If this fails, check the error mapping of
     * the cities endpoint.
     */
    @Test
    public final void optional_faults_failedCitiesThrows() {
        assumeCapability(Capability.FAULT_INJECTION);
        subject().arrangeFailures(ErrorCode.SERVICE_UNAVAILABLE, PERSISTENT);

        NekorektenException e = failure(() -> client().cities());

        assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    }

    // ---- rate limit and quota ----------------------------------------------------------------

    /**
     * A rate-limited search throws {@code RateLimitedException} carrying the wait the service asked
     * for. Needs {@link Capability#QUOTA_SIMULATION}. If this fails, check how the adapter maps 429
     * and reads {@code Retry-After}.
     */
    @Test
    public final void optional_rateLimit_searchIsRefusedWithTheWait() {
        assumeCapability(Capability.QUOTA_SIMULATION);
        subject().arrangeRateLimit(RETRY_AFTER, PERSISTENT);

        Throwable thrown = catchThrowable(() -> searchByPhone(PHONE));

        assertThat(thrown).isInstanceOf(RateLimitedException.class);
        assertThat(((RateLimitedException) thrown).retryAfter()).contains(RETRY_AFTER);
    }

    /**
     * A rate-limited create throws {@code RateLimitedException} and files nothing. Needs
     * {@link Capability#QUOTA_SIMULATION}. If this fails, check the mapping of 429 on POST.
     */
    @Test
    public final void optional_rateLimit_createIsRefusedAndFilesNothing() {
        assumeCapability(Capability.QUOTA_SIMULATION);
        subject().arrangeRateLimit(RETRY_AFTER, ONCE);

        Throwable thrown = catchThrowable(() -> client().create(TestData.draft(PHONE, "too fast")));

        assertThat(thrown).isInstanceOf(RateLimitedException.class);
        assertThat(hitsWithText(PHONE, "too fast")).isEmpty();
    }

    /**
     * After the arranged refusals the service answers again. Needs {@link Capability#QUOTA_SIMULATION}.
     * If this fails, the adapter blocks itself for longer than the service asked, or for good.
     */
    @Test
    public final void optional_rateLimit_searchesSucceedAgainAfterTheRefusals() {
        assumeCapability(Capability.QUOTA_SIMULATION);
        subject().arrangeReport(TestData.draft(PHONE), FILED_AT);
        subject().arrangeRateLimit(RETRY_AFTER, ONCE);

        assertThat(catchThrowable(() -> searchByPhone(PHONE))).isInstanceOf(RateLimitedException.class);
        assertThat(searchByPhone(PHONE).hits()).hasSize(1);
    }

    /**
     * With the daily quota spent, a search throws {@code QuotaExhaustedException} naming when the
     * quota resets. Needs {@link Capability#QUOTA_SIMULATION}. If this fails, check how the adapter
     * tells a spent quota from a plain 429.
     */
    @Test
    public final void optional_quota_exhaustedQuotaRefusesSearchesUntilTheReset() {
        assumeCapability(Capability.QUOTA_SIMULATION);
        subject().arrangeQuotaExhausted(QUOTA_RESETS_AT);

        Throwable thrown = catchThrowable(() -> searchByPhone(PHONE));

        assertThat(thrown).isInstanceOf(QuotaExhaustedException.class);
        assertThat(((QuotaExhaustedException) thrown).resetsAt()).contains(QUOTA_RESETS_AT);
    }

    /**
     * With the daily quota spent, writes are refused too. Needs {@link Capability#QUOTA_SIMULATION}.
     * If this fails, check that the adapter maps a spent quota the same way on every endpoint.
     */
    @Test
    public final void optional_quota_exhaustedQuotaRefusesWrites() {
        assumeCapability(Capability.QUOTA_SIMULATION);
        subject().arrangeQuotaExhausted(QUOTA_RESETS_AT);

        Throwable thrown = catchThrowable(() -> client().create(TestData.draft(PHONE, "over quota")));

        assertThat(thrown).isInstanceOf(QuotaExhaustedException.class);
    }

    // ---- keys and addresses ------------------------------------------------------------------

    /**
     * A key the service does not accept gets {@code InvalidApiKeyException}, not an empty answer.
     * Needs {@link Capability#INVALID_KEY}. If this fails, check the mapping of 401.
     */
    @Test
    public final void optional_invalidKey_searchIsRefused() {
        assumeCapability(Capability.INVALID_KEY);
        subject().arrangeReport(TestData.draft(PHONE), FILED_AT);

        Throwable thrown = catchThrowable(() -> subject().clientWithInvalidKey()
                .search(SearchCriteria.builder().phone(PHONE).build()));

        assertThat(thrown).isInstanceOf(InvalidApiKeyException.class);
    }

    /**
     * A key the service does not accept cannot file a report. Needs {@link Capability#INVALID_KEY}.
     * If this fails, the backend files reports for unknown keys.
     */
    @Test
    public final void optional_invalidKey_createIsRefusedAndFilesNothing() {
        assumeCapability(Capability.INVALID_KEY);

        Throwable thrown = catchThrowable(() -> subject().clientWithInvalidKey()
                .create(TestData.draft(PHONE, "bad key")));

        assertThat(thrown).isInstanceOf(InvalidApiKeyException.class);
        assertThat(hitsWithText(PHONE, "bad key")).isEmpty();
    }

    /**
     * A key used from an address not on its whitelist gets {@code IpNotWhitelistedException} naming
     * that IPv4 address, for the merchant to copy into the dashboard. Needs
     * {@link Capability#IP_WHITELIST}. If this fails, check that the adapter extracts the address
     * from the service's message.
     */
    @Test
    public final void optional_ipWhitelist_refusalNamesTheIpv4Address() {
        assumeCapability(Capability.IP_WHITELIST);

        Throwable thrown = catchThrowable(() -> subject().clientRefusedFromIp("192.0.2.44")
                .search(SearchCriteria.builder().phone(PHONE).build()));

        assertThat(thrown).isInstanceOf(IpNotWhitelistedException.class);
        assertThat(((IpNotWhitelistedException) thrown).ipAddress()).contains("192.0.2.44");
    }

    /**
     * As for IPv4, with an IPv6 address. Needs {@link Capability#IP_WHITELIST}. If this fails, check
     * that the address extraction knows IPv6 ({@code IpNotWhitelistedException.extractIpAddress}).
     */
    @Test
    public final void optional_ipWhitelist_refusalNamesTheIpv6Address() {
        assumeCapability(Capability.IP_WHITELIST);

        Throwable thrown = catchThrowable(() -> subject().clientRefusedFromIp("2001:db8::7")
                .search(SearchCriteria.builder().phone(PHONE).build()));

        assertThat(thrown).isInstanceOf(IpNotWhitelistedException.class);
        assertThat(((IpNotWhitelistedException) thrown).ipAddress()).contains("2001:db8::7");
    }

    /**
     * A refused address cannot upload either. Needs {@link Capability#IP_WHITELIST}. If this fails,
     * the files endpoint's errors are mapped apart from the reports'.
     */
    @Test
    public final void optional_ipWhitelist_uploadIsRefused() {
        assumeCapability(Capability.IP_WHITELIST);

        Throwable thrown = catchThrowable(() -> subject().clientRefusedFromIp("198.51.100.23")
                .upload(TestData.photos(1)));

        assertThat(thrown).isInstanceOf(IpNotWhitelistedException.class);
        assertThat(((IpNotWhitelistedException) thrown).ipAddress()).contains("198.51.100.23");
    }

    private static NekorektenException failure(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("what the call threw (a failure must be an exception, never an answer)")
                .isInstanceOf(NekorektenException.class);
        return (NekorektenException) thrown;
    }
}
