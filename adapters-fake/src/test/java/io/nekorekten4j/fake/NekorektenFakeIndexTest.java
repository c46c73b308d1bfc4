package io.nekorekten4j.fake;

import static io.nekorekten4j.fake.FakeTestData.T0;
import static io.nekorekten4j.fake.FakeTestData.allPages;
import static io.nekorekten4j.fake.FakeTestData.fake;
import static io.nekorekten4j.fake.FakeTestData.mobile;
import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.domain.Email;
import io.nekorekten4j.domain.Phone;
import io.nekorekten4j.domain.Report;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchHit;
import io.nekorekten4j.domain.SearchMode;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.domain.WebAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The indexes only narrow the candidates: a search finds exactly the reports the domain's
 * MatchRules accept on the unmasked report, and it does so without reading all reports.
 */
class NekorektenFakeIndexTest {

    private static final String[] PHONES = {"0888123456", "0888123457", "+359 2 987 6543", "0899111222"};
    private static final String[] EMAILS = {"ivan@example.bg", "Ivan@Example.bg", "maria@abv.bg", "m*a@abv.bg",
        "ıvan@example.bg"};
    private static final String[] FIRST = {"Иван", "Иванка", "Мария", "Петър", "O'Neil"};
    private static final String[] LAST = {"Петров", "Петрова-Иванова", "Иванов", "Georgiev", "Иван"};
    private static final String[] SITES = {"example.bg", "https://www.example.bg/shop", "example.bg/shop/item?id=1",
        "example.bg/shopping", "https://facebook.com/ivan.p", "example.bg?ref=/x"};
    private static final String[] FACEBOOK = {"https://www.facebook.com/ivan.p", "fb.com/maria.p",
        "https://m.facebook.com/ivan.p/photos"};

    private final MutableClock clock = MutableClock.at(T0);
    private final NekorektenFake fake = fake(clock);

    /** A stored report as the domain sees it unmasked, with what orders it. */
    private record Filed(Report unmasked, Instant createdAt, int order) {
    }

    @Test
    void searchFindsExactlyWhatMatchRulesAcceptOnTheUnmaskedReports() {
        Random random = new Random(20260302);
        List<Filed> filed = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            ReportDraft draft = randomDraft(random);
            Instant createdAt = T0.minusSeconds(random.nextInt(5) * 3600L);
            ReportId id = fake.arrangeReport(draft, createdAt, "owner");
            filed.add(new Filed(unmasked(id, draft), createdAt, i));
        }
        for (int i = 0; i < 300; i++) {
            SearchCriteria criteria = randomCriteria(random);

            List<ReportId> found = allPages(fake, criteria).stream().map(h -> h.report().id()).toList();

            List<ReportId> expected = filed.stream().filter(f -> criteria.isSatisfiedBy(f.unmasked()))
                    .sorted(Comparator.comparing(Filed::createdAt).thenComparing(Filed::order).reversed())
                    .map(f -> f.unmasked().id()).toList();
            assertThat(found).as("%s", criteria).isEqualTo(expected);
        }
    }

    @Test
    void hitsAreAttributedOnTheMaskedReportByMatchRules() {
        Random random = new Random(7);
        for (int i = 0; i < 100; i++) {
            fake.arrangeReport(randomDraft(random), T0, "owner");
        }
        for (int i = 0; i < 200; i++) {
            SearchCriteria criteria = randomCriteria(random);
            for (SearchHit hit : fake.search(criteria).hits()) {
                assertThat(hit).isEqualTo(SearchHit.of(criteria, hit.report()));
                // Dotless ı equals I ignoring case (MatchRules on the unmasked e-mail) but not under
                // Mask's lower-casing, so an ı-match cannot be attributed on the masked hit, which
                // SearchHit allows. Every other hit of a one-of search says what it matched.
                boolean dotless = criteria.email().filter(e -> e.value().contains("ı")).isPresent()
                        || hit.report().email().filter(e -> e.contains("ı")).isPresent();
                if (criteria.mode() == SearchMode.ONE_OF && !dotless) {
                    assertThat(hit.matchedBy()).as("a masked hit is still attributed").isNotEmpty();
                }
            }
        }
    }

    @Test
    void searchOverTenThousandReportsIsRightAndReadsOnlyThePostingsOfItsKeys() {
        for (int i = 0; i < 10_000; i++) {
            ReportDraft.Builder draft = ReportDraft.builder().text("Отказа пратка №" + i).phone(mobile(i))
                    .firstName(i % 100 == 0 ? "Рядко" : "Иван").lastName("Петров" + (char) ('а' + i % 20));
            if (i % 10 == 0) {
                draft.email("buyer" + i + "@example.bg");
            }
            fake.arrangeReport(draft.build(), T0.plusSeconds(i), "owner");
        }
        ReportStore store = storeOf(fake);

        long before = store.postingsRead();
        SearchResult byPhone = fake.search(SearchCriteria.builder().phone(mobile(4321)).build());
        long phoneWork = store.postingsRead() - before;

        before = store.postingsRead();
        SearchResult oneOf = fake.search(SearchCriteria.builder().phone(mobile(17)).email("buyer9990@example.bg")
                .name("Рядко").mode(SearchMode.ONE_OF).build());
        long oneOfWork = store.postingsRead() - before;

        assertThat(byPhone.totalCount()).hasValue(1);
        assertThat(byPhone.reports().get(0).text()).isEqualTo("Отказа пратка №4321");
        assertThat(phoneWork).isEqualTo(1);
        assertThat(oneOf.totalCount()).hasValue(1 + 1 + 100);
        assertThat(oneOf.reports().get(0).text()).isEqualTo("Отказа пратка №9990");
        assertThat(oneOfWork).isEqualTo(1 + 1 + 100);
    }

    @Test
    void aFrequentNameIsCountedAndPagedWithoutReadingOtherKeys() {
        for (int i = 0; i < 10_000; i++) {
            fake.arrangeReport(ReportDraft.builder().text("t").phone(mobile(i)).firstName(i < 2_500 ? "Иван" : "Мария")
                    .build(), T0.plusSeconds(i), "owner");
        }
        ReportStore store = storeOf(fake);
        long before = store.postingsRead();

        SearchResult page = fake.search(SearchCriteria.builder().name("иван").page(3).build());

        assertThat(page.totalCount()).hasValue(2_500);
        assertThat(page.reports()).extracting(r -> r.phone().orElseThrow())
                .containsExactly(java.util.stream.IntStream.range(0, 20).mapToObj(k -> Phone.parse(mobile(2_499 - 40 - k)))
                        .toArray(Phone[]::new));
        assertThat(store.postingsRead() - before).isEqualTo(2_500);
    }

    private static ReportStore storeOf(NekorektenFake fake) {
        return fake.store();
    }

    private static ReportDraft randomDraft(Random random) {
        ReportDraft.Builder draft = ReportDraft.builder().text("Отказа пратка.");
        boolean identified = false;
        if (random.nextInt(3) > 0) {
            draft.phone(pick(random, PHONES));
            identified = true;
        }
        if (random.nextInt(3) == 0) {
            draft.email(pick(random, EMAILS));
            identified = true;
        }
        if (random.nextInt(4) == 0) {
            draft.siteUrl(pick(random, SITES));
            identified = true;
        }
        if (random.nextInt(5) == 0 || !identified) {
            draft.facebookUrl(pick(random, FACEBOOK));
        }
        if (random.nextBoolean()) {
            draft.firstName(pick(random, FIRST));
        }
        if (random.nextBoolean()) {
            draft.lastName(pick(random, LAST));
        }
        return draft.build();
    }

    private static SearchCriteria randomCriteria(Random random) {
        SearchCriteria.Builder criteria = SearchCriteria.builder()
                .mode(random.nextBoolean() ? SearchMode.ALL : SearchMode.ONE_OF);
        boolean any = false;
        if (random.nextInt(3) == 0) {
            criteria.phone(pick(random, PHONES));
            any = true;
        }
        if (random.nextInt(3) == 0) {
            criteria.email(pick(random, EMAILS).replace("m*a", random.nextBoolean() ? "mxa" : "m*a"));
            any = true;
        }
        if (random.nextInt(3) == 0) {
            String[] names = {"Иван", "иван петров", "Иванова", "Петрова", "o", "neil", "Мария Иван", "Ив"};
            criteria.name(pick(random, names));
            any = true;
        }
        if (random.nextInt(3) == 0 || !any) {
            String[] sites = {"example.bg", "example.bg/shop", "www.example.bg/shop/item", "facebook.com",
                "facebook.com/ivan.p", "fb.com", "example.bg?ref=", "m.facebook.com"};
            criteria.site(pick(random, sites));
        }
        return criteria.build();
    }

    private static Report unmasked(ReportId id, ReportDraft draft) {
        var f = draft.fields();
        return Report.builder().id(id)
                .phone(f.phone().map(Phone::e164).orElse(null))
                .email(f.email().map(Email::value).orElse(null))
                .firstName(f.firstName().map(n -> n.value()).orElse(null))
                .lastName(f.lastName().map(n -> n.value()).orElse(null))
                .siteUrl(f.siteUrl().map(WebAddress::value).orElse(null))
                .facebookUrl(f.facebookUrl().map(WebAddress::value).orElse(null))
                .text(f.text().orElseThrow())
                .build();
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
