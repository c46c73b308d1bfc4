package io.nekorekten4j.http;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.client;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.randomKey;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.transport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchResult;

import io.nekorekten4j.ports.QuotaPlan;
import io.nekorekten4j.ports.UnexpectedResponseException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13 item 10 on the HTTP adapter, both transports: {@code searchPages} sends one request per
 * page (each through the quota gate), stops at the total, and refuses a service that repeats a page.
 */
@Timeout(60)
class SearchPagesHttpTest {

    @RegisterExtension
    static WireMockExtension service = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private static final SearchCriteria CRITERIA = SearchCriteria.builder().phone("0888 123 456").build();

    private final VirtualTime sleeper = VirtualTime.create();
    private NekorektenHttp api;

    @AfterEach
    void close() {
        if (api != null) {
            api.close();
        }
    }

    private NekorektenHttp api(String kind, QuotaPlan plan) {
        api = client(service.baseUrl(), randomKey(), transport(kind), sleeper).quota(plan)
                .permitWaitTimeout(java.time.Duration.ofMinutes(2)).callTimeout(java.time.Duration.ofMinutes(3)).build();
        return api;
    }

    /** The live answer's shape: page {@code page} of {@code items} reports, {@code count} as given ({@code null}: absent). */
    private static String page(int page, int items, Integer count) {
        String reports = IntStream.range(0, items).mapToObj(i -> """
                {"id": "p%dr%d", "firstName": "Не**", "lastName": null, "email": null, "phone": "+359888123456",
                 "text": "Не потърси пратката.", "facebookUrl": null, "siteUrl": null, "siteUrlMapped": null,
                 "user": null, "city": null, "parent": null, "children": [], "categories": [], "files": [],
                 "createDate": "2025-01-11T21:22:21+00:00", "views": 1, "liked": 0,
                 "visibleOnlyForCreator": false, "isArchived": false}""".formatted(page, i))
                .collect(Collectors.joining(",\n"));
        return """
                {"message": null, "items": [%s], %s "currentPage": %d, "itemsPerPage": 20,
                 "server": {"date": "2026-02-27 20:22:33", "httpCode": 200}}"""
                .formatted(reports, count == null ? "" : "\"count\": " + count + ",", page);
    }

    private static void stubPage(int page, String body) {
        service.stubFor(get(urlPathEqualTo("/api/v1/reports"))
                .withQueryParam("page", page == 1 ? absent() : equalTo(Integer.toString(page)))
                .willReturn(okJson(body)));
    }

    private static List<String> pagesAsked() {
        return service.findAll(getRequestedFor(urlPathEqualTo("/api/v1/reports"))).stream()
                .map(r -> r.getQueryParams().containsKey("page") ? r.queryParameter("page").firstValue() : "1")
                .toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void everyPageIsOneRequestAndOnePermitAndTheTotalEndsThePaging(String kind) {
        stubPage(1, page(1, 20, 45));
        stubPage(2, page(2, 20, 45));
        stubPage(3, page(3, 5, 45));
        api(kind, QuotaPlan.perMinute(100_000));

        List<SearchResult> pages = api.searchPages(CRITERIA).stream().toList();

        assertThat(pages).extracting(SearchResult::page).containsExactly(1, 2, 3);
        assertThat(api.searchPages(CRITERIA).hits().count()).isEqualTo(45);
        assertThat(pagesAsked()).containsExactly("1", "2", "3", "1", "2", "3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void eachPageWaitsForItsOwnQuotaPermit(String kind) {
        stubPage(1, page(1, 20, 45));
        stubPage(2, page(2, 20, 45));
        stubPage(3, page(3, 5, 45));
        api(kind, QuotaPlan.perMinute(1));

        assertThat(api.searchPages(CRITERIA).stream().count()).isEqualTo(3);

        // One permit a minute: the second and third pages each waited (on the test's clock) for theirs.
        assertThat(sleeper.slept()).isGreaterThanOrEqualTo(java.time.Duration.ofSeconds(110));
        assertThat(pagesAsked()).containsExactly("1", "2", "3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void withoutATotalAFullLastPageCostsOneMoreRequestForTheEmptyPageThatEndsIt(String kind) {
        stubPage(1, page(1, 20, null));
        stubPage(2, page(2, 20, null));
        stubPage(3, page(3, 0, null));
        api(kind, QuotaPlan.perMinute(100_000));

        assertThat(api.searchPages(CRITERIA).stream().map(SearchResult::page).toList()).containsExactly(1, 2);
        assertThat(pagesAsked()).containsExactly("1", "2", "3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aServiceThatRepeatsAPageIsRefusedAfterTwoRequests(String kind) {
        // Page 2 (and any later one) claims to be the page asked for, but holds page 1's reports again.
        String first = page(1, 20, null);
        stubPage(1, first);
        for (int p = 2; p <= 4; p++) {
            stubPage(p, first.replace("\"currentPage\": 1", "\"currentPage\": " + p));
        }
        api(kind, QuotaPlan.perMinute(100_000));

        assertThatThrownBy(() -> api.searchPages(CRITERIA).stream().toList())
                .isInstanceOf(UnexpectedResponseException.class)
                .hasMessageContaining("Page 2").hasMessageContaining("repeated a page");
        assertThat(pagesAsked()).containsExactly("1", "2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aServiceThatIgnoresThePageAskedForIsRefusedByTheAdapterAtTheSecondRequest(String kind) {
        // What an unknown page parameter gets from a service: page 1, saying so.
        service.stubFor(get(urlPathEqualTo("/api/v1/reports")).willReturn(okJson(page(1, 20, null))));
        api(kind, QuotaPlan.perMinute(100_000));

        assertThatThrownBy(() -> api.searchPages(CRITERIA).stream().toList())
                .isInstanceOf(UnexpectedResponseException.class).hasMessageContaining("page 1, not page 2");
        assertThat(pagesAsked()).containsExactly("1", "2");
    }
}
