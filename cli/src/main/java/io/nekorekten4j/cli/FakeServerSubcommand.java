package io.nekorekten4j.cli;

import io.nekorekten4j.fakeserver.FakeServerCommand;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code nekorekten fake-server ...}: runs the fake-server module's own command line
 * ({@link FakeServerCommand}) with every argument after {@code fake-server}, so its options and its
 * help are the module's, not a copy that could drift.
 */
@Command(name = "fake-server", synopsisSubcommandLabel = "",
        description = {"Run the fake server on 127.0.0.1 (options: nekorekten fake-server --help).", "",
            "Serves the in-memory fake over the real wire protocol until Ctrl-C: --port PORT, --seed-demo, "
                    + "--key KEY (repeatable), --refuse-key KEY, --refuse-ip KEY=IP, --plan PLAN. Point the "
                    + "other commands at it with --base-uri and a key it accepts. Give its options after "
                    + "fake-server.", ""})
final class FakeServerSubcommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    // Everything is the module's to parse; this command only makes sure picocli lets it through.
    @Unmatched
    private List<String> unmatched;

    /** Runs the fake server's command line until it stops. */
    @Override
    public Integer call() {
        List<String> original = spec.root().commandLine().getParseResult().originalArgs();
        int at = original.indexOf(spec.name());
        String[] args = original.subList(at + 1, original.size()).toArray(String[]::new);
        CommandLine server = FakeServerCommand.commandLine();
        server.setOut(spec.commandLine().getOut());
        server.setErr(spec.commandLine().getErr());
        // Its exit codes are the CLI's: 0 stopped, 2 usage or a port in use.
        return server.execute(args);
    }
}
