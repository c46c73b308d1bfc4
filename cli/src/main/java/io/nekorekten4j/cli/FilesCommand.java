package io.nekorekten4j.cli;

import io.nekorekten4j.domain.Attachment;
import io.nekorekten4j.domain.FileId;
import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.domain.Violation;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nekorekten files}: upload files to attach to reports. */
@Command(name = "files", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = {"Upload files to attach to reports.", ""},
        subcommands = FilesCommand.Upload.class)
final class FilesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** Without a subcommand there is nothing to do: a usage error. */
    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: upload");
    }

    /** {@code files upload FILE...}. */
    @Command(name = "upload", mixinStandardHelpOptions = true,
            description = {"Upload files and print their ids for report create --file-id.", "",
                "Allowed: jpg, png, pdf, doc, docx, mp4, avi, mp3, wmv, wma, with content matching the "
                        + "extension; at most 10 MiB each and 10 files an upload. Every file is checked before "
                        + "anything is sent.", ""})
    static final class Upload implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "The files to upload.")
        private List<Path> files;

        /** Checks and uploads the files, and prints their ids. */
        @Override
        public Integer call() {
            // A file that cannot be read is a usage error, as a missing --csv or key file is (exit 2).
            List<String> unreadable = files.stream().filter(f -> !Files.isReadable(f) || Files.isDirectory(f))
                    .map(f -> f + (Files.exists(f) ? (Files.isDirectory(f) ? ": a directory" : ": not readable")
                            : ": no such file")).toList();
            if (!unreadable.isEmpty()) {
                throw new UsageException("cannot read " + String.join("; ", unreadable));
            }
            List<Attachment> attachments = new ArrayList<>();
            List<Violation> problems = new ArrayList<>();
            for (Path file : files) {
                try {
                    attachments.add(Attachment.of(file));
                } catch (ValidationException invalid) {
                    invalid.violations().forEach(v -> problems.add(new Violation(file.toString(), v.message())));
                }
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            RootCommand root = RootCommand.of(spec);
            List<FileId> ids;
            boolean demo;
            try (ApiConnection connection = root.connect(spec.commandLine().getErr())) {
                demo = connection.embedded();
                ids = connection.api().upload(attachments);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (root.options().json()) {
                JsonArrayBuilder array = Json.createArrayBuilder();
                for (int i = 0; i < ids.size(); i++) {
                    array.add(Json.createObjectBuilder().add("file", attachments.get(i).fileName()).add("id", ids.get(i).value()));
                }
                JsonOutput.write(array.build(), demo, out);
            } else {
                Demo.printNotice(demo, out);
                TextTable table = new TextTable().column("FILE").column("ID");
                for (int i = 0; i < ids.size(); i++) {
                    table.row(attachments.get(i).fileName(), ids.get(i).value());
                }
                table.print(out);
            }
            return ExitCode.OK;
        }
    }
}
