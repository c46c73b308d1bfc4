package io.nekorekten4j.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.fakeserver.FakeServer;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The doctor against the fake server, which keeps the contract: every check passes, at the stated cost. */
class DiagnosticsFakeServerTest {

    private static String freshKey() {
        return "doctor-" + UUID.randomUUID();
    }

    @Test
    void aHealthyServiceGivesEveryCheckOkWithExactlyTwoRequests() {
        try (FakeServer server = FakeServer.builder().seedDemoData().build().start()) {
            server.fake().arrangeReport(ReportDraft.builder().text("Отказа пратката.").phone("0888 765 432")
                    .firstName("Иван").lastName("Петров").build(), Instant.parse("2026-01-05T10:00:00Z"), "someone");

            DiagnosticsReport report = Diagnostics.builder().apiKey(freshKey()).baseUri(server.uri()).build().run();

            assertThat(report.requestsSent()).isEqualTo(2);
            assertThat(server.requestCount()).isEqualTo(2);
            assertThat(report.overall()).as(report.toText()).isEqualTo(Status.OK);
            assertThat(report.checks()).extracting(Check::id).containsExactly("dns", "tcp", "tls", "key",
                    "ip-whitelist", "http", "contract.cities", "contract.search", "quota");
            assertThat(report.check("quota").orElseThrow().summary()).startsWith("8 of 10 requests left this minute");
            assertThat(report.check("tls").orElseThrow().status()).isEqualTo(Status.SKIPPED);
            assertThat(report.check("contract.search").orElseThrow().summary()).contains("matches the contract");
        }
    }

    @Test
    void theDryRunPlanSendsNothing() {
        try (FakeServer server = FakeServer.builder().build().start()) {
            Diagnostics doctor = Diagnostics.builder().apiKey(freshKey()).baseUri(server.uri()).build();

            assertThat(doctor.plan()).hasSize(2);
            assertThat(doctor.plan().get(0).target()).isEqualTo("/api/v1/cities");
            assertThat(doctor.plan().get(1).target()).isEqualTo("/api/v1/reports?name=%D0%98%D0%B2%D0%B0%D0%BD&searchMode=all");
            assertThat(doctor.plan().get(1).cost()).contains("1 lookup of the daily quota");
            assertThat(server.requestCount()).isZero();
        }
    }

    @Test
    void aRefusedKeyIsAFailureAndTheSearchIsNotSpent() {
        String key = freshKey();
        try (FakeServer server = FakeServer.builder().refuseKey(key).build().start()) {
            DiagnosticsReport report = Diagnostics.builder().apiKey(key).baseUri(server.uri()).build().run();

            assertThat(report.check("key").orElseThrow().status()).isEqualTo(Status.FAILURE);
            assertThat(report.check("contract.search").orElseThrow().status()).isEqualTo(Status.SKIPPED);
            assertThat(server.requestCount()).isEqualTo(1);
            assertThat(report.toText()).doesNotContain(key);
            assertThat(report.toJson()).doesNotContain(key);
        }
    }

    @Test
    void anAddressOffTheWhitelistIsNamedWithItsFix() {
        String key = freshKey();
        try (FakeServer server = FakeServer.builder().refuseFromIp(key, "198.51.100.23").build().start()) {
            DiagnosticsReport report = Diagnostics.builder().apiKey(key).baseUri(server.uri()).build().run();

            Check ip = report.check("ip-whitelist").orElseThrow();
            assertThat(ip.status()).isEqualTo(Status.FAILURE);
            assertThat(ip.summary()).contains("198.51.100.23");
            assertThat(ip.fix().orElseThrow()).contains("add 198.51.100.23");
            assertThat(server.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void badSettingsAreNamedTogether() {
        assertThatThrownBy(() -> Diagnostics.builder().baseUri("ftp://x").build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("apiKey").hasMessageContaining("baseUri");
    }
}
