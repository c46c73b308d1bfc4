package io.nekorekten4j.http;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.client;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.fixture;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.randomKey;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.transport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.QuotaPlan;
import io.nekorekten4j.ports.RequestOutcome;
import io.nekorekten4j.ports.TlsFailureException;
import io.nekorekten4j.ports.TlsFailureException.Reason;
import java.io.IOException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 8 item 4: a TLS failure is permanent — one attempt, one quota permit, any method — and a
 * typed error says what failed. Against a real HTTPS server on loopback whose self-signed
 * certificate no trust store knows (WireMock's own), and a plain-HTTP port spoken to with TLS, on
 * both transports.
 */
@Timeout(60)
class TlsTest {

    @RegisterExtension
    static WireMockExtension service = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort().dynamicHttpsPort())
            .build();

    private static final SearchCriteria CRITERIA = SearchCriteria.builder().phone("0888 123 456").build();
    private static final ReportDraft DRAFT = ReportDraft.builder().text("Отказа пратка.").phone("0888 123 456").build();

    private final VirtualTime sleeper = VirtualTime.startingAt(Instant.now());
    private NekorektenHttp api;

    @AfterEach
    void close() {
        if (api != null) {
            api.close();
        }
    }

    /**
     * One permit a minute and no waiting: a second attempt would fail on the gate, not on TLS. The
     * connect timeout (which bounds the handshake too) has room for a loaded build machine: a
     * handshake cut by a 2 s timeout at a load of 25 was retried and failed on the gate instead.
     */
    private NekorektenHttp api(String baseUrl, String transportKind) {
        Function<NekorektenHttp.Builder, NekorektenHttp.Builder> onePermit =
                b -> b.quota(QuotaPlan.perMinute(1)).permitWaitTimeout(Duration.ZERO)
                        .connectTimeout(Duration.ofSeconds(15)).callTimeout(Duration.ofSeconds(40));
        api = onePermit.apply(client(baseUrl, randomKey(), transport(transportKind), sleeper)).build();
        return api;
    }

    private static String httpsBaseUrl() {
        return "https://localhost:" + service.getRuntimeInfo().getHttpsPort();
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void anUntrustedCertificateFailsASearchOnceWithATypedError(String transportKind) {
        service.stubFor(get(urlPathEqualTo("/api/v1/reports")).willReturn(okJson(fixture("search-live.json"))));

        TlsFailureException e = catchThrowableOfType(() -> api(httpsBaseUrl(), transportKind).search(CRITERIA),
                TlsFailureException.class);

        assertThat(e.reason()).isEqualTo(Reason.CERTIFICATE_NOT_TRUSTED);
        assertThat(e.code()).isEqualTo(ErrorCode.TRANSPORT_FAILURE);
        assertThat(e.outcome()).isEqualTo(RequestOutcome.NOT_SENT);
        assertThat(e.attempts()).hasValue(1);
        assertThat(e.getMessage()).contains("certificate is not trusted").contains("Not retried");
        assertThat(sleeper.sleeps()).as("no backoff: nothing is retried").isEmpty();
        assertThat(service.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void anUntrustedCertificateFailsACreateOnceToo(String transportKind) {
        service.stubFor(post("/api/v1/reports").willReturn(okJson("{}")));

        TlsFailureException e = catchThrowableOfType(() -> api(httpsBaseUrl(), transportKind).create(DRAFT),
                TlsFailureException.class);

        assertThat(e.reason()).isEqualTo(Reason.CERTIFICATE_NOT_TRUSTED);
        assertThat(e.attempts()).hasValue(1);
        assertThat(api.state().quota().orElseThrow().permitFreeNow()).as("the one permit was spent, once").isFalse();
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void tlsSpokenToAPlainHttpPortIsAProtocolFailureTriedOnce(String transportKind) {
        String plainPortOverTls = "https://127.0.0.1:" + service.getRuntimeInfo().getHttpPort();

        TlsFailureException e = catchThrowableOfType(() -> api(plainPortOverTls, transportKind).search(CRITERIA),
                TlsFailureException.class);

        assertThat(e.reason()).isEqualTo(Reason.PROTOCOL);
        assertThat(e.attempts()).hasValue(1);
        assertThat(e.outcome()).isEqualTo(RequestOutcome.NOT_SENT);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void theHostNameMismatchOfEitherClientIsRecognised() {
        // HttpClient 5 checks the host name just after the handshake; the JDK client inside it.
        SSLPeerUnverifiedException apache = new SSLPeerUnverifiedException(
                "Certificate for <127.0.0.1> doesn't match any of the subject alternative names: [localhost]");
        SSLHandshakeException jdk = new SSLHandshakeException("No subject alternative names matching IP address "
                + "127.0.0.1 found");
        jdk.initCause(new CertificateException("No subject alternative names matching IP address 127.0.0.1 found"));

        assertThat(TlsFailures.classify(apache)).contains(Reason.HOSTNAME_MISMATCH);
        assertThat(TlsFailures.classify(new IOException("wrapped", jdk))).contains(Reason.HOSTNAME_MISMATCH);
    }

    @Test
    void otherTlsFailuresAreRecognisedAndAFailureMidAnswerIsNot() {
        SSLHandshakeException untrusted = new SSLHandshakeException("PKIX path building failed");
        untrusted.initCause(new CertPathBuilderException("unable to find valid certification path to requested target"));

        assertThat(TlsFailures.classify(untrusted)).contains(Reason.CERTIFICATE_NOT_TRUSTED);
        assertThat(TlsFailures.classify(new SSLHandshakeException(
                "No appropriate protocol (protocol is disabled or cipher suites are inappropriate)")))
                .contains(Reason.PROTOCOL);
        assertThat(TlsFailures.classify(new SSLHandshakeException("Received fatal alert: bad_certificate")))
                .contains(Reason.HANDSHAKE);
        assertThat(TlsFailures.classify(new SSLException("Tag mismatch!"))).as("a record failing mid-answer").isEmpty();
        assertThat(TlsFailures.classify(new IOException("Connection reset"))).isEmpty();
    }
}
