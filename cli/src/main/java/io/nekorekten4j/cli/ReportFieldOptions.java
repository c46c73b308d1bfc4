package io.nekorekten4j.cli;

import io.nekorekten4j.domain.FileId;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportFields;
import io.nekorekten4j.domain.ReportPatch;
import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.domain.Violation;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The fields of a report, as options of {@code report create} and {@code report update}. Values
 * are passed as typed; the domain parses and checks them all at once.
 */
final class ReportFieldOptions {

    @Option(names = "--text", paramLabel = "TEXT", description = "What happened: required by report create; report update replaces it.")
    String text;

    @Option(names = "--phone", paramLabel = "PHONE", description = "The person's phone.")
    String phone;

    @Option(names = "--email", paramLabel = "EMAIL", description = "The person's e-mail.")
    String email;

    @Option(names = "--site", paramLabel = "URL", description = "A web site.")
    String site;

    @Option(names = "--facebook", paramLabel = "URL", description = "The person's Facebook address.")
    String facebook;

    @Option(names = "--first-name", paramLabel = "NAME", description = "First name.")
    String firstName;

    @Option(names = "--last-name", paramLabel = "NAME", description = "Last name.")
    String lastName;

    @Option(names = "--file-id", paramLabel = "ID", description = "An uploaded file's id (repeatable; see: files upload).")
    List<String> fileIds = new ArrayList<>();

    @Option(names = "--city-id", paramLabel = "ID", description = "The city's id (see: cities).")
    Integer cityId;

    /** A draft of these fields. @throws ValidationException listing every problem */
    ReportDraft draft() {
        return fill(ReportDraft.builder()).build();
    }

    /** A patch of these fields. @throws ValidationException listing every problem */
    ReportPatch patch() {
        return fill(ReportPatch.builder()).build();
    }

    /** Sets every option given on the command line; options not given stay unset. */
    private <B extends ReportFields.Builder<B>> B fill(B b) {
        b.files(files());
        if (text != null) {
            b.text(text);
        }
        if (phone != null) {
            b.phone(phone);
        }
        if (email != null) {
            b.email(email);
        }
        if (site != null) {
            b.siteUrl(site);
        }
        if (facebook != null) {
            b.facebookUrl(facebook);
        }
        if (firstName != null) {
            b.firstName(firstName);
        }
        if (lastName != null) {
            b.lastName(lastName);
        }
        if (cityId != null) {
            b.cityId(cityId);
        }
        return b;
    }

    private List<FileId> files() {
        List<FileId> files = new ArrayList<>();
        List<Violation> problems = new ArrayList<>();
        for (String id : fileIds) {
            try {
                files.add(FileId.of(id));
            } catch (ValidationException invalid) {
                invalid.violations().forEach(v -> problems.add(new Violation("files", v.message())));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return files;
    }
}
