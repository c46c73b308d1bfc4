package io.nekorekten4j.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * The conformance kit tests itself: run through the JUnit Platform {@link EngineTestKit}, it passes
 * on {@link NekorektenFake} and fails on each of the {@link BrokenAdapters} — on the very rule
 * each one breaks. A kit that passed a broken adapter would be worthless.
 */
class KitSelfTest {

    @Test
    void theKitPassesOnTheFake() {
        Events tests = run(FakeReportsSearchContractTest.class, FakeReportsWriteContractTest.class,
                FakeFilesContractTest.class, FakeCitiesContractTest.class, FakeValidationContractTest.class,
                FakeFailureContractTest.class, FakeScreeningContractTest.class, FakeSafetyContractTest.class,
                FakeCallOptionsContractTest.class);

        assertThat(failedRules(tests)).isEmpty();
        assertThat(tests.succeeded().count()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void theKitFailsOnAnAdapterThatAlwaysSearchesInAllMode() {
        assertThat(failedRules(run(BrokenAdapters.AlwaysAllSearchContract.class)))
                .contains("required_search_oneOfUnitesFilters", "required_search_oneOfFindsAReportMatchingOnlyOneFilter");
    }

    @Test
    void theKitFailsOnAnAdapterThatAlwaysSearchesInOneOfMode() {
        assertThat(failedRules(run(BrokenAdapters.AlwaysOneOfSearchContract.class)))
                .contains("required_search_allModeIntersectsFilters", "required_search_defaultModeIsAll");
    }

    @Test
    void theKitFailsOnAnAdapterThatAnswersEmptyWhenASearchFails() {
        assertThat(failedRules(run(BrokenAdapters.SwallowsFailuresFailureContract.class)))
                .contains("required_faults_failedSearchIsNeverAnEmptyResult",
                        "required_faults_searchFailsWithTheArrangedError", "required_faults_failedCitiesThrows",
                        "required_faults_failedUploadThrows", "optional_rateLimit_searchesSucceedAgainAfterTheRefusals");
    }

    @Test
    void theKitFailsOnAnAdapterThatScreensAFailedSearchAsNotFound() {
        assertThat(failedRules(run(BrokenAdapters.SwallowsFailuresScreeningContract.class)))
                .contains("required_faults_failedScreeningIsNotCheckedNeverNotFound",
                        "required_faults_failedBuyerIsNotCheckedAndTheOthersAreScreened",
                        "optional_quota_exhaustedQuotaLeavesEveryBuyerNotChecked",
                        "optional_rateLimit_rateLimitedBuyerIsNotCheckedAndTheRunGoesOn");
    }

    @Test
    void theKitFailsOnAnAdapterThatScreensABuyersFieldsInAllMode() {
        assertThat(failedRules(run(BrokenAdapters.AlwaysAllScreeningContract.class)))
                .contains("required_screening_reportedBuyerIsFoundWithCertainPhoneAttribution",
                        "required_screening_eachReportIsAttributedToTheFieldsItMatched");
    }

    @Test
    void theKitFailsOnAnAdapterThatSendsAnEmptyUploadToTheBackend() {
        assertThat(failedRules(run(BrokenAdapters.SkipsValidationValidationContract.class)))
                .contains("required_validation_emptyUploadListIsRefused", "required_validation_nullUploadListIsRefused",
                        "required_validation_tooLongUploadListIsRefused");
    }

    @Test
    void theKitFailsOnAnAdapterThatIgnoresWhoFiledAReport() {
        assertThat(failedRules(run(BrokenAdapters.IgnoresOwnershipWriteContract.class)))
                .contains("required_ownership_updateOfAnotherKeysReportIsForbidden",
                        "required_ownership_otherKeyCannotDeleteMyReport");
    }

    @Test
    void theKitFailsOnAnAdapterThatClaimsMatchesItCannotKnow() {
        assertThat(failedRules(run(BrokenAdapters.InflatesAttributionSearchContract.class)))
                .contains("required_attribution_unmatchedFilterIsAbsentFromMatchedBy");
    }

    @Test
    void theKitFailsOnAnAdapterThatPresentsAPageAsTheWholeAnswer() {
        assertThat(failedRules(run(BrokenAdapters.PageAsWholeSearchContract.class)))
                .contains("required_pagination_firstPageHoldsTwentyOfTwentyFive");
    }

    @Test
    void theKitFailsOnAnAdapterThatFailsOpenOnlyOnMultiFilterSearches() {
        Events failures = run(BrokenAdapters.FailsOpenOnMultiFilterFailureContract.class);
        Events screening = run(BrokenAdapters.FailsOpenOnMultiFilterScreeningContract.class);

        assertThat(failedRules(failures)).contains("required_faults_failedSearchIsNeverAnEmptyResult",
                "required_faults_searchFailsWithTheArrangedError", "required_faults_failedSearchThrowsWhenReportsExist");
        assertThat(failedInvocations(failures)).as("the shapes it fails open on, and only those")
                .anyMatch(name -> name.contains("ONE_OF (screening)"))
                .anyMatch(name -> name.contains("phone + e-mail, ALL"))
                .noneMatch(name -> name.equals("phone") || name.equals("e-mail") || name.equals("phone, page 2"));
        assertThat(failedRules(screening)).contains("required_faults_failedScreeningIsNotCheckedNeverNotFound",
                "required_faults_failedBuyerIsNotCheckedAndTheOthersAreScreened");
    }

    @Test
    void theKitFailsOnAnAdapterThatResendsACreateOrUploadAfterALostAnswer() {
        Events tests = run(BrokenAdapters.ResendsWritesFailureContract.class);

        assertThat(failedRules(tests)).containsExactly("required_neverTwice_createIsNotSentAgainAfterALostAnswer",
                "required_neverTwice_uploadIsNotSentAgainAfterALostAnswer");
        assertThat(tests.failed().count()).as("each way of losing an answer, for create and upload").isEqualTo(6);
    }

    @Test
    void aFailOpenAdapterCannotPassByDeclaringNoCapability() {
        Events tests = run(BrokenAdapters.SwallowsFailuresWithoutCapabilitiesFailureContract.class);

        assertThat(failedRules(tests)).contains("required_faults_failedSearchIsNeverAnEmptyResult",
                "required_neverTwice_createIsNotSentAgainAfterALostAnswer");
        assertThat(tests.succeeded().count()).as("passed rules").isZero();
    }

    @Test
    void aRequiredRuleNeedingAFaultHookFailsWithAMessageNamingItAndOptionalOnesAreListedUntested() {
        Events failures = run(BrokenAdapters.WithoutCapabilitiesFailureContract.class);
        Events screening = run(BrokenAdapters.WithoutCapabilitiesScreeningContract.class);

        Set<String> required = ruleNames(failures.started()).stream().filter(r -> r.startsWith("required_"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(failedRules(failures)).as("every required rule of FailureContract needs the fault hook")
                .isEqualTo(required).hasSizeGreaterThanOrEqualTo(8);
        assertThat(failures.failed().stream().map(e -> e.getPayload(TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow().getMessage()))
                .allSatisfy(m -> assertThat(m).startsWith("required rule, never skipped")
                        .contains("Capability.FAULT_INJECTION").contains("arrangeFailures and arrangeLostAnswers"));
        assertThat(ruleNames(failures.aborted())).as("skipped rules").allMatch(r -> r.startsWith("optional_"))
                .isNotEmpty();
        assertThat(failures.succeeded().count()).as("passed rules").isZero();
        assertThat(failedRules(screening)).containsExactly("required_faults_failedBuyerIsNotCheckedAndTheOthersAreScreened",
                "required_faults_failedScreeningIsNotCheckedNeverNotFound");

        List<String> summaries = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(BrokenAdapters.WithoutCapabilitiesFailureContract.class)).execute()
                .allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs())
                .filter(kv -> kv.containsKey("nekorekten4j.untested-rules"))
                .map(kv -> kv.get("nekorekten4j.untested-rules")).toList();
        assertThat(summaries).singleElement().satisfies(s -> assertThat(s).contains("went UNTESTED")
                .contains("K-FAIL-13 optional_rateLimit_searchIsRefusedWithTheWait — skipped")
                .contains("K-FAIL-22 optional_ipWhitelist_uploadIsRefused")
                .doesNotContain("required_"));
        assertThat(failures.failed().stream().map(e -> e.getTestDescriptor().getDisplayName()))
                .as("a rule's test name starts with its kit id")
                .contains("K-FAIL-06 required_neverTwice_failedCreateIsNotRetried()");
    }

    @Test
    void theKitFailsOnAnAdapterThatPutsTheKeyInAMessageOrItsToString() {
        assertThat(failedRules(run(BrokenAdapters.LeaksTheKeySafetyContract.class)))
                .contains("optional_secrets_keyShowsInNoFailure", "optional_secrets_keyShowsInNoToString");
    }

    @Test
    void theKitFailsOnAnAdapterThatKeepsTheServersRawTextWithAFailure() {
        assertThat(failedRules(run(BrokenAdapters.EchoesServerTextSafetyContract.class)))
                .containsExactly("optional_secrets_keyEchoedByTheServerIsBlankedOut",
                        "optional_serverText_controlCharactersNeverReachAMessageOrALog",
                        "optional_serverText_hugeTextIsCut");
    }

    @Test
    void theKitFailsOnAnAdapterThatWaitsForAnAnswerThatNeverComes() {
        Events tests = run(BrokenAdapters.WaitsForAnAnswerSafetyContract.class);

        // It also answers the search of K-SAFE-01's arranged TIMEOUT, once that silence ends.
        assertThat(failedRules(tests)).contains("optional_bounded_unansweredCallEndsWithATimeout");
        assertThat(tests.failed().stream().map(e -> e.getTestDescriptor().getDisplayName()))
                .as("the read and the write of K-SAFE-06").filteredOn(n -> n.contains("search") || n.contains("create"))
                .hasSize(2);
    }

    @Test
    void theKitFailsOnAnAdapterWhoseViewIsNotTheClient() {
        assertThat(failedRules(run(BrokenAdapters.ViewOnAnotherBackendCallOptionsContract.class)))
                .contains("required_withOptions_nullIsRefusedNamingTheParameter",
                        "required_withOptions_viewFindsWhatTheClientFinds",
                        "required_withOptions_viewWritesAreTheClientsWrites");
    }

    @Test
    void theKitFailsOnAnAdapterWhoseViewsSkipValidation() {
        assertThat(failedRules(run(BrokenAdapters.ViewSkipsValidationCallOptionsContract.class)))
                .containsExactly("required_withOptions_viewRefusesInvalidInputBeforeAnyRequest");
    }

    @Test
    void theKitFailsOnAnAdapterWhoseViewsSwallowFailures() {
        assertThat(failedRules(run(BrokenAdapters.ViewSwallowsFailuresCallOptionsContract.class)))
                .containsExactly("optional_withOptions_viewFailsAsTheClientFails");
    }

    @Test
    void theKitFailsOnAnAdapterWhoseViewClosesTheClient() {
        assertThat(failedRules(run(BrokenAdapters.ViewClosesTheClientCallOptionsContract.class)))
                .containsExactly("required_withOptions_closingAViewLeavesTheClientWorking");
    }

    @Test
    void theSafetyRulesOfASubjectWithoutKeyOrHooksAreListedUntestedNeverPassed() {
        Events tests = run(BrokenAdapters.WithoutCapabilitiesSafetyContract.class);
        List<String> summaries = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(BrokenAdapters.WithoutCapabilitiesSafetyContract.class)).execute()
                .allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs())
                .filter(kv -> kv.containsKey("nekorekten4j.untested-rules"))
                .map(kv -> kv.get("nekorekten4j.untested-rules")).toList();

        assertThat(tests.succeeded().count()).as("passed rules").isZero();
        assertThat(tests.failed().count()).as("failed rules").isZero();
        assertThat(ruleNames(tests.aborted())).hasSize(6);
        assertThat(summaries).singleElement().satisfies(s -> assertThat(s).contains("went UNTESTED")
                .contains("K-SAFE-02 optional_secrets_keyShowsInNoToString — skipped: the subject declares no API key")
                .contains("K-SAFE-04 optional_serverText_controlCharactersNeverReachAMessageOrALog")
                .contains("Capability.HOSTILE_SERVER_TEXT")
                .contains("K-SAFE-06 optional_bounded_unansweredCallEndsWithATimeout")
                .contains("Capability.UNANSWERED_REQUESTS"));
    }

    @Test
    void theFakeLeavesNoRuleUntested() {
        List<ReportEntry> entries = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(FakeFailureContractTest.class), selectClass(FakeScreeningContractTest.class),
                        selectClass(FakeSafetyContractTest.class), selectClass(FakeCallOptionsContractTest.class))
                .execute().allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow()).toList();

        assertThat(entries).noneMatch(e -> e.getKeyValuePairs().containsKey("nekorekten4j.untested-rules"));
    }

    private static Events run(Class<?>... contracts) {
        ClassSelector[] selectors = Arrays.stream(contracts).map(c -> selectClass(c)).toArray(ClassSelector[]::new);
        return EngineTestKit.engine("junit-jupiter").selectors(selectors).execute().testEvents();
    }

    /** The display names of the failed invocations (for parameterized rules: their arguments). */
    private static Set<String> failedInvocations(Events tests) {
        return tests.failed().stream().map(e -> e.getTestDescriptor().getDisplayName())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> ruleNames(Events events) {
        return events.stream().map(KitSelfTest::ruleName).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The method names of the rules that failed (one entry per rule, however many invocations failed). */
    private static Set<String> failedRules(Events tests) {
        return tests.failed().stream().map(KitSelfTest::ruleName).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String ruleName(Event event) {
        TestSource source = event.getTestDescriptor().getSource().orElse(null);
        return source instanceof MethodSource method ? method.getMethodName() : event.getTestDescriptor().getDisplayName();
    }
}
