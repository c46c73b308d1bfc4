package io.nekorekten4j.cache;

import static io.nekorekten4j.cache.CacheFixtures.EMAIL;
import static io.nekorekten4j.cache.CacheFixtures.NAME;
import static io.nekorekten4j.cache.CacheFixtures.OTHER_PHONE;
import static io.nekorekten4j.cache.CacheFixtures.PHONE;
import static io.nekorekten4j.cache.CacheFixtures.SITE;
import static io.nekorekten4j.cache.CacheFixtures.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.domain.MatchCertainty;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchField;
import io.nekorekten4j.domain.SearchHit;
import io.nekorekten4j.domain.SearchMode;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.cache.CacheFixtures.Item;
import io.nekorekten4j.cache.SubsetAnswers.Verdict;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The subset rule of {@link CacheOptions}, case by case: when a cached {@code ONE_OF} answer
 * decides a subset search, and every way it can fail to.
 */
class SubsetAnswersTest {

    private static final String MASKED_COMPATIBLE = "iv**@abv.bg";
    private static final String MASKED_INCOMPATIBLE = "pe****@gmail.com";

    private static final SearchCriteria PHONE_OR_EMAIL = oneOf().phone(PHONE).email(EMAIL).build();
    private static final SearchCriteria PHONE_ONLY = SearchCriteria.builder().phone(PHONE).build();
    private static final SearchCriteria EMAIL_ONLY = oneOf().email(EMAIL).build();

    private static SearchCriteria.Builder oneOf() {
        return SearchCriteria.builder().mode(SearchMode.ONE_OF);
    }

    /** The complete page-1 answer to {@code criteria} holding {@code items}, attributed as the mapper does. */
    private static SearchResult cached(SearchCriteria criteria, Item... items) {
        List<SearchHit> hits = Arrays.stream(items).map(i -> SearchHit.of(criteria, i.report())).toList();
        return new SearchResult(hits, hits.size(), 1, 20);
    }

    private static Optional<SearchResult> answer(SearchCriteria wanted, SearchCriteria source, SearchResult cached) {
        return SubsetAnswers.answer(wanted, source, cached);
    }

    // ---- decidable ---------------------------------------------------------------------------

    @Test
    void aPhoneSubsetIsDecidedByThePhonesTheReportsCarry() {
        Item samePhoneMaskedEmail = Item.phone(1, "+" + PHONE).withEmail(MASKED_COMPATIBLE);
        Item otherPhoneMaskedEmail = Item.phone(2, "+" + OTHER_PHONE).withEmail(MASKED_COMPATIBLE);
        Item noPhoneSameEmail = Item.phone(3, null).withEmail(EMAIL);
        SearchResult cached = cached(PHONE_OR_EMAIL, samePhoneMaskedEmail, otherPhoneMaskedEmail, noPhoneSameEmail);

        SearchResult all = answer(PHONE_ONLY, PHONE_OR_EMAIL, cached).orElseThrow();
        SearchResult oneOf = answer(oneOf().phone(PHONE).build(), PHONE_OR_EMAIL, cached).orElseThrow();

        assertThat(ids(all.reports())).containsExactly(CacheFixtures.id(1));
        assertThat(all.totalCount()).hasValue(1);
        assertThat(all.page()).isEqualTo(1);
        assertThat(all.pageSize()).isEqualTo(20);
        assertThat(all.hits().get(0).matchedBy()).isEqualTo(Map.of(SearchField.PHONE, MatchCertainty.CERTAIN));
        assertThat(oneOf).isEqualTo(all);
    }

    @Test
    void aSubsetAnswerIsAttributedExactlyAsAFreshAnswerToTheNewSearch() {
        Item a = Item.phone(1, PHONE).withEmail(EMAIL);
        SearchResult cached = cached(PHONE_OR_EMAIL, a);

        SearchResult derived = answer(PHONE_ONLY, PHONE_OR_EMAIL, cached).orElseThrow();

        assertThat(derived).isEqualTo(cached(PHONE_ONLY, a));
        assertThat(derived.hits().get(0).matchedBy()).isEqualTo(SearchHit.of(PHONE_ONLY, a.report()).matchedBy());
    }

    @Test
    void whenTheOtherFiltersCannotHaveMatchedTheServiceMatchedByTheSubsetSoAMaskedEmailIsDecided() {
        Item otherPhoneMaskedEmail = Item.phone(2, OTHER_PHONE).withEmail(MASKED_COMPATIBLE);
        Item samePhoneIncompatibleEmail = Item.phone(3, PHONE).withEmail(MASKED_INCOMPATIBLE);
        SearchResult cached = cached(PHONE_OR_EMAIL, otherPhoneMaskedEmail, samePhoneIncompatibleEmail);

        SearchResult byEmail = answer(EMAIL_ONLY, PHONE_OR_EMAIL, cached).orElseThrow();

        assertThat(ids(byEmail.reports())).containsExactly(CacheFixtures.id(2));
        assertThat(byEmail.hits().get(0).matchedBy())
                .isEqualTo(Map.of(SearchField.EMAIL, MatchCertainty.COMPATIBLE_WITH_MASK));
    }

    @Test
    void aHitWithAnEmptyMatchedByIsDroppedWhenItsReportCannotMatchTheSubset() {
        SearchCriteria phoneOrName = oneOf().phone(PHONE).name(NAME).build();
        Item otherPhoneOtherName = Item.phone(1, OTHER_PHONE).withName("Иванка", null);
        SearchResult cached = cached(phoneOrName, otherPhoneOtherName);
        assertThat(cached.hits().get(0).matchedBy()).isEmpty();

        SearchResult byPhone = answer(PHONE_ONLY, phoneOrName, cached).orElseThrow();
        SearchResult byName = answer(oneOf().name(NAME).build(), phoneOrName, cached).orElseThrow();

        assertThat(byPhone.hits()).isEmpty();
        assertThat(byPhone.totalCount()).hasValue(0);
        assertThat(ids(byName.reports())).as("found, and not by the phone: by the name").containsExactly(CacheFixtures.id(1));
    }

    @Test
    void aSingleFilterSearchInEitherModeAnswersTheOtherMode() {
        Item a = Item.phone(1, PHONE);
        SearchResult cachedAll = cached(PHONE_ONLY, a);

        assertThat(answer(oneOf().phone(PHONE).build(), PHONE_ONLY, cachedAll)).isPresent();
    }

    @Test
    void anUnparsablePhoneIsDecidedWhenNoOtherFilterCanHaveMatched() {
        Item garbledPhoneNoEmail = Item.phone(1, "12");
        SearchResult cached = cached(PHONE_OR_EMAIL, garbledPhoneNoEmail);

        assertThat(answer(PHONE_ONLY, PHONE_OR_EMAIL, cached)).hasValueSatisfying(r -> assertThat(r.hits()).hasSize(1));
    }

    // ---- undecidable: the request is sent ----------------------------------------------------

    @Test
    void aReportMatchedByPhoneAndOnlyCompatibleWithTheEmailMaskDoesNotDecideTheEmailSubset() {
        Item samePhoneMaskedEmail = Item.phone(1, PHONE).withEmail(MASKED_COMPATIBLE);
        SearchResult cached = cached(PHONE_OR_EMAIL, samePhoneMaskedEmail);
        assertThat(cached.hits().get(0).matchedBy()).containsEntry(SearchField.PHONE, MatchCertainty.CERTAIN)
                .containsEntry(SearchField.EMAIL, MatchCertainty.COMPATIBLE_WITH_MASK);

        assertThat(answer(EMAIL_ONLY, PHONE_OR_EMAIL, cached)).isEmpty();
    }

    @Test
    void aHitWithAnEmptyMatchedByWhoseSubsetFiltersAreUnknownIsUndecidable() {
        SearchCriteria nameOrSite = oneOf().name(NAME).site(SITE).build();
        Item otherNameOtherSite = Item.phone(1, null).withName("Иванка", null).withSite("other.bg");
        SearchResult cached = cached(nameOrSite, otherNameOtherSite);
        assertThat(cached.hits().get(0).matchedBy()).isEmpty();

        assertThat(answer(oneOf().name(NAME).build(), nameOrSite, cached)).isEmpty();
    }

    @Test
    void aNameMatchedCertainlyByTheLocalRuleDoesNotDecideBecauseTheServicesNameRuleIsUnknown() {
        SearchCriteria phoneOrName = oneOf().phone(PHONE).name(NAME).build();
        Item samePhoneSameName = Item.phone(1, PHONE).withName(NAME, "Петров");
        SearchResult cached = cached(phoneOrName, samePhoneSameName);
        assertThat(cached.hits().get(0).matchedBy()).containsEntry(SearchField.NAME, MatchCertainty.CERTAIN);

        assertThat(answer(oneOf().name(NAME).build(), phoneOrName, cached)).isEmpty();
    }

    @Test
    void aSiteMatchedCertainlyByTheLocalRuleDoesNotDecideBecauseTheServicesSiteRuleIsUnknown() {
        SearchCriteria phoneOrSite = oneOf().phone(PHONE).site(SITE).build();
        Item samePhoneSameSite = Item.phone(1, PHONE).withSite("https://shop.bg/");
        SearchResult cached = cached(phoneOrSite, samePhoneSameSite);
        assertThat(cached.hits().get(0).matchedBy()).containsEntry(SearchField.SITE, MatchCertainty.CERTAIN);

        assertThat(answer(oneOf().site(SITE).build(), phoneOrSite, cached)).isEmpty();
    }

    @Test
    void aHitThatByOurRulesMatchesNoFilterContradictsTheServiceAndDecidesNothing() {
        Item otherPhoneNoEmail = Item.phone(1, OTHER_PHONE);
        SearchResult cached = cached(PHONE_OR_EMAIL, otherPhoneNoEmail);

        assertThat(answer(PHONE_ONLY, PHONE_OR_EMAIL, cached)).isEmpty();
    }

    @Test
    void anIncompleteCachedAnswerDecidesNothing() {
        Item a = Item.phone(1, PHONE);
        List<SearchHit> hits = List.of(SearchHit.of(PHONE_OR_EMAIL, a.report()));

        assertThat(answer(PHONE_ONLY, PHONE_OR_EMAIL, new SearchResult(hits, 25, 1, 20)))
                .as("count says more pages").isEmpty();
        List<SearchHit> fullPage = java.util.stream.IntStream.rangeClosed(1, 20)
                .mapToObj(n -> SearchHit.of(PHONE_OR_EMAIL, Item.phone(n, PHONE).report())).toList();
        assertThat(answer(PHONE_ONLY, PHONE_OR_EMAIL, new SearchResult(fullPage, 20, 1, 20)))
                .as("a full page may be followed by more").isEmpty();
    }

    @Test
    void onlyPageOneIsAnsweredAndOnlyFromPageOne() {
        SearchResult cached = cached(PHONE_OR_EMAIL, Item.phone(1, PHONE));
        SearchCriteria cachedPageTwo = PHONE_OR_EMAIL.toBuilder().page(2).build();

        assertThat(answer(PHONE_ONLY.toBuilder().page(2).build(), PHONE_OR_EMAIL, cached)).isEmpty();
        assertThat(answer(PHONE_ONLY, cachedPageTwo, new SearchResult(cached.hits(), 1, 2, 20))).isEmpty();
    }

    @Test
    void anAllSearchOfSeveralFiltersIsNeitherASourceNorAnswered() {
        SearchCriteria allOfPhoneAndEmail = SearchCriteria.builder().phone(PHONE).email(EMAIL).build();
        SearchCriteria threeOneOf = oneOf().phone(PHONE).email(EMAIL).name(NAME).build();
        Item a = Item.phone(1, PHONE).withEmail(EMAIL);

        assertThat(answer(PHONE_ONLY, allOfPhoneAndEmail, cached(allOfPhoneAndEmail, a))).isEmpty();
        assertThat(answer(allOfPhoneAndEmail, threeOneOf, cached(threeOneOf, a))).isEmpty();
    }

    @Test
    void aFilterWithAnotherValueOrNotInTheCachedSearchIsNotASubset() {
        SearchResult cached = cached(PHONE_OR_EMAIL, Item.phone(1, PHONE));

        assertThat(answer(SearchCriteria.builder().phone(OTHER_PHONE).build(), PHONE_OR_EMAIL, cached)).isEmpty();
        assertThat(answer(oneOf().phone(PHONE).name(NAME).build(), PHONE_OR_EMAIL, cached)).isEmpty();
    }

    @Test
    void aSiteTypedDifferentlyIsNotTheSameFilter() {
        SearchCriteria phoneOrSite = oneOf().phone(PHONE).site("https://shop.bg").build();
        SearchResult cached = cached(phoneOrSite, Item.phone(1, OTHER_PHONE).withSite("https://shop.bg/item"));

        assertThat(answer(oneOf().site(SITE).build(), phoneOrSite, cached)).isEmpty();
        assertThat(answer(oneOf().site("https://shop.bg").build(), phoneOrSite, cached)).isPresent();
    }

    // ---- the verdicts ------------------------------------------------------------------------

    @Test
    void theVerdictsFollowTheDocumentedRules() {
        SearchCriteria all = oneOf().phone(PHONE).email(EMAIL).name(NAME).site(SITE).build();

        assertThat(SubsetAnswers.verdicts(all, Item.phone(1, null).report())).containsOnly(
                Map.entry(SearchField.PHONE, Verdict.DOES_NOT_MATCH), Map.entry(SearchField.EMAIL, Verdict.DOES_NOT_MATCH),
                Map.entry(SearchField.NAME, Verdict.DOES_NOT_MATCH), Map.entry(SearchField.SITE, Verdict.DOES_NOT_MATCH));
        assertThat(SubsetAnswers.verdicts(all, Item.phone(1, "0888 123 456").withEmail("IVAN@abv.bg")
                .withName("Не**", null).withSite("shop.bg").report())).containsOnly(
                Map.entry(SearchField.PHONE, Verdict.MATCHES), Map.entry(SearchField.EMAIL, Verdict.MATCHES),
                Map.entry(SearchField.NAME, Verdict.UNKNOWN), Map.entry(SearchField.SITE, Verdict.UNKNOWN));
        assertThat(SubsetAnswers.verdicts(all, Item.phone(1, "+35 98 88").withEmail(MASKED_COMPATIBLE).report()))
                .containsEntry(SearchField.PHONE, Verdict.UNKNOWN).containsEntry(SearchField.EMAIL, Verdict.UNKNOWN);
        assertThat(SubsetAnswers.verdicts(all, Item.phone(1, OTHER_PHONE).withEmail(MASKED_INCOMPATIBLE).report()))
                .containsEntry(SearchField.PHONE, Verdict.DOES_NOT_MATCH)
                .containsEntry(SearchField.EMAIL, Verdict.DOES_NOT_MATCH);
        assertThat(SubsetAnswers.verdicts(all, Item.phone(1, null).withEmail("petar@abv.bg").report()))
                .containsEntry(SearchField.EMAIL, Verdict.DOES_NOT_MATCH);
    }
}
