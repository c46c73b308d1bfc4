package io.nekorekten4j.cli;

import io.nekorekten4j.ports.QuotaPlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code nekorekten}: the top command. Holds the options every subcommand takes (they may stand
 * before or after the subcommand's name) and the environment the key is read from.
 */
@Command(name = "nekorekten",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        description = {
            "Screen buyers against nekorekten.com, the Bulgarian registry of buyers who refused a "
                    + "cash-on-delivery parcel, and file reports about them.",
            "",
            "The API key is read from the NEKOREKTEN_API_KEY environment variable or from "
                    + "--api-key-file FILE. There is deliberately no --api-key option: a key typed as an "
                    + "argument lands in your shell history. Without a key a command fails (exit code 7) "
                    + "unless --demo asks for the embedded fake with made-up demo data; everything printed "
                    + "on it then says DEMO in its first line (and \"demo\": true in JSON).",
            ""},
        subcommands = {
            SearchCommand.class,
            ScreenCommand.class,
            ReportCommand.class,
            FilesCommand.class,
            CitiesCommand.class,
            DoctorCommand.class,
            FakeServerSubcommand.class,
            CommandLine.HelpCommand.class,
            AutoComplete.GenerateCompletion.class})
final class RootCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--api-key-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Read the API key from FILE (instead of NEKOREKTEN_API_KEY). "
                    + "Never pass the key itself as an argument: it would land in your shell history.")
    private Path apiKeyFile;

    @Option(names = "--plan", paramLabel = "PLAN", scope = ScopeType.INHERIT, converter = PlanConverter.class,
            defaultValue = "default",
            description = "The key's quota plan: free (5/min, 30/day), start (10/min, 100/day), "
                    + "standard (20/min, 300/day), business (60/min, 1000/day); or a contract's own, "
                    + "N/min or N/min,M/day (e.g. 30/min,500/day); default: 10/min as the API documents. "
                    + "Requests are paced to it.")
    private QuotaPlan plan;

    @Option(names = "--base-uri", paramLabel = "URI", scope = ScopeType.INHERIT,
            description = "Where the API is (default https://api.nekorekten.com), e.g. a fake server "
                    + "such as http://127.0.0.1:8089; plain http only on loopback. Needs a key.")
    private String baseUri;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Write JSON for scripts instead of tables.")
    private boolean json;

    @Option(names = "--demo", scope = ScopeType.INHERIT,
            description = "Run on the embedded fake with made-up demo data instead of nekorekten.com "
                    + "(no key needed; any key is not used). Every output then says DEMO in its first line.")
    private boolean demo;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Print no notes, progress or summaries on stderr; errors still are.")
    private boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Say on stderr where the command connects and with which plan (never the key).")
    private boolean verbose;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "As --verbose, plus the library's debug log on stderr (request lines and timings; "
                    + "never headers, so never the key).")
    private boolean debug;

    private final Map<String, String> env;
    private final boolean terminal;

    /**
     * @param env      the environment: where {@code NEKOREKTEN_API_KEY} is looked up
     * @param terminal whether a person is at a terminal (progress bars) rather than a log
     */
    RootCommand(Map<String, String> env, boolean terminal) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
        this.terminal = terminal;
    }

    /** Whether a person is at a terminal: progress is drawn as a bar, not logged as lines. */
    boolean terminal() {
        return terminal;
    }

    /** Without a subcommand there is nothing to do: a usage error. */
    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command, e.g. screen or search");
    }

    /** The global options as given. */
    GlobalOptions options() {
        GlobalOptions.Verbosity verbosity = debug ? GlobalOptions.Verbosity.DEBUG
                : verbose ? GlobalOptions.Verbosity.VERBOSE : GlobalOptions.Verbosity.NORMAL;
        return new GlobalOptions(Optional.ofNullable(apiKeyFile), plan, Optional.ofNullable(baseUri), json,
                demo, quiet, verbosity);
    }

    /** Connects as the options and the environment say; notes go to {@code err}. */
    ApiConnection connect(PrintWriter err) {
        return ApiConnection.open(options(), env, err);
    }

    /** The API key from {@code --api-key-file} or the environment, if any; never printed. */
    Optional<String> apiKey() {
        return ApiConnection.key(options().apiKeyFile(), env);
    }

    /** The root command of the command line {@code spec} belongs to. */
    static RootCommand of(CommandSpec spec) {
        return (RootCommand) spec.root().userObject();
    }

    /** Converts {@code --plan} values: a preset's name, or {@code N/min} with an optional {@code ,M/day}. */
    static final class PlanConverter implements CommandLine.ITypeConverter<QuotaPlan> {

        private static final java.util.regex.Pattern CUSTOM =
                java.util.regex.Pattern.compile("(\\d{1,6})/min(?:,(\\d{1,7})/day)?");

        /** The preset named {@code value}, or the custom plan it spells. */
        @Override
        public QuotaPlan convert(String value) {
            java.util.regex.Matcher custom = CUSTOM.matcher(value.strip().replace(" ", ""));
            if (custom.matches()) {
                int perMinute = Integer.parseInt(custom.group(1));
                if (perMinute < 1 || (custom.group(2) != null && Integer.parseInt(custom.group(2)) < 1)) {
                    throw new CommandLine.TypeConversionException("a plan allows at least 1 a minute and 1 a day, got '"
                            + value + "'");
                }
                return custom.group(2) == null ? QuotaPlan.perMinute(perMinute)
                        : QuotaPlan.of(perMinute, Integer.parseInt(custom.group(2)));
            }
            try {
                return QuotaPlan.preset(value);
            } catch (IllegalArgumentException unknown) {
                throw new CommandLine.TypeConversionException(
                        "expected free, start, standard, business, default or N/min[,M/day], got '" + value + "'");
            }
        }
    }
}
