package io.nekorekten4j.fake;

import static io.nekorekten4j.fake.FakeTestData.T0;
import static io.nekorekten4j.fake.FakeTestData.byPhone;
import static io.nekorekten4j.fake.FakeTestData.fake;
import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.domain.City;
import io.nekorekten4j.domain.MatchCertainty;
import io.nekorekten4j.domain.Report;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.ReportReceipt;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchField;
import io.nekorekten4j.domain.SearchHit;
import io.nekorekten4j.domain.SearchMode;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.ports.Nekorekten;
import io.nekorekten4j.ports.Operation;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fake's basic contract: file a report, find it, in the service's shape. */
class NekorektenFakeTest {

    private final MutableClock clock = MutableClock.at(T0);
    private final NekorektenFake fake = fake(clock);

    @Test
    void createWithDefaultsGivesAWorkingEmptyFake() {
        NekorektenFake fresh = NekorektenFake.create();

        assertThat(fresh).isInstanceOf(Nekorekten.class);
        assertThat(fresh.reportCount()).isZero();
        assertThat(fresh.search(SearchCriteria.builder().phone("0888123456").build()).isEmpty()).isTrue();
        assertThat(fresh.accountId()).isEqualTo(NekorektenFake.builder().apiKey("fake-api-key").build().accountId());
    }

    @Test
    void createdReportIsFoundByItsPhoneWithTheReceiptsId() {
        ReportReceipt receipt = fake.create(ReportDraft.builder()
                .text("Не потърси пратката.").phone("0888 123 456").firstName("Нели").lastName("Желязкова").build());

        SearchResult result = fake.search(SearchCriteria.builder().phone("+359888123456").build());

        assertThat(receipt.message()).isEqualTo("Сигналът е добавен успешно.");
        assertThat(receipt.id()).isPresent();
        assertThat(result.totalCount()).hasValue(1);
        assertThat(result.page()).isEqualTo(1);
        assertThat(result.pageSize()).isEqualTo(SearchResult.DEFAULT_PAGE_SIZE);
        assertThat(result.reports()).extracting(Report::id).containsExactly(receipt.id().orElseThrow());
    }

    @Test
    void searchResultIsMaskedLikeTheLiveServiceAndThePhoneComesBackInE164() {
        fake.create(ReportDraft.builder().text("Поръча и не взе.").phone("0888123456")
                .email("xxxxxyyyy@gmail.com").firstName("Нели").lastName("Желязкова").build());

        Report report = fake.search(SearchCriteria.builder().phone("0888123456").build()).reports().get(0);

        assertThat(report.firstName()).contains("Не**");
        assertThat(report.lastName()).contains("Желяз****");
        assertThat(report.email()).contains("xxxxx****@gmail.com");
        assertThat(report.phoneAsReported()).contains("+359888123456");
        assertThat(report.text()).isEqualTo("Поръча и не взе.");
    }

    @Test
    void reportCarriesCreationSecondInUtcNoViewsAndTheReportersMaskedAccount() {
        clock.set(Instant.parse("2026-03-02T10:00:00.987654321Z"));
        fake.create(byPhone("0888123456"));

        Report report = fake.search(SearchCriteria.builder().phone("0888123456").build()).reports().get(0);

        assertThat(report.createdAt()).contains(OffsetDateTime.of(2026, 3, 2, 10, 0, 0, 0, ZoneOffset.UTC));
        assertThat(report.views()).isZero();
        assertThat(report.likes()).isZero();
        assertThat(report.reporter()).hasValueSatisfying(reporter -> {
            assertThat(reporter.id()).contains(fake.accountId());
            assertThat(reporter.firstName()).hasValueSatisfying(n -> assertThat(n).contains("*"));
            assertThat(reporter.lastName()).hasValueSatisfying(n -> assertThat(n).contains("*"));
            assertThat(reporter.email()).hasValueSatisfying(e -> assertThat(e).contains("*").endsWith("@example.bg"));
        });
    }

    @Test
    void accountIdIsDerivedFromTheKeyDeterministicallyAndIsNotTheKey() {
        NekorektenFake other = NekorektenFake.builder().apiKey("test-key").build();

        assertThat(fake.accountId()).isEqualTo(other.accountId()).matches("[A-Za-z0-9]{10}").isNotEqualTo("test-key");
        assertThat(fake.withKey("another-key").accountId()).isNotEqualTo(fake.accountId());
    }

    @Test
    void oneOfSearchAttributesPhoneAsCertainAndEmailAsCompatibleWithTheMask() {
        fake.create(byPhone("0888123456"));
        fake.create(ReportDraft.builder().text("Отказа пратка.").email("ivan@example.bg").build());

        SearchResult result = fake.search(SearchCriteria.builder().phone("0888123456").email("ivan@example.bg")
                .mode(SearchMode.ONE_OF).build());

        assertThat(result.totalCount()).hasValue(2);
        assertThat(result.hits()).extracting(SearchHit::matchedBy).containsExactlyInAnyOrder(
                Map.of(SearchField.PHONE, MatchCertainty.CERTAIN),
                Map.of(SearchField.EMAIL, MatchCertainty.COMPATIBLE_WITH_MASK));
    }

    @Test
    void reportsWithCityAndFilesComeBackWithTheirNamesAndIds() {
        var files = fake.upload(List.of(FakeTestData.pdf("разписка.pdf")));
        fake.create(ReportDraft.builder().text("Отказа.").phone("0888123456").cityId(1).files(files).build());

        Report report = fake.search(SearchCriteria.builder().phone("0888123456").build()).reports().get(0);

        assertThat(report.cityId()).hasValueSatisfying(c -> assertThat(c.value()).isEqualTo(1));
        assertThat(report.cityName()).contains("София");
        assertThat(report.files()).singleElement().satisfies(f -> {
            assertThat(f.id()).contains(files.get(0));
            assertThat(f.name()).contains("разписка.pdf");
        });
    }

    @Test
    void citiesStartWithSofiaAsIdOneAndCoverEveryDistrictCentre() {
        List<City> cities = fake.cities();

        assertThat(cities.get(0)).isEqualTo(City.of(1, "София"));
        assertThat(cities).extracting(City::name).contains("Пловдив", "Варна", "Бургас", "Русе", "Стара Загора",
                "Плевен", "Благоевград", "Велико Търново", "Видин", "Враца", "Габрово", "Добрич", "Кърджали",
                "Кюстендил", "Ловеч", "Монтана", "Пазарджик", "Перник", "Разград", "Силистра", "Сливен", "Смолян",
                "Търговище", "Хасково", "Шумен", "Ямбол");
        assertThat(cities).hasSizeGreaterThanOrEqualTo(32);
        assertThat(cities).extracting(c -> c.id().value()).doesNotHaveDuplicates();
        assertThat(cities).extracting(City::name).doesNotHaveDuplicates();
        assertThatNoCityNameIsLatin(cities);
    }

    private static void assertThatNoCityNameIsLatin(List<City> cities) {
        assertThat(cities).extracting(City::name).allSatisfy(n -> assertThat(n).doesNotContainPattern("[A-Za-z]"));
    }

    @Test
    void sameSeedAndSameCallsGiveTheSameIds() {
        NekorektenFake a = NekorektenFake.builder().seed(7).clock(clock).build();
        NekorektenFake b = NekorektenFake.builder().seed(7).clock(clock).build();

        List<Optional<ReportId>> idsA = List.of(a.create(byPhone("0888000001")).id(), a.create(byPhone("0888000002")).id());
        List<Optional<ReportId>> idsB = List.of(b.create(byPhone("0888000001")).id(), b.create(byPhone("0888000002")).id());

        assertThat(idsA).isEqualTo(idsB);
        assertThat(idsA).allSatisfy(id -> assertThat(id).hasValueSatisfying(
                v -> assertThat(v.value()).matches("[A-Za-z0-9]{10}")));
        assertThat(idsA.get(0)).isNotEqualTo(idsA.get(1));
    }

    @Test
    void anotherSeedGivesOtherIds() {
        NekorektenFake a = NekorektenFake.builder().seed(7).clock(clock).build();
        NekorektenFake b = NekorektenFake.builder().seed(8).clock(clock).build();

        assertThat(a.create(byPhone("0888000001")).id()).isNotEqualTo(b.create(byPhone("0888000001")).id());
    }

    @Test
    void resetEmptiesTheBackendAndRestartsTheIds() {
        Optional<ReportId> first = fake.create(byPhone("0888000001")).id();
        fake.failNext(1, io.nekorekten4j.ports.ErrorCode.SERVICE_UNAVAILABLE);

        fake.reset();

        assertThat(fake.reportCount()).isZero();
        assertThat(fake.calls()).isEmpty();
        assertThat(fake.create(byPhone("0888000001")).id()).isEqualTo(first);
    }

    @Test
    void arrangedReportIsStoredWithItsDateAndOwnerWithoutACall() {
        ReportId id = fake.arrangeReport(byPhone("0888123456"), Instant.parse("2024-05-06T07:08:09.5Z"), "owner-key");

        Report report = fake.search(SearchCriteria.builder().phone("0888123456").build()).reports().get(0);

        assertThat(report.id()).isEqualTo(id);
        assertThat(report.createdAt()).contains(OffsetDateTime.parse("2024-05-06T07:08:09Z"));
        assertThat(report.reporter().flatMap(r -> r.id())).contains(fake.withKey("owner-key").accountId());
        assertThat(fake.calls()).hasSize(1).allSatisfy(c -> assertThat(c.operation()).isEqualTo(Operation.SEARCH));
    }

    @Test
    void demoDataHoldsTwelveReportsAndTheScreeningBuyerTwice() {
        List<ReportId> ids = fake.seedDemoData();

        SearchResult buyer = fake.search(SearchCriteria.builder().phone("0888123456").email("ivan@example.bg")
                .mode(SearchMode.ONE_OF).build());

        assertThat(ids).hasSize(12).doesNotHaveDuplicates();
        assertThat(fake.reportCount()).isEqualTo(12);
        assertThat(fake.calls()).hasSize(1);
        assertThat(buyer.totalCount()).hasValue(2);
        assertThat(buyer.reports()).extracting(r -> r.createdAt().orElseThrow().getYear()).containsExactly(2025, 2025);
        assertThat(buyer.reports().get(1).firstName()).contains("Не**");
        assertThat(fake.search(SearchCriteria.builder().name("Иван").build()).totalCount()).hasValue(2);
    }

    @Test
    void demoReportsHaveDistinctDatesAndCyrillicNames() {
        fake.seedDemoData();

        List<Report> all = FakeTestData.allPages(fake, SearchCriteria.builder().site("facebook.com")
                .phone("+359888123456").mode(SearchMode.ONE_OF).build()).stream().map(SearchHit::report).toList();

        assertThat(all).hasSize(2);
        assertThat(DemoData.entries()).extracting(DemoData.Entry::createdAt).doesNotHaveDuplicates();
        assertThat(DemoData.entries()).allSatisfy(e -> e.draft().fields().firstName()
                .ifPresent(n -> assertThat(n.value()).matches("[\\p{IsCyrillic} -]+")));
    }

    @Test
    void toStringNamesNeitherTheKeyNorPersonalData() {
        NekorektenFake secret = NekorektenFake.builder().apiKey("s3cr3t-KEY-123").build();

        assertThat(secret.toString()).doesNotContain("s3cr3t").contains(secret.accountId());
        assertThat(NekorektenFake.builder().apiKey("s3cr3t-KEY-123").toString()).doesNotContain("s3cr3t");
        assertThat(secret.withKey("an0ther-s3cr3t").toString()).doesNotContain("an0ther");
    }

    @Test
    void theClockDecidesCreationTimesAndLaterReportsComeFirst() {
        fake.create(byPhone("0888123456"));
        clock.advance(Duration.ofDays(1));
        ReportId later = fake.create(byPhone("0888123456")).id().orElseThrow();

        assertThat(fake.search(SearchCriteria.builder().phone("0888123456").build()).reports().get(0).id())
                .isEqualTo(later);
    }
}
