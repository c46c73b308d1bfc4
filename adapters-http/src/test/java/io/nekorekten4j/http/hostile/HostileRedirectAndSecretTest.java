package io.nekorekten4j.http.hostile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.http.CallEnd;
import io.nekorekten4j.http.CallListener;
import io.nekorekten4j.http.CallPolicy;
import io.nekorekten4j.http.CallStart;
import io.nekorekten4j.http.NekorektenHttp;
import io.nekorekten4j.http.NekorektenListener;
import io.nekorekten4j.http.PipelineStage;
import io.nekorekten4j.http.RetryOptions;
import io.nekorekten4j.http.VirtualTime;
import io.nekorekten4j.ports.CallOptions;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.UnexpectedResponseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The key against a service that tries to get it elsewhere or to get it shown: every 3xx, with
 * every kind of {@code Location}, is an error that sends nothing anywhere, and nothing a user can
 * print — builder, client, view, state, options, listener events, policy chains, exceptions —
 * holds the key.
 */
@Timeout(60)
class HostileRedirectAndSecretTest {

    @RegisterExtension
    static WireMockExtension service = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    @RegisterExtension
    static WireMockExtension elsewhere = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private static final SearchCriteria CRITERIA = SearchCriteria.builder().phone("0888 123 456").build();
    private static final ReportDraft DRAFT = ReportDraft.builder().text("Отказа пратка.").phone("0888 123 456").build();

    private final String key = Hostile.key();
    private final List<NekorektenHttp> clients = new ArrayList<>();

    @AfterEach
    void close() {
        clients.forEach(NekorektenHttp::close);
    }

    static Stream<Arguments> redirects() {
        List<String> locations = List.of("/api/v1/reports?phone=359888123456", "reports", "//127.0.0.1:%d/x",
                "http://127.0.0.1:%d/api/v1/reports", "https://127.0.0.1:%d/api/v1/reports", "ftp://127.0.0.1:%d/",
                "http://127.0.0.1:%d/?key=$KEY", "", "\t", "javascript:alert(1)");
        return Stream.of(Hostile.TRANSPORTS).flatMap(t -> Stream.of(300, 301, 302, 303, 304, 305, 306, 307, 308, 399)
                .flatMap(status -> locations.stream().map(location -> Arguments.of(t, status, location))));
    }

    @ParameterizedTest(name = "{0}: HTTP {1} to {2}")
    @MethodSource("redirects")
    void everyRedirectIsAnErrorThatGoesNowhereAndNeverShowsTheKey(String kind, int status, String location) {
        String target = location.replace("%d", Integer.toString(elsewhere.getPort())).replace("$KEY", key);
        service.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withHeader("Location", target)
                .withBody(status == 304 ? "" : "Moved to " + target)));
        elsewhere.stubFor(any(anyUrl()).willReturn(okJson(Hostile.fixture("search-live.json"))));
        NekorektenHttp api = Hostile.client(service.baseUrl(), key, kind, RetryOptions.defaults(),
                VirtualTime.startingAt(Instant.now())).build();
        clients.add(api);

        for (Runnable call : List.<Runnable>of(() -> api.search(CRITERIA), () -> api.create(DRAFT), api::cities)) {
            Throwable failure = catchThrowable(call::run);
            assertThat(failure).isInstanceOf(UnexpectedResponseException.class);
            assertThat(Hostile.everyText(failure)).doesNotContain(key);
        }

        assertThat(elsewhere.getAllServeEvents()).isEmpty();
        assertThat(service.findAll(anyRequestedFor(anyUrl()))).as("one request a call, none followed").hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void nothingAUserCanPrintHoldsTheKey(String kind) {
        service.stubFor(get(urlPathEqualTo("/api/v1/reports")).willReturn(aResponse().withStatus(401)
                .withBody("{\"message\":\"bad key " + key + "\"}")));
        List<String> printed = new CopyOnWriteArrayList<>();
        NekorektenListener listener = new NekorektenListener() {
            @Override
            public CallListener callStarted(CallStart call) {
                printed.add(call.toString());
                return new CallListener() {
                    @Override
                    public void callEnded(CallEnd end) {
                        printed.add(end.toString());
                        end.failure().ifPresent(f -> printed.add(Hostile.everyText(f)));
                    }
                };
            }
        };
        CallPolicy spy = new CallPolicy() {
            @Override
            public <T> T handle(Chain<T> chain) {
                printed.add(chain.toString());
                return chain.proceed();
            }
        };
        NekorektenHttp.Builder builder = Hostile.client(service.baseUrl(), key, kind, RetryOptions.defaults(),
                VirtualTime.startingAt(Instant.now())).listener(listener).addPolicy(PipelineStage.QUOTA, spy);
        printed.add(builder.toString());
        NekorektenHttp api = builder.build();
        clients.add(api);
        NekorektenHttp view = api.withOptions(CallOptions.interactive());

        Throwable failure = catchThrowable(() -> view.search(CRITERIA));

        assertThat(failure).isInstanceOf(NekorektenException.class);
        printed.add(Hostile.everyText(failure));
        printed.add(api.toString());
        printed.add(view.toString());
        printed.add(api.state().toString());
        printed.add(String.valueOf(api.state().quota()));
        printed.add(api.options().toString());
        printed.add(view.options().toString());
        assertThat(printed).hasSizeGreaterThan(10).allSatisfy(text -> assertThat(text).doesNotContain(key));
    }
}
