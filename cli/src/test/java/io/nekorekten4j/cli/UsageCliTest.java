package io.nekorekten4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad command lines exit with 2 and one line on stderr; help documents the key and the exit codes. */
class UsageCliTest {

    @TempDir
    Path dir;

    @Test
    void thereIsNoApiKeyOptionAndTheRefusalNeverRepeatsTheValue() {
        for (String[] args : new String[][] {
            {"screen", "--api-key=s3cr3t-key-value", "--phone", "0888123456"},
            {"screen", "--api-key", "s3cr3t-key-value", "--phone", "0888123456"},
            {"--api-key", "s3cr3t-key-value", "cities"}}) {
            CliRun run = CliRun.demo(args);
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).startsWith("error: there is no --api-key option")
                    .contains("NEKOREKTEN_API_KEY").contains("--api-key-file").doesNotContain("s3cr3t");
            assertThat(run.err().lines()).hasSize(1);
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void anUnknownOptionIsNamedWithoutTheValueAfterIt() {
        CliRun run = CliRun.demo("cities", "--token", "s3cr3t-value", "--secret=other-value");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: Unknown options: '--token', '--secret' (see: nekorekten cities --help)"
                + System.lineSeparator());
    }

    @Test
    void helpSaysWhereTheKeyComesFromAndWhyNotAnArgument() {
        CliRun run = CliRun.demo("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("NEKOREKTEN_API_KEY").contains("--api-key-file")
                .contains("There is deliberately no --api-key option").contains("shell history");
    }

    @Test
    void everyCommandsHelpEndsWithTheExitCodes() {
        for (String command : new String[] {"search", "screen", "cities", "report", "files"}) {
            CliRun run = CliRun.demo(command, "--help");
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("Exit codes:").contains("  1   reports found - only with --fail-on-match")
                    .contains("  4   the API key was refused").contains("  6   service unavailable");
        }
        assertThat(CliRun.demo("report", "create", "--help").out()).contains("Exit codes:");
    }

    @Test
    void aMistypedCommandIsNamedWithWhatWasMeant() {
        CliRun run = CliRun.withoutKey("serch", "--phone", "0888123456");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: unknown command 'serch'. Did you mean: search? (see: nekorekten --help)"
                + System.lineSeparator());
        CliRun far = CliRun.withoutKey("s3cr3t-value", "cities");
        assertThat(far.err()).startsWith("error: unknown command; expected one of: search, screen")
                .doesNotContain("s3cr3t");
        assertThat(CliRun.withoutKey("screen", "--phon", "0888123456").err()).contains("Did you mean: --phone?");
    }

    @Test
    void aBaseUriThatIsNotAnAddressSaysWhatIsWrong() {
        CliRun run = CliRun.run(Map.of("NEKOREKTEN_API_KEY", "k-123"), "--base-uri", "notauri", "cities");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--base-uri must be an absolute http or https address")
                .contains("it has no scheme").doesNotContain("null");
        assertThat(CliRun.run(Map.of("NEKOREKTEN_API_KEY", "k-123"), "--base-uri", "ftp://x", "cities").err())
                .contains("its scheme is ftp");
    }

    @Test
    void aCompletionScriptIsGenerated() {
        CliRun run = CliRun.withoutKey("generate-completion");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("complete -F").contains("nekorekten").contains("screen").contains("--csv");
    }

    @Test
    void verboseSaysWhereItConnectsButNeverTheKey() throws IOException {
        Path file = Files.writeString(dir.resolve("key.txt"), "k-verbose-s3cr3t\n");
        CliRun run = CliRun.withoutKey("--verbose", "--api-key-file", file.toString(), "--base-uri", "http://127.0.0.1:9",
                "--plan", "start", "cities");
        assertThat(run.err()).contains("Connecting to http://127.0.0.1:9 with the key from --api-key-file " + file
                + " (never shown), plan Start (10/min, 100/day).").doesNotContain("k-verbose-s3cr3t");
        CliRun debug = CliRun.run(Map.of("NEKOREKTEN_API_KEY", "k-debug-s3cr3t"), "--debug", "--base-uri",
                "http://127.0.0.1:9", "cities");
        assertThat(debug.err()).contains("with the key from NEKOREKTEN_API_KEY (never shown)").doesNotContain("k-debug-s3cr3t");
        assertThat(debug.exitCode()).isEqualTo(6); // nothing listens on port 9
    }

    @Test
    void problemsOfACsvFileKeepTheFilesWordsAndAreNotRewrittenIntoOptionNames() throws IOException {
        // The rewrite of field names into options turned "phone, email, name" into "phone, --email, name".
        Path noBuyer = Files.writeString(dir.resolve("no-buyer.csv"), "order,note\n1,x\n");
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");

        CliRun header = CliRun.demo("screen", "--csv", noBuyer.toString());
        CliRun nothing = CliRun.demo("screen", "--csv", empty.toString());

        assertThat(header.exitCode()).isEqualTo(ExitCode.VALIDATION);
        assertThat(header.err()).contains("expected one or more of phone, email, name, site (or").doesNotContain("--");
        assertThat(nothing.exitCode()).isEqualTo(ExitCode.VALIDATION);
        assertThat(nothing.err()).contains("a header naming phone, email, name and/or site").doesNotContain("--");
        // Problems with options still name the options.
        assertThat(CliRun.demo("search", "--email", "not-an-email").err()).contains("--email: ");
    }

    @Test
    void aDirectoryGivenForAFileSaysSoInsteadOfNamingAnExceptionClass() {
        CliRun csv = CliRun.demo("screen", "--csv", dir.toString());
        CliRun keyFile = CliRun.withoutKey("--api-key-file", dir.toString(), "cities");

        for (CliRun run : new CliRun[] {csv, keyFile}) {
            assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(run.err()).startsWith("error: cannot read ").contains("it is a directory, not a file")
                    .doesNotContain("IOException");
        }
    }

    @Test
    void anOutFileThatCannotBeWrittenSaysWhyInWords() throws IOException {
        Path csv = Files.writeString(dir.resolve("buyers.csv"), "phone\n0888123456\n");
        CliRun noDirectory = CliRun.demo("screen", "--csv", csv.toString(), "--out", dir.resolve("gone/out.csv").toString());
        CliRun aDirectory = CliRun.demo("screen", "--csv", csv.toString(), "--out", dir.toString());

        assertThat(noDirectory.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(noDirectory.err()).contains("no such directory: " + dir.resolve("gone")).doesNotContain("Exception");
        assertThat(aDirectory.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(aDirectory.err()).contains("it is a directory, not a file").doesNotContain("Exception");
    }

    @Test
    void validationMessagesNameTheOptionsNotTheLibrarysFields() {
        CliRun create = CliRun.demo("report", "create", "--text", "Не потърси пратката.", "--site", "not a site");
        assertThat(create.exitCode()).isEqualTo(3);
        assertThat(create.err()).contains("--site: ").doesNotContain("siteUrl");
        CliRun noContact = CliRun.demo("report", "create", "--text", "Не потърси пратката.");
        assertThat(noContact.err()).contains("give at least one of --phone, --email, --site or --facebook")
                .doesNotContain("contact:");
        CliRun emptyUpdate = CliRun.demo("report", "update", "DDdQr8up5V");
        assertThat(emptyUpdate.exitCode()).isEqualTo(ExitCode.VALIDATION);
        assertThat(emptyUpdate.err()).contains("give at least one field to change: --text, --phone,")
                .doesNotContain("patch:");
        assertThat(ErrorMessages.optionNames("Invalid input (2 problems): siteUrl: bad; cityId: must be positive"))
                .isEqualTo("Invalid input (2 problems): --site: bad; --city-id: must be positive");
    }

    @Test
    void versionIsPrinted() {
        assertThat(CliRun.demo("--version").out()).startsWith("nekorekten ");
    }

    @Test
    void noCommandOrAnUnknownOneIsAUsageError() {
        assertThat(CliRun.demo().exitCode()).isEqualTo(2);
        CliRun unknown = CliRun.demo("scren", "--phone", "0888123456");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("error: ").contains("nekorekten --help");
        assertThat(CliRun.demo("report").exitCode()).isEqualTo(2);
        assertThat(CliRun.demo("files").exitCode()).isEqualTo(2);
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        CliRun plan = CliRun.demo("--plan", "gold", "cities");
        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(plan.err()).contains("expected free, start, standard, business, default or N/min[,M/day]");
        assertThat(CliRun.demo("--plan", "0/min", "cities").exitCode()).isEqualTo(2);
        assertThat(new RootCommand.PlanConverter().convert("30/min,500/day"))
                .isEqualTo(io.nekorekten4j.ports.QuotaPlan.of(30, 500));
        assertThat(new RootCommand.PlanConverter().convert("600/min")).isEqualTo(io.nekorekten4j.ports.QuotaPlan.perMinute(600));
        assertThat(new RootCommand.PlanConverter().convert("Start")).isEqualTo(io.nekorekten4j.ports.QuotaPlan.START);
        assertThat(CliRun.demo("search", "--mode", "any", "--phone", "0888123456").exitCode()).isEqualTo(2);
        assertThat(CliRun.demo("search", "--page", "x", "--phone", "0888123456").exitCode()).isEqualTo(2);
    }

    @Test
    void aBaseUriWithoutAKeyIsAUsageErrorNotASilentFake() {
        CliRun run = CliRun.withoutKey("--base-uri", "http://127.0.0.1:9", "cities");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: --base-uri needs an API key (NEKOREKTEN_API_KEY or --api-key-file)"
                + System.lineSeparator());
    }

    @Test
    void plainHttpToAHostThatIsNotLoopbackIsRefused() {
        CliRun run = CliRun.run(Map.of("NEKOREKTEN_API_KEY", "k-123"), "--base-uri", "http://example.com", "cities");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: ").contains("http").doesNotContain("k-123");
    }

    @Test
    void anUnreadableOrEmptyKeyFileIsAUsageError() throws IOException {
        CliRun missing = CliRun.withoutKey("--api-key-file", dir.resolve("nope.txt").toString(), "cities");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot read the key file").contains("no such file");
        Path empty = Files.writeString(dir.resolve("empty.txt"), " \n");
        assertThat(CliRun.withoutKey("--api-key-file", empty.toString(), "cities").err()).contains("is empty");
    }

    @Test
    void aMalformedKeyIsRefusedWithoutShowingIt() throws IOException {
        Path file = Files.writeString(dir.resolve("key.txt"), "two words\n");
        CliRun run = CliRun.withoutKey("--api-key-file", file.toString(), "cities");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: ").doesNotContain("two words");
    }

    @Test
    void validationComesBeforeAnyConnection() {
        CliRun run = CliRun.demo("search");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("error: Invalid input: give at least one of --phone, --email, --name or --site"
                + System.lineSeparator());
        CliRun phone = CliRun.demo("screen", "--phone", "12");
        assertThat(phone.exitCode()).isEqualTo(3);
        assertThat(phone.err()).startsWith("error: Invalid input: --phone: ").doesNotContain(Demo.STDERR_NOTE);
    }

    @Test
    void screenTakesEitherABuyerOrACsvFile() {
        CliRun both = CliRun.demo("screen", "--phone", "0888123456", "--csv", "buyers.csv");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("not both");
        assertThat(CliRun.demo("screen", "--phone", "0888123456", "--out", "x.csv").exitCode()).isEqualTo(2);
        assertThat(CliRun.demo("screen").exitCode()).isEqualTo(3);
    }
}
