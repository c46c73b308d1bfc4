package io.nekorekten4j.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.client;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.fixture;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.randomKey;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.transport;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.nekorekten4j.domain.Attachment;
import io.nekorekten4j.domain.FileId;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.ReportPatch;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What goes on the wire, on both transports: headers, query encoding, paths, JSON bodies, multipart parts. */
class RequestShapeTest {

    @RegisterExtension
    static WireMockExtension service = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private final String key = randomKey();
    private NekorektenHttp api;

    private NekorektenHttp api(String transportKind) {
        api = client(service.baseUrl(), key, transport(transportKind), VirtualTime.startingAt(Instant.now())).build();
        return api;
    }

    @AfterEach
    void close() {
        if (api != null) {
            api.close();
        }
    }

    private static LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = service.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private static void answerSearches() {
        service.stubFor(get(urlPathEqualTo("/api/v1/reports")).willReturn(okJson(fixture("search-live.json"))));
        // The client checks that an answer is for the page asked: page 2 says it is page 2.
        service.stubFor(get(urlPathEqualTo("/api/v1/reports")).withQueryParam("page", equalTo("2"))
                .willReturn(okJson(fixture("search-page-2-of-25.json"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void everyRequestCarriesTheApiKeyTheUserAgentAndAcceptsJson(String transportKind) {
        answerSearches();

        api(transportKind).search(SearchCriteria.builder().phone("0888 123 456").build());

        service.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/reports"))
                .withHeader("Api-Key", equalTo(key))
                .withHeader("User-Agent", matching("nekorekten4j/[A-Za-z0-9._+-]+ Java/[A-Za-z0-9._+-]+"))
                .withHeader("Accept", equalTo("application/json")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void queryValuesWithReservedCharactersSpacesAndCyrillicArriveExactly(String transportKind) {
        answerSearches();
        String email = "a&b=c#d%e+f@abv.bg";
        String name = "Иван Петров";
        String site = "https://shop.bg/p?a=1&b=2#frag";

        api(transportKind).search(SearchCriteria.builder().phone("0888 123 456").email(email).name(name).site(site)
                .mode(SearchMode.ONE_OF).build());

        LoggedRequest request = onlyRequest();
        assertThat(request.getUrl()).isEqualTo("/api/v1/reports?phone=359888123456"
                + "&email=a%26b%3Dc%23d%25e%2Bf%40abv.bg"
                + "&name=%D0%98%D0%B2%D0%B0%D0%BD%20%D0%9F%D0%B5%D1%82%D1%80%D0%BE%D0%B2"
                + "&siteUrl=https%3A%2F%2Fshop.bg%2Fp%3Fa%3D1%26b%3D2%23frag"
                + "&searchMode=one-of");
        assertThat(request.queryParameter("email").firstValue()).isEqualTo(email);
        assertThat(request.queryParameter("name").firstValue()).isEqualTo(name);
        assertThat(request.queryParameter("siteUrl").firstValue()).isEqualTo(site);
        assertThat(request.queryParameter("phone").firstValue()).isEqualTo("359888123456");
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void onlyTheGivenFiltersAreSentWithTheModesWireValue(String transportKind) {
        answerSearches();
        NekorektenHttp client = api(transportKind);

        client.search(SearchCriteria.builder().name("Иван").build());
        client.search(SearchCriteria.builder().site("shop.bg").mode(SearchMode.ONE_OF).page(2).build());

        List<Map<String, String>> queries = service.findAll(getRequestedFor(urlPathEqualTo("/api/v1/reports"))).stream()
                .map(r -> r.getQueryParams().keySet().stream()
                        .collect(Collectors.toMap(k -> k, k -> r.queryParameter(k).firstValue())))
                .toList();
        assertThat(queries).containsExactly(
                Map.of("name", "Иван", "searchMode", "all"),
                Map.of("siteUrl", "shop.bg", "searchMode", "one-of", "page", "2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aCreateSendsExactlyTheGivenFieldsAsJson(String transportKind) {
        service.stubFor(post("/api/v1/reports").willReturn(okJson("{\"message\":\"ok\",\"server\":{\"httpCode\":200}}")));
        ReportDraft draft = ReportDraft.builder()
                .text("Отказа пратка с наложен платеж.")
                .phone("0888 123 456")
                .email("Ivan@ABV.bg")
                .siteUrl("shop.bg")
                .facebookUrl("https://facebook.com/ivan.ivanov")
                .firstName("Иван").lastName("Иванов")
                .files(FileId.of("aB1"), FileId.of("cD2"))
                .cityId(12)
                .build();

        api(transportKind).create(draft);

        service.verify(1, postRequestedFor(urlEqualTo("/api/v1/reports"))
                .withHeader("Content-Type", matching("application/json.*"))
                .withRequestBody(equalToJson("""
                        {"text": "Отказа пратка с наложен платеж.", "phone": "359888123456", "email": "ivan@abv.bg",
                         "siteUrl": "shop.bg", "facebookUrl": "https://facebook.com/ivan.ivanov",
                         "firstName": "Иван", "lastName": "Иванов", "files": ["aB1", "cD2"], "cityID": 12}""",
                        false, false)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aPatchSendsOnlyWhatItChangesToTheEncodedReportPath(String transportKind) {
        service.stubFor(any(anyUrl()).willReturn(okJson("{\"message\":\"ok\"}")));

        api(transportKind).update(ReportId.of("0obgyGbp1Ms"), ReportPatch.builder().text("Уточнение.").build());

        service.verify(1, patchRequestedFor(urlEqualTo("/api/v1/reports/0obgyGbp1Ms"))
                .withRequestBody(equalToJson("{\"text\": \"Уточнение.\"}", false, false)));
        assertThat(onlyRequest().getBodyAsString()).doesNotContain("null");
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aDeleteGoesToTheReportPathWithoutBody(String transportKind) {
        service.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));

        api(transportKind).delete(ReportId.of("a-B_9"));

        service.verify(1, deleteRequestedFor(urlEqualTo("/api/v1/reports/a-B_9")).withHeader("Api-Key", equalTo(key)));
        assertThat(onlyRequest().getBody()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void anUploadSendsOneFilesPartPerAttachmentWithItsNameTypeAndBytes(String transportKind) {
        service.stubFor(post("/api/v1/files").willReturn(okJson("[\"f1\",\"f2\"]")));
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3};
        byte[] pdf = "%PDF-1.7 съдържание".getBytes(StandardCharsets.UTF_8);

        List<FileId> ids = api(transportKind).upload(List.of(Attachment.of("bill.jpg", jpeg), Attachment.of("договор.pdf", pdf)));

        assertThat(ids).containsExactly(FileId.of("f1"), FileId.of("f2"));
        LoggedRequest request = onlyRequest();
        assertThat(request.getHeader("Content-Type")).startsWith("multipart/form-data");
        assertThat(request.getParts()).hasSize(2);
        assertThat(request.getParts()).allSatisfy(p -> assertThat(p.getName()).isEqualTo("files[]"));
        List<com.github.tomakehurst.wiremock.http.Request.Part> parts = List.copyOf(request.getParts());
        assertThat(parts.get(0).getHeader("Content-Disposition").firstValue()).contains("filename=\"bill.jpg\"");
        assertThat(parts.get(0).getHeader("Content-Type").firstValue()).isEqualTo("image/jpeg");
        assertThat(parts.get(0).getBody().asBytes()).isEqualTo(jpeg);
        assertThat(parts.get(1).getHeader("Content-Type").firstValue()).isEqualTo("application/pdf");
        assertThat(parts.get(1).getBody().asBytes()).isEqualTo(pdf);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void citiesAreAPlainGet(String transportKind) {
        service.stubFor(get("/api/v1/cities").willReturn(okJson("[{\"id\":1,\"name\":\"София\"}]")));

        assertThat(api(transportKind).cities()).hasSize(1);

        service.verify(1, getRequestedFor(urlEqualTo("/api/v1/cities")).withHeader("Api-Key", equalTo(key)));
    }
}
