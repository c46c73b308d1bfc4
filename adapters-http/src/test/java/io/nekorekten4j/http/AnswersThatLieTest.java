package io.nekorekten4j.http;

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
import io.nekorekten4j.ports.UnexpectedResponseException;
import io.nekorekten4j.ports.screening.Screening;
import io.nekorekten4j.ports.screening.ScreeningResult;
import io.nekorekten4j.ports.screening.Verdict;
import io.nekorekten4j.ports.screening.Buyer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Over the wire, on both transports: a page is never taken for the whole answer, nor for another page. */
@Timeout(60)
class AnswersThatLieTest {

    @RegisterExtension
    static WireMockExtension service = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private final List<NekorektenHttp> clients = new ArrayList<>();

    @AfterEach
    void close() {
        clients.forEach(NekorektenHttp::close);
    }

    private NekorektenHttp api(String transportKind) {
        NekorektenHttp api = client(service.baseUrl(), randomKey(), transport(transportKind), VirtualTime.startingAt(Instant.now()))
                .retry(RetryOptions.disabled()).build();
        clients.add(api);
        return api;
    }

    /** A page of {@code items} reports; {@code count} and {@code currentPage} only when given. */
    private static String page(int items, Integer count, Integer currentPage) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < items; i++) {
            list.append(i == 0 ? "" : ",").append("{\"id\":\"Item").append(String.format("%06d", i))
                    .append("\",\"phone\":\"+359888123456\"}");
        }
        return "{\"message\":null,\"items\":[" + list + "]" + (count == null ? "" : ",\"count\":" + count)
                + (currentPage == null ? "" : ",\"currentPage\":" + currentPage)
                + ",\"itemsPerPage\":20,\"server\":{\"date\":\"2026-02-27 20:22:33\",\"httpCode\":200}}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aServiceThatIgnoresPageEndsAPagingLoopWithAnErrorInsteadOfLoopingForEver(String transportKind) {
        service.stubFor(get(urlPathEqualTo("/api/v1/reports")).willReturn(okJson(page(20, 45, 1))));
        NekorektenHttp api = api(transportKind);
        SearchCriteria first = SearchCriteria.builder().phone("0888 123 456").build();

        SearchResult one = api.search(first);
        assertThat(one.morePages()).isEqualTo(SearchResult.MorePages.YES);
        assertThatThrownBy(() -> api.search(SearchCriteria.builder().phone("0888 123 456").page(2).build()))
                .isInstanceOf(UnexpectedResponseException.class)
                .hasMessageContaining("the answer is for page 1, not page 2 as asked");
        service.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/reports")).withQueryParam("page",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("2")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aFullPageWithoutCountIsNotCompleteAndScreeningSaysFoundWithoutInventingATotal(String transportKind) {
        service.stubFor(get(urlPathEqualTo("/api/v1/reports")).willReturn(okJson(page(20, null, 1))));
        NekorektenHttp api = api(transportKind);

        SearchResult result = api.search(SearchCriteria.builder().phone("0888 123 456").build());
        ScreeningResult screened = Screening.of(api).screen(Buyer.builder().phone("0888 123 456").build());

        assertThat(result.totalCount()).isEmpty();
        assertThat(result.morePages()).isEqualTo(SearchResult.MorePages.UNKNOWN);
        assertThat(screened.verdict()).isEqualTo(Verdict.FOUND);
        assertThat(screened.totalCount()).isEmpty();
        assertThat(screened.minimumCount()).isEqualTo(20);
        assertThat(screened.mayHaveMoreReports()).isTrue();
    }
}
