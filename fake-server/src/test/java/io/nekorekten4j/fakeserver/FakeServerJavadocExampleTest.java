package io.nekorekten4j.fakeserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.http.NekorektenHttp;
import io.nekorekten4j.ports.Nekorekten;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 8 item 2: {@link FakeServer}'s Javadoc example, exactly as written, works for hundreds of
 * calls — before, the 11th call in a minute failed on the client's own quota gate, shared by key
 * alone with every other client of "any-key" in the JVM.
 */
@Timeout(120)
class FakeServerJavadocExampleTest {

    private static final int CALLS = 300;

    @Test
    void theClassExampleRunsAsWrittenHundredsOfTimesOnOneServer() {
        try (FakeServer server = FakeServer.builder().seedDemoData().build().start()) {
            for (int i = 0; i < CALLS; i++) {
                // The example's client, built anew each time as a test suite would (so its cache never answers).
                try (Nekorekten api = NekorektenHttp.builder().baseUri(server.uri()).apiKey("any-key").build()) {
                    SearchResult found = api.search(SearchCriteria.builder().phone("0888 123 456").build());
                    assertThat(found.reports()).as("call %d finds the demo report", i + 1).isNotEmpty();
                }
            }
            assertThat(server.fake().calls()).hasSize(CALLS);
        }
    }

    @Test
    void theClassExampleRunsAsWrittenOnManyServersInOneSuite() {
        for (int i = 0; i < 20; i++) {
            try (FakeServer server = FakeServer.builder().seedDemoData().build().start();
                 Nekorekten api = NekorektenHttp.builder().baseUri(server.uri()).apiKey("any-key").build()) {
                for (int call = 0; call < 15; call++) {
                    String phone = "0888 123 45" + (call % 10);
                    api.search(SearchCriteria.builder().phone(phone).build());
                }
                assertThat(server.fake().calls()).hasSize(10);
            }
        }
    }
}
