package io.nekorekten4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code nekorekten fake-server}: the fake-server module's own command line, run from the CLI. */
class FakeServerSubcommandTest {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

    @Test
    void helpIsTheFakeServersOwn() {
        CliRun run = CliRun.withoutKey("fake-server", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--seed-demo").contains("--key=KEY").contains("--port=PORT");
    }

    @Test
    void itServesTheDemoDataToTheOtherCommandsUntilStopped() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exitCode = new AtomicInteger(-1);
        Thread serving = new Thread(() -> exitCode.set(NekorektenCli.run(
                new String[] {"fake-server", "--port", "0", "--seed-demo", "--key", "sub-demo-key"},
                Map.of(), new PrintWriter(out, true), new PrintWriter(err, true))), "cli-fake-server");
        serving.start();
        try {
            String uri = awaitUri(out);
            CliRun screen = CliRun.run(Map.of(ApiConnection.KEY_VARIABLE, "sub-demo-key"),
                    "--base-uri", uri, "screen", "--phone", "0888123456", "--email", "ivan@example.bg");
            assertThat(screen.exitCode()).as(screen.err()).isZero();
            assertThat(screen.out()).startsWith("FOUND: 2 reports");
            CliRun otherKey = CliRun.run(Map.of(ApiConnection.KEY_VARIABLE, "not-accepted"), "--base-uri", uri, "cities");
            assertThat(otherKey.exitCode()).isEqualTo(4);
        } finally {
            serving.interrupt(); // what Ctrl-C's shutdown does to the waiting server, in-process
            serving.join(10_000);
        }
        assertThat(serving.isAlive()).isFalse();
        assertThat(exitCode.get()).isZero();
    }

    @Test
    void aPortInUseIsAUsageErrorNotFound() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.withoutKey("fake-server", "--port", Integer.toString(taken.getLocalPort()));
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("cannot listen");
        }
    }

    @Test
    void itsOwnUsageErrorsAreTwo() {
        assertThat(CliRun.withoutKey("fake-server", "--no-such-option").exitCode()).isEqualTo(2);
    }

    private static String awaitUri(StringWriter out) throws InterruptedException {
        // Polls the server's own announcement: what a user would read; not a timing assertion.
        for (int i = 0; i < 500; i++) {
            Matcher m = LISTENING.matcher(out.toString());
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the fake server never said where it listens: " + out);
    }
}
