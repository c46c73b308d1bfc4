package io.nekorekten4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.core5.util.VersionInfo;
import org.junit.jupiter.api.Test;

/**
 * The tests run against the HttpClient version the pom meant: the current one in the default run,
 * the oldest supported one (Spring Boot 3.5's) in the oldest-supported-dependencies run. Without
 * this, a classpath swap that silently did nothing would pass as "works on the old version".
 */
class DependencyVersionsTest {

    @Test
    void theHttpClientOnTheClasspathIsTheOneThisRunIsFor() {
        String expected = System.getProperty("nekorekten4j.expected.httpclient5");
        assertThat(expected).as("the pom names the expected version").isNotBlank();

        VersionInfo info = VersionInfo.loadVersionInfo("org.apache.hc.client5", HttpClient.class.getClassLoader());

        assertThat(info).as("HttpClient's version resource").isNotNull();
        assertThat(info.getRelease()).isEqualTo(expected);
    }
}
