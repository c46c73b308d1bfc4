package io.nekorekten4j.cli;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The {@code nekorekten} command line: {@code java -jar nekorekten.jar --help}.
 *
 * <p>Output is UTF-8 whatever the platform's default (Cyrillic names must survive a {@code C}
 * locale and a pipe), and the process exits with the documented code of {@link ExitCode}.
 */
public final class Main {

    private Main() {
    }

    /**
     * Runs the command line and exits the JVM with its exit code.
     *
     * @param args the command line, e.g. {@code screen --phone 0888123456}
     */
    public static void main(String[] args) {
        // Quiet libraries (HttpClient, adapters-http) log to stderr, warnings only, unless told otherwise.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8));
        // System.console() is there only when a person is at a terminal: a bar then, log lines in cron or a pipe.
        int code = NekorektenCli.run(args, System.getenv(), System.console() != null, out, err);
        System.exit(code);
    }
}
