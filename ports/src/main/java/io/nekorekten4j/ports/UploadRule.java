package io.nekorekten4j.ports;

import io.nekorekten4j.domain.Attachment;
import io.nekorekten4j.domain.ValidationException;
import java.util.List;
import java.util.Objects;

/**
 * The one rule every adapter applies to an upload before anything is sent or stored, so that an
 * upload the fake accepts is one the HTTP adapter accepts, refused with the same messages. Each
 * attachment itself is already checked by {@link Attachment} (allowed extension, content matching
 * it, size cap); this rule checks the list: at least one attachment, at most
 * {@link FilesPort#MAX_ATTACHMENTS_PER_UPLOAD}.
 */
public final class UploadRule {

    /** The field a refused upload's violation names: the service's {@code files}. */
    public static final String FIELD = "files";

    private UploadRule() {
    }

    /**
     * An immutable copy of {@code attachments} once the rule holds.
     *
     * @throws NullPointerException when {@code attachments} is null, or an element is (naming it,
     *                              e.g. {@code attachments[2]})
     * @throws ValidationException  (field {@value #FIELD}) when the list is empty or holds more than
     *                              {@link FilesPort#MAX_ATTACHMENTS_PER_UPLOAD} attachments
     */
    public static List<Attachment> checked(List<Attachment> attachments) {
        Objects.requireNonNull(attachments, "attachments");
        for (int i = 0; i < attachments.size(); i++) {
            Objects.requireNonNull(attachments.get(i), "attachments[" + i + "]");
        }
        if (attachments.isEmpty()) {
            throw new ValidationException(FIELD, "give at least one file to upload");
        }
        if (attachments.size() > FilesPort.MAX_ATTACHMENTS_PER_UPLOAD) {
            throw new ValidationException(FIELD, "at most " + FilesPort.MAX_ATTACHMENTS_PER_UPLOAD
                    + " files per upload, got " + attachments.size());
        }
        return List.copyOf(attachments);
    }
}
