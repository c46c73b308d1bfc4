package io.nekorekten4j.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestSource;
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
                FakeFailureContractTest.class, FakeScreeningContractTest.class);

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
                .contains("optional_faults_failedSearchIsNeverAnEmptyResult",
                        "optional_faults_searchFailsWithTheArrangedError", "optional_faults_failedCitiesThrows");
    }

    @Test
    void theKitFailsOnAnAdapterThatScreensAFailedSearchAsNotFound() {
        assertThat(failedRules(run(BrokenAdapters.SwallowsFailuresScreeningContract.class)))
                .contains("optional_faults_failedScreeningIsNotCheckedNeverNotFound",
                        "optional_faults_failedBuyerIsNotCheckedAndTheOthersAreScreened",
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
    void aRuleNeedingACapabilityTheSubjectLacksIsSkippedNeverPassed() {
        Events tests = run(BrokenAdapters.WithoutCapabilitiesFailureContract.class);

        assertThat(tests.started().count()).isPositive();
        assertThat(tests.aborted().count()).as("skipped rules").isEqualTo(tests.started().count());
        assertThat(tests.succeeded().count()).as("passed rules").isZero();
        assertThat(tests.failed().count()).as("failed rules").isZero();
    }

    private static Events run(Class<?>... contracts) {
        ClassSelector[] selectors = Arrays.stream(contracts).map(c -> selectClass(c)).toArray(ClassSelector[]::new);
        return EngineTestKit.engine("junit-jupiter").selectors(selectors).execute().testEvents();
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
