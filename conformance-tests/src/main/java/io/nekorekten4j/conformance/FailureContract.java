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
import io.nekorekten4j.domain.SearchMode;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.InvalidApiKeyException;
import io.nekorekten4j.ports.IpNotWhitelistedException;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.NoUsableAnswerException;
import io.nekorekten4j.ports.QuotaExhaustedException;
import io.nekorekten4j.ports.RateLimitedException;
import io.nekorekten4j.ports.RequestOutcome;
import io.nekorekten4j.ports.ServiceRefusedException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules of failure: each failure the backend can produce reaches the caller as the exception
 * of its {@link ErrorCode}; a failed search is an exception, <strong>never an empty result</strong>
 * (never a false "clean"); rate limits carry the wait, an exhausted quota its reset time; a bad key
 * and a refused IP address are told apart.
 *
 * <p>Every rule here needs a capability to arrange the failure ({@link Capability#FAULT_INJECTION},
 * {@link Capability#QUOTA_SIMULATION}, {@link Capability#INVALID_KEY},
 * {@link Capability#IP_WHITELIST}). The {@code optional_…} rules are skipped without it (and listed
 * as untested); the {@code required_…} ones — a failed call is never a false "clean", whatever
 * the search's shape, and a create or upload is never sent twice, also after its answer was lost —
 * <em>fail</em> without {@link Capability#FAULT_INJECTION}: see {@link NekorektenContract}.
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

    // ---- never a false "clean" (required) ------------------------------------------------------

    /**
     * Each failure the backend can produce reaches a search's caller with exactly its code, on the
     * right side of the split (service refused / no usable answer) — for the search screening
     * sends: phone, e-mail, name and site in {@code ONE_OF} mode. The local-only codes
     * ({@code CIRCUIT_OPEN}, {@code RATE_LIMIT_WAIT_EXCEEDED},
     * {@code QUOTA_STORE_UNAVAILABLE}) are not backend failures. Required:
     * needs {@link Capability#FAULT_INJECTION} and fails without it. If this fails, check the
     * adapter's error mapping table for that code.
     */
    @ParameterizedTest
    @EnumSource(value = ErrorCode.class, mode = EnumSource.Mode.EXCLUDE,
            names = {"CIRCUIT_OPEN", "RATE_LIMIT_WAIT_EXCEEDED", "QUOTA_STORE_UNAVAILABLE"})
    @KitRule(id = "K-FAIL-01", proves = Behaviour.ERRORS)
    public final void required_faults_searchFailsWithTheArrangedError(ErrorCode code) {
        requireCapability(Capability.FAULT_INJECTION, "a failed search must reach its caller as its failure");
        subject().arrangeFailures(code, PERSISTENT);

        NekorektenException e = failure(() -> client().search(everyFilter(SearchMode.ONE_OF)));

        assertThat(e.code()).isEqualTo(code);
        assertThat(e).isInstanceOf(code.serviceAnswered() ? ServiceRefusedException.class : NoUsableAnswerException.class);
    }

    /**
     * A search that failed is an exception, never an empty result, whatever its shape: one filter
     * of each kind, several filters in {@code ALL} and in {@code ONE_OF} mode (as screening asks),
     * and a later page. Required: needs {@link Capability#FAULT_INJECTION} and fails without it.
     * If this fails, the adapter "fails open" for that shape: it turns errors into "no reports",
     * and a merchant ships to a bad payer.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("searchShapes")
    @KitRule(id = "K-FAIL-02", proves = Behaviour.NEVER_A_FALSE_CLEAN)
    public final void required_faults_failedSearchIsNeverAnEmptyResult(String shape, SearchCriteria criteria) {
        requireCapability(Capability.FAULT_INJECTION, "a failed search must never look like \"no reports\"");
        subject().arrangeFailures(ErrorCode.SERVICE_UNAVAILABLE, PERSISTENT);

        Throwable thrown = catchThrowable(() -> client().search(criteria));

        assertThat(thrown).as("what a failed search (%s) gave: it must throw, not answer empty", shape)
                .isInstanceOf(NekorektenException.class);
    }

    /**
     * A search that failed throws even though reports exist, rather than answering some of them —
     * with one filter and with several. Required: needs {@link Capability#FAULT_INJECTION}. If this
     * fails, the adapter falls back to a stale or partial answer.
     */
    @ParameterizedTest
    @EnumSource(SearchMode.class)
    @KitRule(id = "K-FAIL-03", proves = Behaviour.NEVER_A_FALSE_CLEAN)
    public final void required_faults_failedSearchThrowsWhenReportsExist(SearchMode mode) {
        requireCapability(Capability.FAULT_INJECTION, "a failed search must never answer part of the reports");
        subject().arrangeReport(TestData.fullDraft(TestData.TEXT), FILED_AT);
        subject().arrangeFailures(ErrorCode.TRANSPORT_FAILURE, PERSISTENT);

        NekorektenException single = failure(() -> searchByPhone(PHONE));
        NekorektenException several = failure(() -> client().search(everyFilter(mode)));

        assertThat(single.code()).isEqualTo(ErrorCode.TRANSPORT_FAILURE);
        assertThat(several.code()).isEqualTo(ErrorCode.TRANSPORT_FAILURE);
    }

    /**
     * A failed upload throws, never answers an empty id list. Required: needs
     * {@link Capability#FAULT_INJECTION}. If this fails, check the error mapping of the files
     * endpoint.
     */
    @Test
    @KitRule(id = "K-FAIL-04", proves = Behaviour.NEVER_A_FALSE_CLEAN)
    public final void required_faults_failedUploadThrows() {
        requireCapability(Capability.FAULT_INJECTION, "a failed upload must throw, never answer no file ids");
        subject().arrangeFailures(ErrorCode.UNEXPECTED_RESPONSE, PERSISTENT);

        NekorektenException e = failure(() -> client().upload(TestData.photos(1)));

        assertThat(e.code()).isEqualTo(ErrorCode.UNEXPECTED_RESPONSE);
    }

    /**
     * Failing to list the cities throws, never answers an empty list. Required: needs
     * {@link Capability#FAULT_INJECTION}. (An adapter that cached the list before may still answer
     * it; this subject is fresh, so nothing is cached.) If this fails, check the error mapping of
     * the cities endpoint.
     */
    @Test
    @KitRule(id = "K-FAIL-05", proves = Behaviour.NEVER_A_FALSE_CLEAN)
    public final void required_faults_failedCitiesThrows() {
        requireCapability(Capability.FAULT_INJECTION, "failing to list the cities must throw, never answer none");
        subject().arrangeFailures(ErrorCode.SERVICE_UNAVAILABLE, PERSISTENT);

        NekorektenException e = failure(() -> client().cities());

        assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    }

    // ---- never twice (required) -------------------------------------------------------------

    /**
     * A failed create is not repeated: exactly one request reaches the backend, because a repeat
     * that got through would file the report twice. Required: needs
     * {@link Capability#FAULT_INJECTION}. If this fails, the adapter retries POST.
     */
    @Test
    @KitRule(id = "K-FAIL-06", proves = Behaviour.WRITES_NEVER_DUPLICATED)
    public final void required_neverTwice_failedCreateIsNotRetried() {
        requireCapability(Capability.FAULT_INJECTION, "a create must never be sent twice");
        subject().arrangeFailures(ErrorCode.SERVICE_UNAVAILABLE, PERSISTENT);
        long before = subject().backendRequestCount();

        failure(() -> client().create(TestData.draft(PHONE, "not retried")));

        assertThat(subject().backendRequestCount() - before).isEqualTo(1);
    }

    /**
     * A create the service stored but whose answer was lost — the connection reset after the
     * request, no answer in time, an answer cut off — throws a "no usable answer" failure and is
     * <em>not sent again</em>: one request reached the backend and the report is filed once. This
     * is the classic "report filed twice" bug. Its {@code outcome()} must be
     * {@link RequestOutcome#MAY_HAVE_BEEN_APPLIED} — never {@code NOT_SENT}, which tells the caller
     * that repeating it is safe. Required: needs {@link Capability#FAULT_INJECTION}
     * ({@link ConformanceSubject#arrangeLostAnswers}). If this fails, the adapter (or its HTTP
     * client) re-sends a POST whose connection had opened.
     */
    @ParameterizedTest
    @EnumSource(value = ErrorCode.class, names = {"TRANSPORT_FAILURE", "TIMEOUT", "UNEXPECTED_RESPONSE"})
    @KitRule(id = "K-FAIL-07", proves = Behaviour.WRITES_NEVER_DUPLICATED)
    public final void required_neverTwice_createIsNotSentAgainAfterALostAnswer(ErrorCode how) {
        requireCapability(Capability.FAULT_INJECTION, "a create whose answer was lost must never be sent again");
        String text = "lost answer " + how;
        subject().arrangeLostAnswers(how, ONCE);
        long before = subject().backendRequestCount();

        NekorektenException e = failure(() -> client().create(TestData.draft(PHONE, text)));
        long requests = subject().backendRequestCount() - before;

        assertThat(e).as("a lost answer is no usable answer: the outcome is unknown, not refused")
                .isInstanceOf(NoUsableAnswerException.class);
        assertThat(e.outcome()).as("the outcome of a create the service stored (never \"not sent\", which"
                + " invites a repeat)").isEqualTo(RequestOutcome.MAY_HAVE_BEEN_APPLIED);
        assertThat(requests).as("requests the create sent").isEqualTo(1);
        assertThat(hitsWithText(PHONE, text)).as("reports filed by the create whose answer was lost").hasSize(1);
    }

    /**
     * An upload the service stored but whose answer was lost throws a "no usable answer" failure
     * and is not sent again: one request reached the backend. Required: needs
     * {@link Capability#FAULT_INJECTION}. If this fails, the adapter re-sends the multipart POST,
     * and the service keeps the files twice.
     */
    @ParameterizedTest
    @EnumSource(value = ErrorCode.class, names = {"TRANSPORT_FAILURE", "TIMEOUT", "UNEXPECTED_RESPONSE"})
    @KitRule(id = "K-FAIL-08", proves = Behaviour.WRITES_NEVER_DUPLICATED)
    public final void required_neverTwice_uploadIsNotSentAgainAfterALostAnswer(ErrorCode how) {
        requireCapability(Capability.FAULT_INJECTION, "an upload whose answer was lost must never be sent again");
        subject().arrangeLostAnswers(how, ONCE);
        long before = subject().backendRequestCount();

        NekorektenException e = failure(() -> client().upload(TestData.photos(2)));

        assertThat(e).isInstanceOf(NoUsableAnswerException.class);
        assertThat(e.outcome()).as("the outcome of an upload the service stored").isEqualTo(RequestOutcome.MAY_HAVE_BEEN_APPLIED);
        assertThat(subject().backendRequestCount() - before).as("requests the upload sent").isEqualTo(1);
    }

    // ---- injected faults (optional) ----------------------------------------------------------

    /**
     * Once the arranged failures are over, the same client works again. Needs
     * {@link Capability#FAULT_INJECTION}. If this fails, the adapter keeps a failed state (a
     * circuit that opens on one client error, say).
     */
    @Test
    @KitRule(id = "K-FAIL-09", proves = Behaviour.ERRORS)
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
    @KitRule(id = "K-FAIL-10", proves = {Behaviour.ERRORS, Behaviour.WRITES_NEVER_DUPLICATED})
    public final void optional_faults_refusedCreateThrowsAndFilesNothing() {
        assumeCapability(Capability.FAULT_INJECTION);
        subject().arrangeFailures(ErrorCode.INVALID_REQUEST, ONCE);

        NekorektenException e = failure(() -> client().create(TestData.draft(PHONE, "refused create")));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(searchByPhone(PHONE).hits()).isEmpty();
    }


    /**
     * A refused update throws and changes nothing. Needs {@link Capability#FAULT_INJECTION}. If this
     * fails, check the error mapping of PATCH.
     */
    @Test
    @KitRule(id = "K-FAIL-11", proves = Behaviour.ERRORS)
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
    @KitRule(id = "K-FAIL-12", proves = Behaviour.ERRORS)
    public final void optional_faults_refusedDeleteThrowsAndKeepsTheReport() {
        assumeCapability(Capability.FAULT_INJECTION);
        ReportId id = createAndFind(TestData.draft(PHONE, "kept"));
        subject().arrangeFailures(ErrorCode.INVALID_REQUEST, ONCE);

        NekorektenException e = failure(() -> client().delete(id));

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(hitsWithText(PHONE, "kept")).hasSize(1);
    }



    // ---- rate limit and quota ----------------------------------------------------------------

    /**
     * A rate-limited search throws {@code RateLimitedException} carrying the wait the service asked
     * for. Needs {@link Capability#QUOTA_SIMULATION}. If this fails, check how the adapter maps 429
     * and reads {@code Retry-After}.
     */
    @Test
    @KitRule(id = "K-FAIL-13", proves = {Behaviour.QUOTA, Behaviour.ERRORS})
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
    @KitRule(id = "K-FAIL-14", proves = {Behaviour.QUOTA, Behaviour.ERRORS})
    public final void optional_rateLimit_createIsRefusedAndFilesNothing() {
        assumeCapability(Capability.QUOTA_SIMULATION);
        subject().arrangeRateLimit(RETRY_AFTER, ONCE);

        Throwable thrown = catchThrowable(() -> client().create(TestData.draft(PHONE, "too fast")));

        assertThat(thrown).isInstanceOf(RateLimitedException.class);
        assertThat(hitsWithText(PHONE, "too fast")).isEmpty();
    }

    /**
     * After the arranged refusals the service answers again. The refused call either throws
     * {@code RateLimitedException} or — an adapter that waits out the {@code Retry-After} and
     * retries within the call — returns the true answer; never an empty one. Needs
     * {@link Capability#QUOTA_SIMULATION}. If this fails, the adapter blocks itself for longer than
     * the service asked, or for good, or answers a refused search with an empty result.
     */
    @Test
    @KitRule(id = "K-FAIL-15", proves = {Behaviour.QUOTA, Behaviour.ERRORS})
    public final void optional_rateLimit_searchesSucceedAgainAfterTheRefusals() {
        assumeCapability(Capability.QUOTA_SIMULATION);
        subject().arrangeReport(TestData.draft(PHONE), FILED_AT);
        subject().arrangeRateLimit(RETRY_AFTER, ONCE);

        AtomicReference<SearchResult> refused = new AtomicReference<>();
        Throwable thrown = catchThrowable(() -> refused.set(searchByPhone(PHONE)));

        if (thrown == null) {
            assertThat(refused.get().hits()).as("hits of a rate-limited search the adapter retried").hasSize(1);
        } else {
            assertThat(thrown).isInstanceOf(RateLimitedException.class);
        }
        assertThat(searchByPhone(PHONE).hits()).hasSize(1);
    }

    /**
     * With the daily quota spent, a search throws {@code QuotaExhaustedException} naming when the
     * quota resets. Needs {@link Capability#QUOTA_SIMULATION}. If this fails, check how the adapter
     * tells a spent quota from a plain 429.
     */
    @Test
    @KitRule(id = "K-FAIL-16", proves = {Behaviour.QUOTA, Behaviour.ERRORS})
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
    @KitRule(id = "K-FAIL-17", proves = {Behaviour.QUOTA, Behaviour.ERRORS})
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
    @KitRule(id = "K-FAIL-18", proves = Behaviour.ERRORS)
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
    @KitRule(id = "K-FAIL-19", proves = Behaviour.ERRORS)
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
    @KitRule(id = "K-FAIL-20", proves = Behaviour.ERRORS)
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
    @KitRule(id = "K-FAIL-21", proves = Behaviour.ERRORS)
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
    @KitRule(id = "K-FAIL-22", proves = Behaviour.ERRORS)
    public final void optional_ipWhitelist_uploadIsRefused() {
        assumeCapability(Capability.IP_WHITELIST);

        Throwable thrown = catchThrowable(() -> subject().clientRefusedFromIp("198.51.100.23")
                .upload(TestData.photos(1)));

        assertThat(thrown).isInstanceOf(IpNotWhitelistedException.class);
        assertThat(((IpNotWhitelistedException) thrown).ipAddress()).contains("198.51.100.23");
    }

    /**
     * The shapes of searches users send, each with a name: one filter of each kind, several
     * filters in both modes (the screening shape is every filter in {@code ONE_OF}), a later page.
     */
    static Stream<Arguments> searchShapes() {
        return Stream.of(
                Arguments.of("phone", SearchCriteria.builder().phone(PHONE).build()),
                Arguments.of("e-mail", SearchCriteria.builder().email(TestData.EMAIL).build()),
                Arguments.of("name", SearchCriteria.builder().name(TestData.FIRST_NAME).build()),
                Arguments.of("site", SearchCriteria.builder().site(TestData.SITE).build()),
                Arguments.of("phone + e-mail, ALL", SearchCriteria.builder().phone(PHONE).email(TestData.EMAIL)
                        .mode(SearchMode.ALL).build()),
                Arguments.of("phone + e-mail, ONE_OF", SearchCriteria.builder().phone(PHONE).email(TestData.EMAIL)
                        .mode(SearchMode.ONE_OF).build()),
                Arguments.of("phone + e-mail + name + site, ALL", everyFilter(SearchMode.ALL)),
                Arguments.of("phone + e-mail + name + site, ONE_OF (screening)", everyFilter(SearchMode.ONE_OF)),
                Arguments.of("phone, page 2", SearchCriteria.builder().phone(PHONE).page(2).build()));
    }

    /** A search by phone, e-mail, name and site of the same person, in {@code mode}. */
    static SearchCriteria everyFilter(SearchMode mode) {
        return SearchCriteria.builder().phone(PHONE).email(TestData.EMAIL).name(TestData.FIRST_NAME)
                .site(TestData.SITE).mode(mode).build();
    }

    private static NekorektenException failure(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("what the call threw (a failure must be an exception, never an answer)")
                .isInstanceOf(NekorektenException.class);
        return (NekorektenException) thrown;
    }
}
