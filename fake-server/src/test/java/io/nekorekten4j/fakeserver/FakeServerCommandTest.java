package io.nekorekten4j.fakeserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line: its help, its usage errors, and the server its options describe. */
class FakeServerCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = FakeServerCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static FakeServerCommand parse(String... args) {
        FakeServerCommand command = new FakeServerCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void helpListsEveryOptionAndExitsWithZero() {
        int code = run("--help");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("Usage: nekorekten4j-fake-server", "--port=PORT", "--seed-demo",
                "--key=KEY", "--refuse-key=KEY", "--refuse-ip=KEY=IP", "--plan=PLAN", "-h, --help",
                "default: 8089", "free (5/min,", "/api/v1/reports", "Exit codes");
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithCodeTwo() {
        int code = run("--no-such-option");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--no-such-option'");
    }

    @Test
    void anUnknownPlanIsAUsageErrorNamingThePresets() {
        int code = run("--plan", "gold", "--port", "0");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("unknown plan 'gold'", "free, start, standard, business or default");
    }

    @Test
    void aRefusedIpThatIsNotAnAddressIsAUsageError() {
        int code = run("--refuse-ip", "shop=not-an-ip", "--port", "0");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("not-an-ip");
    }

    @Test
    void aPortThatIsTakenEndsWithCodeTwoAndSaysWhy() {
        try (FakeServer taken = FakeServer.builder().build().start()) {
            int code = run("--port", Integer.toString(taken.port()));

            assertThat(code).isEqualTo(2);
            assertThat(err.toString()).contains("cannot listen on 127.0.0.1:" + taken.port());
        }
    }

    @Test
    void theDefaultsAreTheDocumentedPortAndNoSeedNorKeys() {
        FakeServerCommand command = parse();

        assertThat(command.port).isEqualTo(FakeServer.DEFAULT_PORT);
        assertThat(command.seedDemo).isFalse();
        assertThat(command.keys).isEmpty();
        assertThat(command.plan).isNull();
    }

    @Test
    void theOptionsDescribeTheServerThatStarts() {
        FakeServerCommand command = parse("--port", "0", "--seed-demo", "--key", "demo-key", "--key", "other-key",
                "--refuse-key", "revoked", "--refuse-ip", "shop=198.51.100.4", "--plan", "free");

        try (FakeServer server = command.toBuilder().build().start()) {
            RawHttp http = new RawHttp(server.uri());
            assertThat(server.fake().reportCount()).isEqualTo(12);
            assertThat(http.get("/api/v1/reports?phone=359888123456", "demo-key").json().getInt("count")).isEqualTo(1);
            assertThat(http.get("/api/v1/cities", "other-key").status()).isEqualTo(200);
            assertThat(http.get("/api/v1/cities", "unknown-key").status()).isEqualTo(401);
            assertThat(http.get("/api/v1/cities", "revoked").status()).isEqualTo(401);
            assertThat(http.get("/api/v1/cities", "shop").json().getString("message")).contains("198.51.100.4");
            for (int i = 0; i < 4; i++) {
                http.get("/api/v1/cities", "demo-key");
            }
            assertThat(http.get("/api/v1/cities", "demo-key").status()).as("the Free plan's sixth request in a minute")
                    .isEqualTo(429);
        }
    }
}
