package io.nekorekten4j.http;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.nekorekten4j.http.CacheFixtures.EMAIL;
import static io.nekorekten4j.http.CacheFixtures.NAME;
import static io.nekorekten4j.http.CacheFixtures.OTHER_PHONE;
import static io.nekorekten4j.http.CacheFixtures.PHONE;
import static io.nekorekten4j.http.CacheFixtures.SITE;
import static io.nekorekten4j.http.CacheFixtures.answer;
import static io.nekorekten4j.http.CacheFixtures.id;
import static io.nekorekten4j.http.CacheFixtures.search;
import static io.nekorekten4j.http.CacheFixtures.searches;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.nekorekten4j.cache.CacheOptions;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchMode;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.http.CacheFixtures.Item;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Subset answers through the client: served from a cached {@code ONE_OF} answer without a request
 * when it decides the subset — and then equal to what the service answers fresh — and a real request
 * whenever it does not.
 */
@Timeout(60)
class SubsetAnswersClientTest {

    @RegisterExtension
    static WireMockExtension service = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private static final String MASKED_EMAIL = "iv**@abv.bg";
    private static final SearchCriteria PHONE_OR_EMAIL =
            SearchCriteria.builder().phone(PHONE).email(EMAIL).mode(SearchMode.ONE_OF).build();
    private static final SearchCriteria BY_PHONE = SearchCriteria.builder().phone(PHONE).build();
    private static final SearchCriteria BY_EMAIL = SearchCriteria.builder().email(EMAIL).build();
    private static final Item MINE = Item.phone(1, "+" + PHONE).withEmail(MASKED_EMAIL);
    private static final Item SOMEONE_ELSES = Item.phone(2, "+" + OTHER_PHONE).withEmail("iv***@abv.bg");

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

    private static void stubPhoneOrEmail(String body) {
        service.stubFor(search("phone", PHONE, "email", EMAIL, "searchMode", "one-of").willReturn(okJson(body)));
    }

    @Test
    void aDecidableSubsetIsAnsweredWithoutARequestAndEqualsTheFreshAnswer() {
        stubPhoneOrEmail(answer(MINE, SOMEONE_ELSES));
        service.stubFor(search("phone", PHONE, "searchMode", "all").willReturn(okJson(answer(MINE))));
        NekorektenHttp api = api(CacheOptions.defaults());
        api.search(PHONE_OR_EMAIL);

        SearchResult derived = api.search(BY_PHONE);

        assertThat(searches(service)).as("no request for the subset").isEqualTo(1);
        SearchResult fresh = api(CacheOptions.disabled()).search(BY_PHONE);
        assertThat(derived).isEqualTo(fresh);
        assertThat(derived.hits()).hasSize(1);
        assertThat(derived.hits().get(0).matchedBy()).isEqualTo(fresh.hits().get(0).matchedBy());
    }

    @Test
    void aSubsetWhoseOnlyLinkIsCompatibleWithTheMaskIsSent() {
        stubPhoneOrEmail(answer(MINE));
        service.stubFor(search("email", EMAIL).willReturn(okJson(answer(MINE))));
        NekorektenHttp api = api(CacheOptions.defaults());
        api.search(PHONE_OR_EMAIL);

        api.search(BY_EMAIL);

        assertThat(searches(service)).isEqualTo(2);
    }

    @Test
    void aSubsetWithAnUndecidableEmptyMatchedByIsSent() {
        SearchCriteria nameOrSite = SearchCriteria.builder().name(NAME).site(SITE).mode(SearchMode.ONE_OF).build();
        service.stubFor(search("siteUrl", SITE, "searchMode", "one-of")
                .willReturn(okJson(answer(Item.phone(1, null).withName("Иванка", null).withSite("other.bg")))));
        service.stubFor(search("name", NAME).withQueryParam("siteUrl", absent()).willReturn(okJson(answer())));
        NekorektenHttp api = api(CacheOptions.defaults());
        SearchResult cached = api.search(nameOrSite);
        assertThat(cached.hits().get(0).matchedBy()).isEmpty();

        api.search(SearchCriteria.builder().name(NAME).build());

        assertThat(searches(service)).isEqualTo(2);
    }

    @Test
    void anIncompleteCachedAnswerAnswersNoSubset() {
        stubPhoneOrEmail(answer(25, MINE));
        service.stubFor(search("phone", PHONE, "searchMode", "all").willReturn(okJson(answer(MINE))));
        NekorektenHttp api = api(CacheOptions.defaults());
        api.search(PHONE_OR_EMAIL);

        api.search(BY_PHONE);

        assertThat(searches(service)).isEqualTo(2);
    }

    @Test
    void aSecondPageIsNeverAnsweredFromASubset() {
        stubPhoneOrEmail(answer(MINE));
        service.stubFor(search("phone", PHONE, "page", "2").willReturn(okJson(CacheFixtures.emptyPage(2))));
        NekorektenHttp api = api(CacheOptions.defaults());
        api.search(PHONE_OR_EMAIL);

        api.search(BY_PHONE.toBuilder().page(2).build());

        assertThat(searches(service)).isEqualTo(2);
    }

    @Test
    void withSubsetAnswersOffTheSubsetIsSent() {
        stubPhoneOrEmail(answer(MINE));
        service.stubFor(search("phone", PHONE, "searchMode", "all").willReturn(okJson(answer(MINE))));
        NekorektenHttp api = api(CacheOptions.builder().subsetAnswers(false).build());
        api.search(PHONE_OR_EMAIL);

        api.search(BY_PHONE);

        assertThat(searches(service)).isEqualTo(2);
    }

    @Test
    void aSubsetIsNeverAnsweredFromAnExpiredEntry() {
        stubPhoneOrEmail(answer(MINE));
        service.stubFor(search("phone", PHONE, "searchMode", "all").willReturn(okJson(answer(MINE))));
        NekorektenHttp api = api(CacheOptions.defaults());
        api.search(PHONE_OR_EMAIL);
        sleeper.advance(Duration.ofMinutes(10));

        api.search(BY_PHONE);

        assertThat(searches(service)).isEqualTo(2);
    }

    @Test
    void aSubsetIsNeverAnsweredFromAnEntryAWriteDropped() {
        stubPhoneOrEmail(answer(MINE));
        service.stubFor(search("phone", PHONE, "searchMode", "all").willReturn(okJson(answer())));
        service.stubFor(delete(urlPathEqualTo("/api/v1/reports/" + id(1))).willReturn(okJson("{\"message\":\"ok\"}")));
        NekorektenHttp api = api(CacheOptions.defaults());
        api.search(PHONE_OR_EMAIL);

        api.delete(ReportId.of(id(1)));
        SearchResult after = api.search(BY_PHONE);

        assertThat(searches(service)).isEqualTo(2);
        assertThat(after.hits()).isEmpty();
    }

    @Test
    void aSubsetAnswerIsNotCachedSoItNeverOutlivesItsSource() {
        stubPhoneOrEmail(answer(MINE));
        service.stubFor(search("phone", PHONE, "searchMode", "all").willReturn(okJson(answer(MINE))));
        NekorektenHttp api = api(CacheOptions.defaults());
        api.search(PHONE_OR_EMAIL);
        sleeper.advance(Duration.ofMinutes(9));
        api.search(BY_PHONE);
        assertThat(searches(service)).isEqualTo(1);

        sleeper.advance(Duration.ofMinutes(1));
        api.search(BY_PHONE);

        assertThat(searches(service)).as("the source expired at 10 minutes").isEqualTo(2);
    }
}
