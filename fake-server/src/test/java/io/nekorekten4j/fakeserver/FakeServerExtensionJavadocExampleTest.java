package io.nekorekten4j.fakeserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.http.NekorektenHttp;
import io.nekorekten4j.ports.Nekorekten;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 8 item 2: {@link FakeServerExtension}'s Javadoc example, as written — one server for the
 * class, each test building its client with "test-key" — repeated 300 times. Before, the 11th
 * test in a minute failed on the client's quota gate.
 */
@ExtendWith(FakeServerExtension.class)
class FakeServerExtensionJavadocExampleTest {

    private static final ReportDraft DRAFT = ReportDraft.builder().text("Отказа наложен платеж.")
            .phone("0888 123 456").build();

    @FakeServerUri
    URI nekorekten;

    @RepeatedTest(300)
    void refusesCashOnDeliveryForAReportedPhone(FakeServer server) throws Exception {
        server.fake().arrangeReport(DRAFT, Instant.now(), "another-shop");
        try (Nekorekten api = NekorektenHttp.builder().baseUri(nekorekten).apiKey("test-key").build()) {
            assertThat(api.search(SearchCriteria.builder().phone("0888 123 456").build()).reports()).isNotEmpty();
        }
    }
}
