package io.nekorekten4j.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * Runs one command line of {@code nekorekten} with the given environment and streams, and returns
 * its exit code ({@link ExitCode}). {@link Main} passes the process's; tests pass their own, so a
 * whole run happens in-process.
 */
final class NekorektenCli {

    /** Printed under every command's help: where the key comes from. */
    static final String[] KEY_FOOTER = {
        "",
        "API key: from the NEKOREKTEN_API_KEY environment variable or --api-key-file",
        "FILE, never from an argument (it would land in your shell history). Without",
        "one a command fails with exit code 7; --demo runs it on an embedded fake with",
        "made-up data instead, and every output then says DEMO in its first line.",
    };

    private NekorektenCli() {
    }

    /**
     * Runs {@code args}.
     *
     * @param args the arguments, as {@code main} gets them
     * @param env  the environment ({@code NEKOREKTEN_API_KEY})
     * @param out  where results go
     * @param err  where notes, progress and errors go
     * @return the exit code
     */
    static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
        return run(args, env, false, out, err);
    }

    /**
     * Runs {@code args}.
     *
     * @param args     the arguments, as {@code main} gets them
     * @param env      the environment ({@code NEKOREKTEN_API_KEY})
     * @param terminal whether a person is at a terminal ({@code System.console()}): progress bars
     *                 instead of log lines
     * @param out      where results go
     * @param err      where notes, progress and errors go
     * @return the exit code
     */
    static int run(String[] args, Map<String, String> env, boolean terminal, PrintWriter out, PrintWriter err) {
        Objects.requireNonNull(args, "args");
        CommandLine cli = commandLine(env, terminal, out, err);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The configured command line. */
    static CommandLine commandLine(Map<String, String> env, boolean terminal, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new RootCommand(env, terminal));
        cli.setOut(Objects.requireNonNull(out, "out"));
        cli.setErr(Objects.requireNonNull(err, "err"));
        cli.setExecutionExceptionHandler((failure, commandLine, parseResult) -> {
            commandLine.getErr().println(ErrorMessages.of(failure));
            commandLine.getErr().flush();
            return ExitCode.of(failure);
        });
        cli.setParameterExceptionHandler(NekorektenCli::usageError);
        List<String> footer = new ArrayList<>(List.of(KEY_FOOTER));
        footer.addAll(List.of(ExitCode.HELP_FOOTER));
        addFooter(cli, footer.toArray(String[]::new));
        return cli;
    }

    /** One line on stderr, and where to find help; the key is never echoed. */
    private static int usageError(CommandLine.ParameterException problem, String[] args) {
        CommandLine where = problem.getCommandLine();
        PrintWriter err = where.getErr();
        String message = mentionsKeyOption(problem)
                ? "there is no --api-key option: the key is read from NEKOREKTEN_API_KEY or --api-key-file FILE, "
                        + "never from an argument (it would land in your shell history)"
                : unknownCommand(problem).or(() -> unknownOptions(problem))
                        .orElseGet(() -> ErrorMessages.oneLine(problem.getMessage()));
        err.println("error: " + message + " (see: " + where.getCommandSpec().qualifiedName() + " --help)");
        err.flush();
        return ExitCode.USAGE;
    }

    // "--api-key=SECRET" or "--api-key SECRET" would be repeated in picocli's message: say
    // something fixed instead.
    private static boolean mentionsKeyOption(CommandLine.ParameterException problem) {
        if (problem instanceof CommandLine.UnmatchedArgumentException unmatched) {
            return unmatched.getUnmatched().stream()
                    .anyMatch(a -> a.equals("--api-key") || a.startsWith("--api-key=") || a.startsWith("--apikey"));
        }
        return false;
    }

    // "nekorekten serch --phone ..." is a mistyped command, not an unknown --phone. The word is shown
    // only when a command is close to it: an unknown word may be a value typed in the wrong place.
    private static Optional<String> unknownCommand(CommandLine.ParameterException problem) {
        if (!(problem instanceof CommandLine.UnmatchedArgumentException unmatched)
                || problem.getCommandLine().getSubcommands().isEmpty() || unmatched.getUnmatched().isEmpty()
                || unmatched.getUnmatched().get(0).startsWith("-")) {
            return Optional.empty();
        }
        String word = unmatched.getUnmatched().get(0);
        List<String> commands = problem.getCommandLine().getSubcommands().keySet().stream()
                .filter(c -> !problem.getCommandLine().getSubcommands().get(c).getCommandSpec().usageMessage().hidden())
                .toList();
        List<String> close = commands.stream().filter(c -> distance(c, word) <= Math.max(1, c.length() / 3)).toList();
        if (close.isEmpty()) {
            return Optional.of("unknown command; expected one of: " + String.join(", ", commands));
        }
        return Optional.of("unknown command '" + word + "'. Did you mean: " + String.join(" or ", close) + "?");
    }

    /** The Levenshtein distance: how many letters to add, drop or change to turn {@code a} into {@code b}. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + change);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    // Picocli's message repeats every unmatched argument, values included ("--token SECRET"):
    // name only the unknown options, without what follows them.
    private static Optional<String> unknownOptions(CommandLine.ParameterException problem) {
        if (!(problem instanceof CommandLine.UnmatchedArgumentException unmatched)) {
            return Optional.empty();
        }
        List<String> options = unmatched.getUnmatched().stream().filter(a -> a.startsWith("-") && a.length() > 1)
                .map(a -> a.contains("=") ? a.substring(0, a.indexOf('=')) : a).distinct().toList();
        if (options.isEmpty()) {
            return Optional.empty();
        }
        List<String> close = unmatched.getSuggestions().stream().filter(s -> s.startsWith("-")).toList();
        return Optional.of((options.size() == 1 ? "Unknown option: " : "Unknown options: ")
                + options.stream().map(o -> "'" + o + "'").collect(Collectors.joining(", "))
                + (close.isEmpty() ? "" : ". Did you mean: " + String.join(" or ", close) + "?"));
    }

    private static void addFooter(CommandLine cli, String[] footer) {
        cli.getCommandSpec().usageMessage().footer(footer);
        for (CommandLine sub : cli.getSubcommands().values()) {
            addFooter(sub, footer);
        }
    }
}
