package io.nekorekten4j.http;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.client;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.fixture;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.randomKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.nekorekten4j.cache.CacheOptions;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.http.NekorektenHttpTestSupport.StdErrCapture;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.ProxyAuthenticationException;
import io.nekorekten4j.ports.RequestOutcome;
import io.nekorekten4j.ports.TlsFailureException;
import io.nekorekten4j.ports.TlsFailureException.Reason;
import java.security.KeyStore;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13 item 8: proxies and TLS on both transports, against real parts on loopback — a
 * {@code CONNECT} proxy ({@link ConnectProxy}) in front of an HTTPS server (WireMock) whose
 * certificate a CA made at test time signed ({@link TestPki}).
 *
 * <p>The JDK transport's proxy-credential tests need the JVM started with
 * {@code -Djdk.http.auth.tunneling.disabledSchemes=}: the build runs this class a second time so
 * (surefire execution {@code jdk-proxy-basic-tunnelling}); in the default run they are skipped,
 * and the test that the JDK transport refuses credentials without it runs instead.
 */
@Timeout(60)
class ProxyAndTlsTest {

    private static final TestPki CA = TestPki.newCa("nekorekten4j test CA");
    private static final TestPki OTHER_CA = TestPki.newCa("some other CA");

    @RegisterExtension
    static WireMockExtension service = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().dynamicHttpsPort()
                    .keystorePath(CA.serverKeyStore().toString()).keystoreType("PKCS12")
                    .keystorePassword(TestPki.PASSWORD).keyManagerPassword(TestPki.PASSWORD))
            .build();

    private static final SearchCriteria CRITERIA = SearchCriteria.builder().phone("0888 123 456").build();
    private static final String PROXY_USER = "shop-backend";
    private static final String PROXY_PASSWORD = "pr0xy-S3cret-" + Long.toHexString(System.nanoTime());

    private final VirtualTime sleeper = VirtualTime.startingAt(Instant.now());
    private final String key = randomKey();
    private ConnectProxy proxy;
    private NekorektenHttp api;

    @BeforeEach
    void stub() {
        service.stubFor(get(urlPathEqualTo("/api/v1/reports")).willReturn(okJson(fixture("search-live.json"))));
    }

    @AfterEach
    void close() {
        if (api != null) {
            api.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    private static String httpsBase() {
        return "https://localhost:" + service.getRuntimeInfo().getHttpsPort();
    }

    private String apiHostAndPort() {
        return "localhost:" + service.getRuntimeInfo().getHttpsPort();
    }

    private ProxyOptions proxyAt(ConnectProxy p) {
        return ProxyOptions.of("127.0.0.1", p.port());
    }

    /** A transport of {@code kind} with the proxy and TLS settings {@code configure} adds. */
    private static Transport transport(String kind, UnaryOperator<Object> configure) {
        return switch (kind) {
            case "apache" -> ((ApacheTransport.Builder) configure.apply(ApacheTransport.builder())).build();
            case "jdk" -> ((JdkTransport.Builder) configure.apply(JdkTransport.builder())).build();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** Applies the same settings to either transport builder. */
    private static UnaryOperator<Object> settings(ProxyOptions proxyOptions, KeyStore trustStore) {
        return builder -> {
            if (builder instanceof ApacheTransport.Builder apache) {
                if (proxyOptions != null) {
                    apache.proxy(proxyOptions);
                }
                return trustStore == null ? apache : apache.trustStore(trustStore);
            }
            JdkTransport.Builder jdk = (JdkTransport.Builder) builder;
            if (proxyOptions != null) {
                jdk.proxy(proxyOptions);
            }
            return trustStore == null ? jdk : jdk.trustStore(trustStore);
        };
    }

    private NekorektenHttp api(String baseUri, Transport transport) {
        api = client(baseUri, key, transport, sleeper).build();
        return api;
    }

    private List<LoggedRequest> served() {
        return service.findAll(anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aSearchGoesThroughTheProxysTunnelToTheServiceTrustingTheConfiguredCa(String kind) {
        proxy = ConnectProxy.open();

        SearchResult result = api(httpsBase(), transport(kind, settings(proxyAt(proxy), CA.trustStore())))
                .search(CRITERIA);

        assertThat(result.reports()).isNotEmpty();
        assertThat(proxy.tunnels()).as("one CONNECT, to the service's host").containsExactly(apiHostAndPort());
        assertThat(served()).singleElement().satisfies(request -> {
            assertThat(request.getHeader("Api-Key")).isEqualTo(key);
            assertThat(request.containsHeader("Proxy-Authorization")).isFalse();
        });
        assertThat(proxy.bytesFromClients()).as("inside the tunnel the key is encrypted")
                .contains("CONNECT " + apiHostAndPort())
                .doesNotContain(key)
                .doesNotContain("Api-Key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void proxyCredentialsGoToTheProxyOnlyAndNeverIntoALogLine(String kind) {
        assumeJdkMaySendProxyCredentials(kind);
        proxy = ConnectProxy.requiring(PROXY_USER, PROXY_PASSWORD);
        ProxyOptions withCredentials = proxyAt(proxy).credentials(PROXY_USER, PROXY_PASSWORD);
        String expected = "Basic " + java.util.Base64.getEncoder().encodeToString(
                (PROXY_USER + ":" + PROXY_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));

        SearchResult result;
        String log;
        Transport transport;
        try (StdErrCapture stderr = new StdErrCapture()) {
            transport = transport(kind, settings(withCredentials, CA.trustStore()));
            result = api(httpsBase(), transport).search(CRITERIA);
            log = stderr.text();
        }

        assertThat(result.reports()).isNotEmpty();
        assertThat(proxy.challenges()).as("sent when the proxy asked, not before").isEqualTo(1);
        assertThat(proxy.authorizationsOffered()).containsExactly(expected);
        assertThat(proxy.tunnels()).containsExactly(apiHostAndPort());
        assertThat(served()).singleElement().satisfies(request -> {
            assertThat(request.containsHeader("Proxy-Authorization")).isFalse();
            assertThat(request.containsHeader("Authorization")).isFalse();
            assertThat(request.getAllHeaderKeys().stream().map(request::getHeader))
                    .noneMatch(value -> value.contains(PROXY_PASSWORD) || value.contains(expected.substring(6)));
        });
        assertThat(log).doesNotContain(PROXY_PASSWORD).doesNotContain(expected.substring(6)).doesNotContain(key);
        assertThat(transport.toString()).contains(PROXY_USER).contains("****").doesNotContain(PROXY_PASSWORD);
        assertThat(api.toString()).doesNotContain(PROXY_PASSWORD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aProxyDemandingCredentialsNoneWereGivenForFailsOnceWithATypedError(String kind) {
        proxy = ConnectProxy.requiring(PROXY_USER, PROXY_PASSWORD);

        ProxyAuthenticationException e = catchThrowableOfType(
                () -> api(httpsBase(), transport(kind, settings(proxyAt(proxy), CA.trustStore()))).search(CRITERIA),
                ProxyAuthenticationException.class);

        assertThat(e.code()).isEqualTo(ErrorCode.TRANSPORT_FAILURE);
        assertThat(e.outcome()).isEqualTo(RequestOutcome.NOT_SENT);
        assertThat(e.attempts()).hasValue(1);
        assertThat(e.getMessage()).contains("127.0.0.1:" + proxy.port()).contains("407")
                .contains("none are configured").contains("Not retried");
        assertThat(proxy.challenges()).isEqualTo(1);
        assertThat(proxy.tunnels()).isEmpty();
        assertThat(sleeper.sleeps()).as("not retried").isEmpty();
        assertThat(served()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void wrongProxyCredentialsFailWithATypedErrorThatNeverShowsThem(String kind) {
        assumeJdkMaySendProxyCredentials(kind);
        proxy = ConnectProxy.requiring(PROXY_USER, PROXY_PASSWORD);
        String wrong = "wrong-" + PROXY_PASSWORD;
        ProxyOptions wrongCredentials = proxyAt(proxy).credentials(PROXY_USER, wrong);

        ProxyAuthenticationException e = catchThrowableOfType(
                () -> api(httpsBase(), transport(kind, settings(wrongCredentials, CA.trustStore()))).search(CRITERIA),
                ProxyAuthenticationException.class);

        assertThat(e.outcome()).isEqualTo(RequestOutcome.NOT_SENT);
        assertThat(e.attempts()).hasValue(1);
        assertThat(e.getMessage()).contains("did not accept the proxy credentials").doesNotContain(wrong);
        assertThat(proxy.authorizationsOffered()).isNotEmpty();
        assertThat(proxy.tunnels()).isEmpty();
        assertThat(sleeper.sleeps()).isEmpty();
        assertThat(served()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void aCertificateFromAnotherCaFailsOnceAsATlsFailureThroughTheProxy(String kind) {
        proxy = ConnectProxy.open();

        TlsFailureException e = catchThrowableOfType(
                () -> api(httpsBase(), transport(kind, settings(proxyAt(proxy), OTHER_CA.trustStore()))).search(CRITERIA),
                TlsFailureException.class);

        assertThat(e.reason()).isEqualTo(Reason.CERTIFICATE_NOT_TRUSTED);
        assertThat(e.outcome()).isEqualTo(RequestOutcome.NOT_SENT);
        assertThat(e.attempts()).hasValue(1);
        assertThat(proxy.tunnels()).as("the handshake ran inside the tunnel").containsExactly(apiHostAndPort());
        assertThat(sleeper.sleeps()).isEmpty();
        assertThat(served()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void theJvmsDefaultTrustDoesNotKnowTheTestCaAndACustomSslContextDoes(String kind) throws Exception {
        TlsFailureException e = catchThrowableOfType(
                () -> api(httpsBase(), transport(kind, settings(null, null))).search(CRITERIA),
                TlsFailureException.class);
        assertThat(e.reason()).isEqualTo(Reason.CERTIFICATE_NOT_TRUSTED);
        assertThat(e.attempts()).hasValue(1);
        api.close();

        javax.net.ssl.SSLContext context = ConnectionSettings.trusting(CA.trustStore());
        Transport custom = kind.equals("apache") ? ApacheTransport.builder().sslContext(context).build()
                : JdkTransport.builder().sslContext(context).build();
        assertThat(api(httpsBase(), custom).search(CRITERIA).reports()).isNotEmpty();
        assertThat(served()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void theJvmsProxySettingsApplyOnlyWhenAskedFor(String kind) {
        proxy = ConnectProxy.open();
        String[] names = {"https.proxyHost", "https.proxyPort", "http.nonProxyHosts"};
        String[] saved = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            saved[i] = System.getProperty(names[i]);
        }
        try {
            System.setProperty("https.proxyHost", "127.0.0.1");
            System.setProperty("https.proxyPort", Integer.toString(proxy.port()));
            // The JVM's default skips localhost and 127.*, where this test's service is; any other list
            // gets that default appended; only an empty one is taken as it is.
            System.setProperty("http.nonProxyHosts", "");

            api(httpsBase(), transport(kind, settings(null, CA.trustStore()))).search(CRITERIA);
            assertThat(proxy.connections()).as("without ProxyOptions: direct, whatever the properties say").isZero();
            api.close();

            api(httpsBase(), transport(kind, settings(ProxyOptions.system(), CA.trustStore()))).search(CRITERIA);
            assertThat(proxy.tunnels()).as("ProxyOptions.system() follows them").containsExactly(apiHostAndPort());
            assertThat(served()).hasSize(2);
        } finally {
            for (int i = 0; i < names.length; i++) {
                if (saved[i] == null) {
                    System.clearProperty(names[i]);
                } else {
                    System.setProperty(names[i], saved[i]);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void plainHttpToLoopbackNeverGoesThroughTheProxyWhichWouldSeeTheKey(String kind) {
        proxy = ConnectProxy.open();
        String plainBase = "http://127.0.0.1:" + service.getRuntimeInfo().getHttpPort();

        api(plainBase, transport(kind, settings(proxyAt(proxy), null))).search(CRITERIA);

        assertThat(proxy.connections()).isZero();
        assertThat(served()).singleElement().satisfies(r -> assertThat(r.getHeader("Api-Key")).isEqualTo(key));
    }

    @Test
    void theClientBuildersProxyAndTrustStoreConfigureTheDefaultTransport() {
        proxy = ConnectProxy.open();
        api = NekorektenHttp.builder().baseUri(httpsBase()).apiKey(key)
                .proxy(proxyAt(proxy)).trustStore(CA.trustStore())
                .cache(CacheOptions.disabled()).clock(sleeper).sleeper(sleeper)
                .build();

        assertThat(api.search(CRITERIA).reports()).isNotEmpty();
        assertThat(proxy.tunnels()).containsExactly(apiHostAndPort());
    }

    @Test
    void theClientBuilderRefusesProxyAndTlsSettingsItCannotApplyToATransportOfYourOwn() {
        NekorektenHttp.Builder builder = NekorektenHttp.builder().apiKey(key).transport(ApacheTransport.builder().build())
                .proxy(ProxyOptions.of("proxy.example", 3128)).trustStore(CA.trustStore());

        assertThatThrownBy(builder::build).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.violations()).extracting(v -> v.field()).containsExactlyInAnyOrder("proxy", "trustStore"));
    }

    @Test
    void theJdkTransportRefusesProxyCredentialsItCouldNotSendInThisJvm() {
        assumeTrue(JdkTransport.basicTunnelAuthDisabled(),
                "this JVM lets java.net.http send Basic to a proxy for tunnels (the second surefire run)");
        JdkTransport.Builder builder = JdkTransport.builder()
                .proxy(ProxyOptions.of("proxy.example", 3128).credentials(PROXY_USER, PROXY_PASSWORD));

        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("-Djdk.http.auth.tunneling.disabledSchemes=")
                .hasMessageContaining("ApacheTransport")
                .hasMessageNotContaining(PROXY_PASSWORD);
        // Without credentials a proxy is fine.
        JdkTransport.builder().proxy(ProxyOptions.of("proxy.example", 3128)).build().close();
    }

    @Test
    void bothTransportBuildersCheckTheConnectionCapWithTheSameRules() {
        assertThatThrownBy(() -> ApacheTransport.builder().maxConnections(0))
                .hasMessage("maxConnections must be at least 1, got 0");
        assertThatThrownBy(() -> JdkTransport.builder().maxConnections(0))
                .hasMessage("maxConnections must be at least 1, got 0");
        assertThatThrownBy(() -> ApacheTransport.builder().maxConnections(2).maxConnectionsPerRoute(3).build())
                .hasMessage("maxConnectionsPerRoute (3) must not exceed maxConnections (2)");
        assertThatThrownBy(() -> JdkTransport.builder().maxConnections(2).maxConnectionsPerRoute(3).build())
                .hasMessage("maxConnectionsPerRoute (3) must not exceed maxConnections (2)");
        try (ApacheTransport apache = ApacheTransport.builder().maxConnections(3).maxConnectionsPerRoute(2).build()) {
            assertThat(apache.poolStats().max()).isEqualTo(3);
        }
    }

    @Test
    void proxyOptionsCheckTheirArgumentsAndNeverShowThePassword() {
        assertThatThrownBy(() -> ProxyOptions.of("http://proxy", 80)).hasMessageContaining("host must be");
        assertThatThrownBy(() -> ProxyOptions.of("proxy", 0)).hasMessage("port must be between 1 and 65535, got 0");
        assertThatThrownBy(() -> ProxyOptions.of("proxy", 80).credentials("a:b", "x")).hasMessageContaining("colon");
        assertThatThrownBy(() -> ProxyOptions.of("proxy", 80).credentials("a", "")).hasMessageContaining("password");
        ProxyOptions options = ProxyOptions.of("proxy.corp.example", 3128).credentials(PROXY_USER, PROXY_PASSWORD);
        assertThat(options.toString()).isEqualTo(
                "ProxyOptions[http://proxy.corp.example:3128, user=shop-backend, password=****]");
        assertThat(ProxyOptions.system().toString()).isEqualTo("ProxyOptions[system]");
        assertThat(options.address().orElseThrow().getHostString()).isEqualTo("proxy.corp.example");
    }

    private static void assumeJdkMaySendProxyCredentials(String kind) {
        if (kind.equals("jdk")) {
            assumeFalse(JdkTransport.basicTunnelAuthDisabled(), "java.net.http sends no Basic credentials to a proxy"
                    + " for tunnels in this JVM; the surefire execution jdk-proxy-basic-tunnelling runs this");
        }
    }
}
