package io.nekorekten4j.http;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.client;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.fixture;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.randomKey;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.transport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The caller is identified on the wire: library version, Java version and the application's suffix. */
class UserAgentTest {

    @RegisterExtension
    static WireMockExtension service = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    /** Set by the module's pom from the project's version: what the built resource must say. */
    private static final String VERSION = System.getProperty("nekorekten4j.expected.version");
    private static final String JAVA = System.getProperty("java.version");

    private final List<NekorektenHttp> clients = new ArrayList<>();

    @AfterEach
    void close() {
        clients.forEach(NekorektenHttp::close);
    }

    private NekorektenHttp api(String transportKind, String suffix) {
        NekorektenHttp.Builder builder = client(service.baseUrl(), randomKey(), transport(transportKind),
                VirtualTime.startingAt(Instant.now()));
        if (suffix != null) {
            builder.userAgentSuffix(suffix);
        }
        NekorektenHttp api = builder.build();
        clients.add(api);
        return api;
    }

    private static void search(NekorektenHttp api) {
        service.stubFor(get(urlPathEqualTo("/api/v1/reports")).willReturn(okJson(fixture("search-live.json"))));
        api.search(SearchCriteria.builder().phone("0888 123 456").build());
    }

    /** The header of every request that reached the server (a retried attempt under load included). */
    private static List<String> userAgentsSent() {
        List<String> agents = service.findAll(getRequestedFor(urlPathEqualTo("/api/v1/reports"))).stream()
                .map(request -> request.getHeader("User-Agent"))
                .toList();
        assertThat(agents).as("requests that reached the server").isNotEmpty();
        return agents;
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void theUserAgentNamesTheLibraryVersionAndTheJavaVersion(String transportKind) {
        assertThat(VERSION).as("the pom passes the project's version to this test").isNotBlank();

        search(api(transportKind, null));

        assertThat(userAgentsSent()).containsOnly("nekorekten4j/" + VERSION + " Java/" + JAVA);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void theApplicationsSuffixFollowsTheLibrarysPart(String transportKind) {
        search(api(transportKind, "shop-backend/2.3 (+https://shop.example.bg)"));

        assertThat(userAgentsSent())
                .containsOnly("nekorekten4j/" + VERSION + " Java/" + JAVA + " shop-backend/2.3 (+https://shop.example.bg)");
    }

    @Test
    void aSuffixThatCouldBreakTheHeaderIsRefusedByBuildNamingTheSetting() {
        for (String bad : List.of("shop\r\nApi-Key: stolen", "shop\tbackend", "магазин/1.0", "", " shop",
                "shop  backend", "x".repeat(UserAgent.MAX_SUFFIX_LENGTH + 1))) {
            assertThatThrownBy(() -> NekorektenHttp.builder().apiKey(randomKey()).userAgentSuffix(bad).build())
                    .as("suffix %s", bad)
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.violationsOf("userAgentSuffix")).hasSize(1));
        }
        assertThatNullPointerException().isThrownBy(() -> NekorektenHttp.builder().userAgentSuffix(null))
                .withMessage("userAgentSuffix");
    }

    @Test
    void theLongestAllowedSuffixIsAccepted() {
        String longest = "a".repeat(UserAgent.MAX_SUFFIX_LENGTH);

        assertThat(UserAgent.suffixProblem(longest)).isEmpty();
        assertThat(UserAgent.of(java.util.Optional.of(longest))).endsWith(" " + longest);
    }
}
