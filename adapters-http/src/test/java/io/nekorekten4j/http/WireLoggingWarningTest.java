package io.nekorekten4j.http;

import static io.nekorekten4j.http.NekorektenHttpTestSupport.randomKey;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A warning, once, when the HTTP library under a client would log the key and buyers' data. */
class WireLoggingWarningTest {

    private final Set<String> debugLoggers = new HashSet<>();
    private final Map<String, String> properties = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final WireLoggingWarning check = new WireLoggingWarning(debugLoggers::contains, properties::get,
            warnings::add);

    private static final Transport APACHE = ApacheTransport.builder().build();
    private static final Transport JDK = JdkTransport.builder().build();

    @AfterAll
    static void closeTransports() {
        APACHE.close();
        JDK.close();
    }

    @Test
    void apacheHeadersLoggerAtDebugIsNamedWithItsRiskOnce() {
        debugLoggers.add("org.apache.hc.client5.http.headers");

        check.check(APACHE);
        check.check(APACHE);

        assertThat(warnings).singleElement().asString()
                .contains("org.apache.hc.client5.http.headers", "DEBUG", "Api-Key", "personal data", "INFO");
    }

    @Test
    void apacheWireLoggerAtDebugIsNamedToo() {
        debugLoggers.add("org.apache.hc.client5.http.wire");

        check.check(APACHE);

        assertThat(warnings).singleElement().asString()
                .contains("org.apache.hc.client5.http.wire", "every byte", "Api-Key");
    }

    @Test
    void eachRiskyLogIsWarnedAboutOnceEvenWhenTheSecondTurnsOnLater() {
        debugLoggers.add("org.apache.hc.client5.http.headers");
        check.check(APACHE);
        debugLoggers.add("org.apache.hc.client5.http.wire");

        check.check(APACHE);
        check.check(APACHE);

        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(1)).contains("org.apache.hc.client5.http.wire");
    }

    @Test
    void jdkClientLogWithHeadersOrRequestsIsNamedWithTheCategories() {
        properties.put("jdk.httpclient.HttpClient.log", "errors,Requests, headers");

        check.check(JDK);

        assertThat(warnings).singleElement().asString()
                .contains("jdk.httpclient.HttpClient.log", "requests, headers", "Api-Key", "personal data")
                .doesNotContain("log of errors");
    }

    @Test
    void jdkFramesWithSubCategoriesAndAllCount() {
        for (String value : List.of("frames:control:data", "all")) {
            List<String> given = new WireLoggingWarning(name -> false, name -> value, m -> { }).check(JDK);
            assertThat(given).as(value).hasSize(1);
        }
    }

    @Test
    void harmlessOrAbsentSettingsGiveNoWarning() {
        check.check(APACHE);
        check.check(JDK);
        properties.put("jdk.httpclient.HttpClient.log", "errors,ssl");
        debugLoggers.add("org.apache.hc.client5.http.impl.classic");

        check.check(APACHE);
        check.check(JDK);

        assertThat(warnings).isEmpty();
    }

    @Test
    void onlyTheLogsOfTheTransportInUseAreChecked() {
        debugLoggers.add("org.apache.hc.client5.http.headers");
        properties.put("jdk.httpclient.HttpClient.log", "headers");

        assertThat(check.check(JDK)).singleElement().asString().contains("jdk.httpclient.HttpClient.log");
        assertThat(check.check(APACHE)).singleElement().asString().contains("org.apache.hc.client5.http.headers");
    }

    @Test
    void aTransportOfTheUsersOwnMayUseEitherLibrarySoBothAreChecked() {
        debugLoggers.add("org.apache.hc.client5.http.wire");
        properties.put("jdk.httpclient.HttpClient.log", "content");

        assertThat(check.check(new OwnTransport())).hasSize(2);
    }

    /**
     * End to end: build() of a real client with the JDK log switched on writes the warning through
     * SLF4J (slf4j-simple on stderr here). A transport of our own stands in, so that the JDK client's
     * log is never actually switched on in this JVM; the key never appears in the warning.
     */
    @Test
    void buildWarnsThroughSlf4jWhenTheJdkLogIsOn() {
        String key = randomKey();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String before = System.getProperty(WireLoggingWarning.JDK_LOG_PROPERTY);
        System.setProperty(WireLoggingWarning.JDK_LOG_PROPERTY, "headers");
        try (PrintStream err = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setErr(err);
            NekorektenHttp.builder().apiKey(key).transport(new OwnTransport()).build().close();
        } finally {
            System.setErr(original);
            if (before == null) {
                System.clearProperty(WireLoggingWarning.JDK_LOG_PROPERTY);
            } else {
                System.setProperty(WireLoggingWarning.JDK_LOG_PROPERTY, before);
            }
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("WARN", "jdk.httpclient.HttpClient.log", "Api-Key").doesNotContain(key);
    }

    /** Never sends anything: only its type matters to the check. */
    private static final class OwnTransport implements Transport {
        @Override
        public <T> T execute(TransportRequest request, ResponseHandler<T> handler) {
            throw new UnsupportedOperationException("not used by these tests");
        }

        @Override
        public void close() {
        }
    }
}
