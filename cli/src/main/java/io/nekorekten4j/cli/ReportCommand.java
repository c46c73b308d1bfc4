package io.nekorekten4j.cli;

import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.ReportPatch;
import io.nekorekten4j.domain.ReportReceipt;
import io.nekorekten4j.domain.ServerText;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.RequestOutcome;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nekorekten report}: file, edit and delete reports. */
@Command(name = "report", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = {"File, edit or delete a report.", "",
            "A create is never retried once it may have reached the service: a duplicate would be "
                    + "seen by every merchant.", ""},
        subcommands = {ReportCommand.Create.class, ReportCommand.Update.class, ReportCommand.Delete.class})
final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** Without a subcommand there is nothing to do: a usage error. */
    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: create, update or delete");
    }

    /** Prints a receipt: the report's id when the service returned one, and its message. */
    static void print(String verb, Optional<ReportId> id, ReportReceipt receipt, boolean json, boolean demo,
                      PrintWriter out) {
        Optional<ReportId> shown = receipt.id().or(() -> id);
        if (json) {
            JsonObjectBuilder o = Json.createObjectBuilder();
            ReportViews.put(o, "id", shown.map(ReportId::value));
            JsonOutput.write(o.add("message", receipt.message()).build(), demo, out);
            return;
        }
        Demo.printNotice(demo, out);
        out.println(verb + shown.map(i -> " report " + i.value()).orElse(" the report (the service returned no id)")
                + (receipt.message().isBlank() ? "." : ": " + ServerText.sanitise(receipt.message())));
    }

    /** {@code report create}. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"File a new report.", "",
                "--text and at least one of --phone, --email, --site, --facebook are required.", ""})
    static final class Create implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private ReportFieldOptions fields;

        /** Files the report. */
        @Override
        public Integer call() {
            ReportDraft draft = fields.draft();
            RootCommand root = RootCommand.of(spec);
            ReportReceipt receipt;
            boolean demo;
            try (ApiConnection connection = root.connect(spec.commandLine().getErr())) {
                demo = connection.embedded();
                receipt = connection.api().create(draft);
            } catch (NekorektenException failure) {
                // A create is never retried once it may have reached the service; the user decides,
                // and must know whether a second try could file the report twice.
                PrintWriter err = spec.commandLine().getErr();
                err.println(ErrorMessages.of(failure));
                err.println(failure.outcome() == RequestOutcome.MAY_HAVE_BEEN_APPLIED
                        ? "note: the report MAY HAVE BEEN FILED despite this error: search for it (nekorekten search"
                                + " --phone/--email/--site ...) before filing it again"
                        : "note: the report was not filed; it is safe to try again once the cause is fixed");
                err.flush();
                return ExitCode.of(failure);
            }
            print(demo ? "Created on the demo fake (not filed at nekorekten.com)" : "Created", Optional.empty(), receipt,
                    root.options().json(), demo, spec.commandLine().getOut());
            return ExitCode.OK;
        }
    }

    /** {@code report update ID}. */
    @Command(name = "update", mixinStandardHelpOptions = true,
            description = {"Change fields of a report filed with your key.", "", "Give at least one field.", ""})
    static final class Update implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "The report's id.")
        private String id;

        @Mixin
        private ReportFieldOptions fields;

        /** Changes the report. */
        @Override
        public Integer call() {
            ReportId reportId = ReportId.of(id);
            ReportPatch patch = fields.patch();
            RootCommand root = RootCommand.of(spec);
            ReportReceipt receipt;
            boolean demo;
            try (ApiConnection connection = root.connect(spec.commandLine().getErr())) {
                demo = connection.embedded();
                receipt = connection.api().update(reportId, patch);
            }
            print("Updated", Optional.of(reportId), receipt, root.options().json(), demo, spec.commandLine().getOut());
            return ExitCode.OK;
        }
    }

    /** {@code report delete ID}. */
    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = {"Delete a report filed with your key.", ""})
    static final class Delete implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "The report's id.")
        private String id;

        /** Deletes the report. */
        @Override
        public Integer call() {
            ReportId reportId = ReportId.of(id);
            RootCommand root = RootCommand.of(spec);
            boolean demo;
            try (ApiConnection connection = root.connect(spec.commandLine().getErr())) {
                demo = connection.embedded();
                connection.api().delete(reportId);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (root.options().json()) {
                JsonOutput.write(Json.createObjectBuilder().add("id", reportId.value()).add("deleted", true).build(), demo, out);
            } else {
                Demo.printNotice(demo, out);
                out.println("Deleted report " + reportId.value() + ".");
            }
            return ExitCode.OK;
        }
    }
}
