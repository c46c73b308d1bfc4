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

    /** Runs {@code args} with the environment {@code env} and captured streams. */
    static CliRun run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NekorektenCli.run(args, env, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Runs {@code args} with no API key in the environment: against the embedded fake. */
    static CliRun withoutKey(String... args) {
        return run(Map.of(), args);
    }
}
