package io.nekorekten4j.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.nekorekten4j.http.CacheFixtures.EMAIL;
import static io.nekorekten4j.http.CacheFixtures.OTHER_PHONE;
import static io.nekorekten4j.http.CacheFixtures.PHONE;
import static io.nekorekten4j.http.CacheFixtures.answer;
import static io.nekorekten4j.http.CacheFixtures.citiesCalls;
import static io.nekorekten4j.http.CacheFixtures.emptyPage;
import static io.nekorekten4j.http.CacheFixtures.id;
import static io.nekorekten4j.http.CacheFixtures.search;
import static io.nekorekten4j.http.CacheFixtures.searches;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.nekorekten4j.cache.CacheOptions;
import io.nekorekten4j.domain.Attachment;
import io.nekorekten4j.domain.City;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.ReportPatch;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchMode;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.http.CacheFixtures.Item;
import io.nekorekten4j.ports.ServiceUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The result cache, seen from outside: what a second call costs (WireMock counts the requests),
 * when entries expire on the client's virtual clock, that failures are never kept, and that a
 * write through the client drops exactly the searches it can affect.
 */
@Timeout(60)
class CacheTest {

    @RegisterExtension
    static WireMockExtension service = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private static final SearchCriteria BY_PHONE = SearchCriteria.builder().phone(PHONE).build();
    private static final SearchCriteria BY_OTHER_PHONE = SearchCriteria.builder().phone(OTHER_PHONE).build();
    private static final ReportId FIRST = ReportId.of(id(1));
    private static final ReportId SECOND = ReportId.of(id(2));

    private final VirtualTime sleeper = VirtualTime.startingAt(Instant.now());
    private final List<NekorektenHttp> clients = new ArrayList<>();

    @AfterEach
    void close() {
        clients.forEach(NekorektenHttp::close);
    }

    private NekorektenHttp api(CacheOptions cache) {
        NekorektenHttp api = CacheFixtures.client(service, sleeper, cache);
        clients.add(api);
        return api;
    }

    private static void stubBothPhones() {
        service.stubFor(search("phone", PHONE, "searchMode", "all").willReturn(okJson(answer(Item.phone(1, PHONE)))));
        service.stubFor(search("phone", OTHER_PHONE, "searchMode", "all")
                .willReturn(okJson(answer(Item.phone(2, OTHER_PHONE)))));
    }

    // ---- hits, misses, expiry ----------------------------------------------------------------

    @Test
    void anIdenticalSearchWithinTheTtlIsAnsweredWithoutARequestAndEqualsTheFreshAnswer() {
        stubBothPhones();
        NekorektenHttp api = api(CacheOptions.defaults());

        SearchResult fresh = api.search(BY_PHONE);
        SearchResult cached = api.search(SearchCriteria.builder().phone("+359 88 812 3456").build());

        assertThat(searches(service)).isEqualTo(1);
        assertThat(cached).isEqualTo(fresh);
        assertThat(cached.hits().get(0).matchedBy()).isEqualTo(fresh.hits().get(0).matchedBy());
    }

    @Test
    void aSearchIsSentAgainOnceItsTtlHasPassedOnTheClientsClock() {
        stubBothPhones();
        NekorektenHttp api = api(CacheOptions.builder().searchTtl(Duration.ofMinutes(10)).build());

        api.search(BY_PHONE);
        // A millisecond short: Caffeine keeps write times to an even nanosecond.
        sleeper.advance(Duration.ofMinutes(10).minusMillis(1));
        api.search(BY_PHONE);
        assertThat(searches(service)).as("just before the TTL").isEqualTo(1);

        sleeper.advance(Duration.ofMillis(1));
        api.search(BY_PHONE);
        assertThat(searches(service)).as("at the TTL").isEqualTo(2);

        api.search(BY_PHONE);
        assertThat(searches(service)).as("the new answer is cached again").isEqualTo(2);
    }

    @Test
    void differentCriteriaAreDifferentEntries() {
        stubBothPhones();
        service.stubFor(search("phone", PHONE, "searchMode", "one-of").willReturn(okJson(answer(Item.phone(1, PHONE)))));
        service.stubFor(search("phone", PHONE, "page", "2").willReturn(okJson(emptyPage(2))));
        NekorektenHttp api = api(CacheOptions.defaults());

        api.search(BY_PHONE);
        api.search(BY_OTHER_PHONE);
        api.search(BY_PHONE.toBuilder().page(2).build());

        assertThat(searches(service)).isEqualTo(3);
    }

    @Test
    void aSiteTypedDifferentlyIsADifferentRequestEvenThoughTheCriteriaAreEqual() {
        service.stubFor(get(urlPathEqualTo(CacheFixtures.REPORTS)).willReturn(okJson(answer())));
        NekorektenHttp api = api(CacheOptions.defaults());
        SearchCriteria typed = SearchCriteria.builder().site("https://www.shop.bg/").build();
        SearchCriteria bare = SearchCriteria.builder().site("shop.bg").build();
        assertThat(typed).isEqualTo(bare);

        api.search(typed);
        api.search(bare);
        api.search(bare);

        assertThat(searches(service)).isEqualTo(2);
    }

    @Test
    void theSizeBoundEvictsSearches() {
        stubBothPhones();
        NekorektenHttp api = api(CacheOptions.builder().maximumSize(1).build());

        api.search(BY_PHONE);
        api.search(BY_OTHER_PHONE);
        api.search(BY_PHONE);

        assertThat(searches(service)).isEqualTo(3);
        // Not both are kept (the exact count is ResultCacheTest's, in nekorekten4j-cache).
        api.search(BY_PHONE);
        api.search(BY_OTHER_PHONE);
        assertThat(searches(service)).isGreaterThanOrEqualTo(4);
    }

    // ---- failures and the off switch ---------------------------------------------------------

    @Test
    void aFailureIsNeverCachedSoTheNextCallAsksAgain() {
        service.stubFor(search("phone", PHONE).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503).withBody("busy")).willSetStateTo("up"));
        service.stubFor(search("phone", PHONE).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson(answer(Item.phone(1, PHONE)))));
        NekorektenHttp api = api(CacheOptions.defaults());

        assertThatThrownBy(() -> api.search(BY_PHONE)).isInstanceOf(ServiceUnavailableException.class);
        SearchResult second = api.search(BY_PHONE);
        SearchResult third = api.search(BY_PHONE);

        assertThat(searches(service)).isEqualTo(2);
        assertThat(second.hits()).hasSize(1);
        assertThat(third).isEqualTo(second);
    }

    @Test
    void withTheCacheOffEveryCallIsARequest() {
        stubBothPhones();
        service.stubFor(get(urlPathEqualTo(CacheFixtures.CITIES)).willReturn(okJson(CacheFixtures.cities())));
        NekorektenHttp api = api(CacheOptions.disabled());

        api.search(BY_PHONE);
        api.search(BY_PHONE);
        api.cities();
        api.cities();

        assertThat(searches(service)).isEqualTo(2);
        assertThat(citiesCalls(service)).isEqualTo(2);
    }

    @Test
    void aZeroSearchTtlSendsEverySearchButStillCachesTheCities() {
        stubBothPhones();
        service.stubFor(get(urlPathEqualTo(CacheFixtures.CITIES)).willReturn(okJson(CacheFixtures.cities())));
        NekorektenHttp api = api(CacheOptions.builder().searchTtl(Duration.ZERO).build());

        api.search(BY_PHONE);
        api.search(BY_PHONE);
        api.cities();
        api.cities();

        assertThat(searches(service)).isEqualTo(2);
        assertThat(citiesCalls(service)).isEqualTo(1);
    }

    // ---- cities and uploads ------------------------------------------------------------------

    @Test
    void theCitiesAreCachedForTheirOwnTtl() {
        stubBothPhones();
        service.stubFor(get(urlPathEqualTo(CacheFixtures.CITIES)).willReturn(okJson(CacheFixtures.cities())));
        NekorektenHttp api = api(CacheOptions.defaults());

        List<City> first = api.cities();
        api.search(BY_PHONE);
        sleeper.advance(Duration.ofHours(23));
        List<City> later = api.cities();
        api.search(BY_PHONE);

        assertThat(citiesCalls(service)).as("cities within 24 h").isEqualTo(1);
        assertThat(searches(service)).as("the search expired after 10 minutes").isEqualTo(2);
        assertThat(later).containsExactlyElementsOf(first);

        sleeper.advance(Duration.ofHours(1));
        api.cities();
        assertThat(citiesCalls(service)).as("cities after 24 h").isEqualTo(2);
    }

    @Test
    void theCachedCitiesCannotBeChangedByACaller() {
        service.stubFor(get(urlPathEqualTo(CacheFixtures.CITIES)).willReturn(okJson(CacheFixtures.cities())));
        NekorektenHttp api = api(CacheOptions.defaults());

        List<City> handedOut = api.cities();

        assertThatThrownBy(handedOut::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThat(api.cities()).hasSize(2);
    }

    @Test
    void uploadsAndWritesAreNeverCached() {
        service.stubFor(post("/api/v1/files").willReturn(okJson("[\"file0000001\"]")));
        service.stubFor(delete(urlPathEqualTo("/api/v1/reports/" + id(1))).willReturn(okJson("{\"message\":\"ok\"}")));
        NekorektenHttp api = api(CacheOptions.defaults());
        Attachment pdf = Attachment.of("a.pdf", "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII));

        api.upload(List.of(pdf));
        api.upload(List.of(pdf));
        api.delete(FIRST);
        api.delete(FIRST);

        assertThat(service.findAll(anyRequestedFor(anyUrl()))).hasSize(4);
    }

    // ---- invalidation by writes --------------------------------------------------------------

    @Test
    void aCreateDropsTheSearchesItsReportCouldMatchAndKeepsTheOthers() {
        stubBothPhones();
        service.stubFor(post(CacheFixtures.REPORTS).willReturn(okJson("{\"message\":\"ok\"}")));
        NekorektenHttp api = api(CacheOptions.defaults());
        api.search(BY_PHONE);
        api.search(BY_OTHER_PHONE);

        api.create(ReportDraft.builder().text("Отказа пратка.").phone("0888 123 456").build());
        api.search(BY_PHONE);
        api.search(BY_OTHER_PHONE);

        assertThat(searches(service)).as("only the search for the created phone is sent again").isEqualTo(3);
    }

    @Test
    void aCreateWithANameDropsEveryNameSearchBecauseTheServicesNameRuleIsUnknown() {
        service.stubFor(search("name", "Петров").willReturn(okJson(answer())));
        service.stubFor(search("email", EMAIL).willReturn(okJson(answer())));
        service.stubFor(post(CacheFixtures.REPORTS).willReturn(okJson("{\"message\":\"ok\"}")));
        NekorektenHttp api = api(CacheOptions.defaults());
        SearchCriteria byName = SearchCriteria.builder().name("Петров").build();
        SearchCriteria byEmail = SearchCriteria.builder().email(EMAIL).build();
        api.search(byName);
        api.search(byEmail);

        api.create(ReportDraft.builder().text("Отказа пратка.").phone("0888 123 456").firstName("Петър").build());
        api.search(byName);
        api.search(byEmail);

        assertThat(searches(service)).isEqualTo(3);
    }

    @Test
    void anUpdateDropsTheSearchesShowingTheReportAndKeepsTheOthers() {
        stubBothPhones();
        service.stubFor(patch(urlPathEqualTo("/api/v1/reports/" + FIRST.value())).willReturn(okJson("{\"message\":\"ok\"}")));
        NekorektenHttp api = api(CacheOptions.defaults());
        api.search(BY_PHONE);
        api.search(BY_OTHER_PHONE);

        api.update(FIRST, ReportPatch.builder().text("Пратката е потърсена.").build());
        api.search(BY_PHONE);
        api.search(BY_OTHER_PHONE);

        assertThat(searches(service)).isEqualTo(3);
    }

    @Test
    void anUpdateDropsTheSearchesItsNewFieldsCouldMatch() {
        stubBothPhones();
        service.stubFor(patch(urlPathEqualTo("/api/v1/reports/" + FIRST.value())).willReturn(okJson("{\"message\":\"ok\"}")));
        NekorektenHttp api = api(CacheOptions.defaults());
        api.search(BY_OTHER_PHONE);

        api.update(FIRST, ReportPatch.builder().phone(OTHER_PHONE).build());
        api.search(BY_OTHER_PHONE);

        assertThat(searches(service)).as("the report may now be found by its new phone").isEqualTo(2);
    }

    @Test
    void anUpdateOrDeleteDropsAnswersThatMayHideTheReportOnAnotherPage() {
        service.stubFor(search("phone", PHONE).willReturn(okJson(fixture("search-page-2-of-25.json"))));
        service.stubFor(delete(urlPathEqualTo("/api/v1/reports/" + SECOND.value())).willReturn(okJson("{\"message\":\"ok\"}")));
        NekorektenHttp api = api(CacheOptions.defaults());
        SearchCriteria pageTwo = BY_PHONE.toBuilder().page(2).build();
        api.search(pageTwo);
        api.search(pageTwo);
        assertThat(searches(service)).isEqualTo(1);

        api.delete(SECOND);
        api.search(pageTwo);

        assertThat(searches(service)).isEqualTo(2);
    }

    @Test
    void aDeleteDropsTheSearchesShowingTheReportAndKeepsTheOthers() {
        stubBothPhones();
        service.stubFor(delete(urlPathEqualTo("/api/v1/reports/" + SECOND.value())).willReturn(okJson("{\"message\":\"ok\"}")));
        NekorektenHttp api = api(CacheOptions.defaults());
        api.search(BY_PHONE);
        api.search(BY_OTHER_PHONE);

        api.delete(SECOND);
        api.search(BY_PHONE);
        api.search(BY_OTHER_PHONE);

        assertThat(searches(service)).isEqualTo(3);
    }

    @Test
    void aFailedWriteStillDropsWhatItCouldHaveChangedBecauseItMayHaveReachedTheService() {
        stubBothPhones();
        service.stubFor(post(CacheFixtures.REPORTS).willReturn(aResponse().withStatus(502).withBody("bad gateway")));
        NekorektenHttp api = api(CacheOptions.defaults());
        api.search(BY_PHONE);

        assertThatThrownBy(() -> api.create(ReportDraft.builder().text("Отказа пратка.").phone(PHONE).build()))
                .isInstanceOf(ServiceUnavailableException.class);
        api.search(BY_PHONE);

        assertThat(searches(service)).isEqualTo(2);
    }

    @Test
    void aWriteDoesNotDropTheCities() {
        service.stubFor(get(urlPathEqualTo(CacheFixtures.CITIES)).willReturn(okJson(CacheFixtures.cities())));
        service.stubFor(delete(urlPathEqualTo("/api/v1/reports/" + FIRST.value())).willReturn(okJson("{\"message\":\"ok\"}")));
        NekorektenHttp api = api(CacheOptions.defaults());

        api.cities();
        api.delete(FIRST);
        api.cities();

        assertThat(citiesCalls(service)).isEqualTo(1);
    }

    @Test
    void theBuilderRejectsANullCache() {
        assertThatThrownBy(() -> NekorektenHttp.builder().cache(null)).hasMessage("cache");
        assertThatThrownBy(() -> NekorektenHttp.builder().cacheStore(null)).hasMessage("cacheStore");
    }

    @Test
    void aOneOfSearchIsCachedUnderItsOwnModeToo() {
        service.stubFor(search("phone", PHONE, "email", EMAIL, "searchMode", "one-of")
                .willReturn(okJson(answer(Item.phone(1, PHONE)))));
        NekorektenHttp api = api(CacheOptions.defaults());
        SearchCriteria oneOf = SearchCriteria.builder().phone(PHONE).email(EMAIL).mode(SearchMode.ONE_OF).build();

        api.search(oneOf);
        api.search(oneOf);

        assertThat(searches(service)).isEqualTo(1);
    }
}
