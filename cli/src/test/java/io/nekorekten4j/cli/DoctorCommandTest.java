package io.nekorekten4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.fakeserver.FakeServer;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code nekorekten doctor} against the fake server: what it prints, what it costs, its exit codes. */
class DoctorCommandTest {

    private final String key = "doctor-cli-" + UUID.randomUUID();

    @Test
    void aHealthyServiceExitsZeroAfterExactlyTwoRequests() {
        try (FakeServer server = FakeServer.builder().build().start()) {
            server.fake().arrangeReport(ReportDraft.builder().text("Отказа пратката.").phone("0888 765 432")
                    .firstName("Иван").build(), Instant.parse("2026-01-05T10:00:00Z"), "someone");

            CliRun run = doctor(server);

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("OK       key").contains("contract.search").contains("2 requests sent");
            assertThat(server.requestCount()).isEqualTo(2);
            assertThat(run.out() + run.err()).doesNotContain(key);
        }
    }

    @Test
    void aRefusedKeyExitsWithTheKeyRefusedCode() {
        try (FakeServer server = FakeServer.builder().refuseKey(key).build().start()) {
            CliRun run = doctor(server, "--json");

            assertThat(run.exitCode()).isEqualTo(ExitCode.KEY_REFUSED);
            assertThat(run.out()).contains("\"overall\" : \"FAILURE\"");
            assertThat(server.requestCount()).isEqualTo(1);
            assertThat(run.out() + run.err()).doesNotContain(key);
        }
    }

    @Test
    void theDryRunNeedsNoKeyAndSendsNothing() {
        CliRun run = CliRun.withoutKey("doctor", "--dry-run");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("nothing is sent").contains("GET /api/v1/cities")
                .contains("GET /api/v1/reports?name=");
    }

    @Test
    void withoutAKeyDoctorExitsWithTheNoKeyCode() {
        CliRun run = CliRun.withoutKey("doctor");

        assertThat(run.exitCode()).isEqualTo(ExitCode.NO_KEY);
        assertThat(run.err()).contains("doctor checks a real key");
    }

    @Test
    void demoIsRefusedRatherThanCheckingTheRealServiceWithTheKeyInTheEnvironment() {
        // --demo promises no key is used and nothing reaches nekorekten.com; doctor did both regardless.
        CliRun withKey = CliRun.run(Map.of(ApiConnection.KEY_VARIABLE, key), "doctor", "--demo");
        CliRun withoutKey = CliRun.withoutKey("doctor", "--demo", "--dry-run");

        for (CliRun run : new CliRun[] {withKey, withoutKey}) {
            assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).startsWith("error: ").contains("--demo does not apply").doesNotContain("dns")
                    .doesNotContain(key);
        }
    }

    @Test
    void theCommandListSummarisesDoctorInOneWholeSentence() {
        String list = CliRun.withoutKey("--help").out();
        String entry = list.substring(list.indexOf("\n  doctor "), list.indexOf("\n  fake-server ")).strip()
                .replaceAll("\\s+", " ");

        assertThat(entry).isEqualTo("doctor Check a real API key against the service, spending at most two requests.");
        String help = CliRun.withoutKey("doctor", "--help").out();
        // Lines written wider than the help's 80 columns came out as stray fragments ("against the").
        assertThat(help.lines().map(String::strip)).contains("Check a real API key against the service, spending at most two"
                + " requests.").doesNotContain("against the", "marked by what the", "the daily quota,");
    }

    private CliRun doctor(FakeServer server, String... more) {
        String[] args = new String[3 + more.length];
        args[0] = "doctor";
        args[1] = "--base-uri";
        args[2] = server.uri().toString();
        System.arraycopy(more, 0, args, 3, more.length);
        return CliRun.run(Map.of(ApiConnection.KEY_VARIABLE, key), args);
    }
}
