package io.nekorekten4j.ports;

import io.nekorekten4j.domain.Attachment;
import io.nekorekten4j.domain.FileId;
import java.util.List;

/** Uploading files to attach to reports. Implementations are thread safe. */
public interface FilesPort {

    /**
     * The most attachments one upload may carry: a guard of ours (the service states none), the
     * same in every adapter so that an upload the fake accepts is one the HTTP adapter accepts.
     */
    int MAX_ATTACHMENTS_PER_UPLOAD = 10;

    /**
     * Uploads {@code attachments} (already validated by {@link Attachment}: allowed extension,
     * content matching it, size cap) and returns their ids, in the same order, for
     * {@code ReportDraft.builder().files(...)}.
     *
     * @throws io.nekorekten4j.domain.ValidationException when the list is empty or holds more than
     *                                                    {@value #MAX_ATTACHMENTS_PER_UPLOAD} attachments
     * @throws NekorektenException when no answer could be had, or the service refused
     */
    List<FileId> upload(List<Attachment> attachments);
}
