package io.nekorekten4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/**
 * One in-process run of the command line: its exit code and what it wrote to stdout and stderr.
 *
 * @param exitCode the exit code
 * @param out      everything written to stdout
 * @param err      everything written to stderr
 */
record CliRun(int exitCode, String out, String err) {

    /** Runs {@code args} with the environment {@code env} and captured streams (not a terminal). */
    static CliRun run(Map<String, String> env, String... args) {
        return run(env, false, args);
    }

    /** Runs {@code args} with the environment {@code env}, captured streams, as on a terminal or not. */
    static CliRun run(Map<String, String> env, boolean terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NekorektenCli.run(args, env, terminal, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Runs {@code args} with no API key in the environment (and without --demo: such runs fail). */
    static CliRun withoutKey(String... args) {
        return run(Map.of(), args);
    }

    /** Runs {@code --demo} and {@code args} with no API key: against the embedded fake. */
    static CliRun demo(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "--demo";
        System.arraycopy(args, 0, all, 1, args.length);
        return run(Map.of(), all);
    }

    /** stdout without its first line, which on the demo fake is {@link Demo#NOTICE}. */
    String outAfterNotice() {
        if (!out.startsWith(Demo.NOTICE + System.lineSeparator())) {
            throw new AssertionError("stdout does not start with the demo notice: " + out);
        }
        return out.substring(Demo.NOTICE.length() + System.lineSeparator().length());
    }
}
