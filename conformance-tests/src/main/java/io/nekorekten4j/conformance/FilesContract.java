package io.nekorekten4j.conformance;

import static io.nekorekten4j.conformance.TestData.PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nekorekten4j.domain.Attachment;
import io.nekorekten4j.domain.FileId;
import io.nekorekten4j.domain.Report;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportFile;
import io.nekorekten4j.ports.InvalidRequestException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@code FilesPort.upload}: one id per attachment, in order, usable in a draft.
 * Validation of the upload list is {@link ValidationContract}'s concern.
 */
public abstract class FilesContract extends NekorektenContract {

    /** For subclasses. */
    protected FilesContract() {
    }

    /** One attachment gets one id. If this fails, check how the adapter reads the upload answer. */
    @Test
    @KitRule(id = "K-FILES-01", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_upload_returnsAnIdForOneAttachment() {
        List<FileId> ids = client().upload(List.of(TestData.jpeg("parcel.jpg")));

        assertThat(ids).hasSize(1);
    }

    /**
     * Three attachments get three distinct ids. If this fails, the adapter uploads only the first
     * part or reads only the first id.
     */
    @Test
    @KitRule(id = "K-FILES-02", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_upload_returnsOneDistinctIdPerAttachment() {
        List<FileId> ids = client().upload(TestData.photos(3));

        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
    }

    /**
     * Images and documents upload together, in one request (one multipart body with a
     * {@code files[]} part each). If this fails, the adapter uploads file by file.
     */
    @Test
    @KitRule(id = "K-FILES-03", proves = Behaviour.QUOTA)
    public final void required_upload_sendsEveryAttachmentInOneRequest() {
        List<FileId> ids = expectingBackendRequests(1, () -> client().upload(
                List.of(TestData.jpeg("receipt.jpeg"), TestData.pdf("waybill.pdf"))));

        assertThat(ids).hasSize(2);
    }

    /**
     * Uploaded ids can be given to a draft, and the filed report lists as many files. If this fails,
     * check the {@code files} field of the posted report body.
     */
    @Test
    @KitRule(id = "K-FILES-04", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_upload_idsCanBeAttachedToAReport() {
        List<FileId> ids = client().upload(List.of(TestData.jpeg("parcel.jpg"), TestData.pdf("waybill.pdf")));

        client().create(ReportDraft.builder().text("with files").phone(PHONE).files(ids).build());

        Report report = hitsWithText(PHONE, "with files").get(0).report();
        assertThat(report.files()).hasSize(2);
    }

    /**
     * The ids come back in the order of the attachments: the i-th id is the i-th file. Checked on
     * the filed report through the name of each file; skipped when the subject's reports name no
     * files. If this fails, the adapter reorders the parts or the ids.
     */
    @Test
    @KitRule(id = "K-FILES-05", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_upload_idsComeInTheOrderOfTheAttachments() {
        List<Attachment> attachments = List.of(TestData.jpeg("first.jpg"), TestData.pdf("second.pdf"),
                TestData.jpeg("third.jpg"));
        List<FileId> ids = client().upload(attachments);
        client().create(ReportDraft.builder().text("ordered files").phone(PHONE).files(ids).build());

        Report report = hitsWithText(PHONE, "ordered files").get(0).report();
        Map<FileId, String> namesById = new HashMap<>();
        for (ReportFile file : report.files()) {
            file.id().ifPresent(id -> file.name().ifPresent(name -> namesById.put(id, name)));
        }
        Assumptions.assumeTrue(namesById.size() == ids.size(),
                "skipped: the subject's reports do not carry the id and name of each file");
        for (int i = 0; i < ids.size(); i++) {
            assertThat(namesById.get(ids.get(i))).as("name of the file with id #%d", i + 1)
                    .isEqualTo(attachments.get(i).fileName());
        }
    }

    /**
     * Each upload gets new ids: uploading again never returns an id given out before. If this fails,
     * the backend reuses ids, and a report could point at another report's file.
     */
    @Test
    @KitRule(id = "K-FILES-06", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_upload_neverReusesAnId() {
        List<FileId> first = client().upload(List.of(TestData.jpeg("a.jpg")));
        List<FileId> second = client().upload(List.of(TestData.jpeg("a.jpg")));

        assertThat(second).doesNotContainAnyElementsOf(first);
    }

    /**
     * A draft naming a file id the backend never gave out is refused as an invalid request, and
     * files nothing. Needs {@link Capability#FILE_ID_CHECK}. If this fails, check how the adapter
     * maps 400/422.
     */
    @Test
    @KitRule(id = "K-FILES-07", proves = Behaviour.ERRORS)
    public final void optional_fileIdCheck_unknownFileIdIsRejected() {
        assumeCapability(Capability.FILE_ID_CHECK);

        assertThatThrownBy(() -> client().create(ReportDraft.builder().text("bad file").phone(PHONE)
                .files(FileId.of("noSuchFile1")).build()))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(searchByPhone(PHONE).hits()).isEmpty();
    }

    /**
     * A draft mixing a real file id with an unknown one is refused as a whole. Needs
     * {@link Capability#FILE_ID_CHECK}. If this fails, the backend checks only the first id.
     */
    @Test
    @KitRule(id = "K-FILES-08", proves = Behaviour.ERRORS)
    public final void optional_fileIdCheck_oneUnknownIdAmongKnownOnesIsRejected() {
        assumeCapability(Capability.FILE_ID_CHECK);
        List<FileId> known = client().upload(List.of(TestData.jpeg("real.jpg")));

        assertThatThrownBy(() -> client().create(ReportDraft.builder().text("half bad").phone(PHONE)
                .files(known.get(0), FileId.of("noSuchFile2")).build()))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(searchByPhone(PHONE).hits()).isEmpty();
    }
}
