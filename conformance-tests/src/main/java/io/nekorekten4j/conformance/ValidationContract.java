package io.nekorekten4j.conformance;

import static io.nekorekten4j.conformance.TestData.PHONE;
import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.domain.Attachment;
import io.nekorekten4j.domain.FileId;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportFields;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.ReportPatch;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.domain.Violation;
import io.nekorekten4j.ports.FilesPort;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Validation before any request: bad input is refused with a {@code ValidationException} listing
 * every violated field (or a {@code NullPointerException} naming a missing argument), and
 * <strong>no request reaches the backend</strong> for it, so no quota is spent. Every rule checks
 * {@link ConformanceSubject#backendRequestCount()} before and after.
 *
 * <p>Builders of the domain validate on {@code build()}; the kit checks them here too, because an
 * adapter that offers its own shortcuts must keep the same rules.
 */
public abstract class ValidationContract extends NekorektenContract {

    /** For subclasses. */
    protected ValidationContract() {
    }

    // ---- builders ----------------------------------------------------------------------------

    /**
     * A search without any filter is refused, under {@code criteria}. If this fails, check the
     * domain's {@code SearchCriteria.Builder.build()} (and any shortcut of the adapter that builds criteria).
     */
    @Test
    @KitRule(id = "K-VALID-01", proves = Behaviour.VALIDATION_BEFORE_ANY_REQUEST)
    public final void required_validation_searchWithoutAnyFilterIsRefused() {
        ValidationException e = assertRefusedBeforeAnyRequest(ValidationException.class,
                () -> SearchCriteria.builder().build());

        assertThat(fields(e)).containsExactly("criteria");
    }

    /**
     * Search criteria report every problem at once: an invalid phone, an invalid e-mail and a page
     * below 1. If this fails, validation stops at the first problem.
     */
    @Test
    @KitRule(id = "K-VALID-02", proves = Behaviour.VALIDATION_BEFORE_ANY_REQUEST)
    public final void required_validation_searchCriteriaReportEveryViolation() {
        ValidationException e = assertRefusedBeforeAnyRequest(ValidationException.class,
                () -> SearchCriteria.builder().phone("12").email("not an e-mail").page(0).build());

        assertThat(fields(e)).contains("phone", "email", "page");
    }

    /** A draft without text is refused under {@code text}. If this fails, check {@code ReportDraft.Builder.build()}. */
    @Test
    @KitRule(id = "K-VALID-03", proves = Behaviour.VALIDATION_BEFORE_ANY_REQUEST)
    public final void required_validation_draftWithoutTextIsRefused() {
        ValidationException e = assertRefusedBeforeAnyRequest(ValidationException.class,
                () -> ReportDraft.builder().phone(PHONE).build());

        assertThat(fields(e)).containsExactly("text");
    }

    /**
     * A draft that identifies nobody (no phone, e-mail, site or Facebook) is refused under
     * {@code contact}. If this fails, check {@code ReportDraft.Builder.build()}.
     */
    @Test
    @KitRule(id = "K-VALID-04", proves = Behaviour.VALIDATION_BEFORE_ANY_REQUEST)
    public final void required_validation_draftIdentifyingNobodyIsRefused() {
        ValidationException e = assertRefusedBeforeAnyRequest(ValidationException.class,
                () -> ReportDraft.builder().text("who?").firstName("Иван").build());

        assertThat(fields(e)).containsExactly("contact");
    }

    /** A draft with a phone that is not a valid number is refused under {@code phone}. If this fails, check {@code Phone.parse}. */
    @Test
    @KitRule(id = "K-VALID-05", proves = {Behaviour.VALIDATION_BEFORE_ANY_REQUEST, Behaviour.PHONES})
    public final void required_validation_draftWithAnInvalidPhoneIsRefused() {
        ValidationException e = assertRefusedBeforeAnyRequest(ValidationException.class,
                () -> ReportDraft.builder().text("bad phone").phone("0888 12").build());

        assertThat(fields(e)).containsExactly("phone");
    }

    /** A Facebook address off facebook.com is refused under {@code facebookUrl}. If this fails, check {@code WebAddress.parseFacebook}. */
    @Test
    @KitRule(id = "K-VALID-06", proves = Behaviour.VALIDATION_BEFORE_ANY_REQUEST)
    public final void required_validation_draftWithANonFacebookAddressIsRefused() {
        ValidationException e = assertRefusedBeforeAnyRequest(ValidationException.class,
                () -> ReportDraft.builder().text("bad profile").facebookUrl("https://example.com/ivan").build());

        assertThat(fields(e)).containsExactly("facebookUrl");
    }

    /**
     * A draft with more than {@link ReportFields#MAX_FILES} file ids is refused under {@code files}.
     * If this fails, check the file-count guard of {@code ReportFields}.
     */
    @Test
    @KitRule(id = "K-VALID-07", proves = Behaviour.VALIDATION_BEFORE_ANY_REQUEST)
    public final void required_validation_draftWithTooManyFilesIsRefused() {
        List<FileId> ids = new ArrayList<>();
        for (int i = 0; i <= ReportFields.MAX_FILES; i++) {
            ids.add(FileId.of("file" + i));
        }

        ValidationException e = assertRefusedBeforeAnyRequest(ValidationException.class,
                () -> ReportDraft.builder().text("many files").phone(PHONE).files(ids).build());

        assertThat(fields(e)).containsExactly("files");
    }

    /**
     * A draft lists every problem at once: no text, a bad phone and a bad e-mail. If this fails,
     * validation stops at the first problem, and a merchant fixes one field per attempt.
     */
    @Test
    @KitRule(id = "K-VALID-08", proves = Behaviour.VALIDATION_BEFORE_ANY_REQUEST)
    public final void required_validation_draftReportsEveryViolation() {
        ValidationException e = assertRefusedBeforeAnyRequest(ValidationException.class,
                () -> ReportDraft.builder().phone("0888 12").email("@abv.bg").build());

        assertThat(fields(e)).contains("text", "phone", "email");
    }

    /** A patch that changes nothing is refused under {@code patch}. If this fails, check {@code ReportPatch.Builder.build()}. */
    @Test
    @KitRule(id = "K-VALID-09", proves = Behaviour.VALIDATION_BEFORE_ANY_REQUEST)
    public final void required_validation_emptyPatchIsRefused() {
        ValidationException e = assertRefusedBeforeAnyRequest(ValidationException.class,
                () -> ReportPatch.builder().build());

        assertThat(fields(e)).containsExactly("patch");
    }

    /** A patch with an invalid e-mail is refused under {@code email}. If this fails, check {@code Email.parse}. */
    @Test
    @KitRule(id = "K-VALID-10", proves = Behaviour.VALIDATION_BEFORE_ANY_REQUEST)
    public final void required_validation_patchWithAnInvalidEmailIsRefused() {
        ValidationException e = assertRefusedBeforeAnyRequest(ValidationException.class,
                () -> ReportPatch.builder().email("ivan(at)abv.bg").build());

        assertThat(fields(e)).containsExactly("email");
    }

    /**
     * A report id that could break a URL path ({@code ../reports}) is refused. If this fails, an
     * id could redirect a PATCH or DELETE to another path: check {@code ReportId}.
     */
    @Test
    @KitRule(id = "K-VALID-11", proves = Behaviour.VALIDATION_BEFORE_ANY_REQUEST)
    public final void required_validation_unsafeReportIdIsRefused() {
        assertRefusedBeforeAnyRequest(ValidationException.class, () -> ReportId.of("../reports"));
    }

    /** An attachment with an extension the service does not accept is refused under {@code files}. If this fails, check {@code Attachment}. */
    @Test
    @KitRule(id = "K-VALID-12", proves = Behaviour.VALIDATION_BEFORE_ANY_REQUEST)
    public final void required_validation_attachmentWithADisallowedExtensionIsRefused() {
        ValidationException e = assertRefusedBeforeAnyRequest(ValidationException.class,
                () -> Attachment.of("script.exe", TestData.jpegBytes()));

        assertThat(fields(e)).containsOnly("files");
    }

    /** An attachment whose content does not match its extension (a PDF named .jpg) is refused. If this fails, check the magic-byte check of {@code Attachment}. */
    @Test
    @KitRule(id = "K-VALID-13", proves = Behaviour.VALIDATION_BEFORE_ANY_REQUEST)
    public final void required_validation_attachmentWhoseContentBeliesItsExtensionIsRefused() {
        assertRefusedBeforeAnyRequest(ValidationException.class, () -> Attachment.of("photo.jpg", TestData.pdfBytes()));
    }

    // ---- the adapter's own arguments ---------------------------------------------------------

    /**
     * An empty upload list is refused before any request. If this fails, the adapter sends an empty
     * multipart body (and spends a request) instead of checking the list.
     */
    @Test
    @KitRule(id = "K-VALID-14", proves = Behaviour.VALIDATION_BEFORE_ANY_REQUEST)
    public final void required_validation_emptyUploadListIsRefused() {
        ValidationException e = assertRefusedBeforeAnyRequest(ValidationException.class,
                () -> client().upload(List.of()));

        assertThat(e.violations()).isNotEmpty();
    }

    /**
     * An upload of more attachments than {@link FilesPort#MAX_ATTACHMENTS_PER_UPLOAD} is
     * refused before any request. If this fails, the adapter does not bound the upload list.
     */
    @Test
    @KitRule(id = "K-VALID-15", proves = Behaviour.VALIDATION_BEFORE_ANY_REQUEST)
    public final void required_validation_tooLongUploadListIsRefused() {
        assertRefusedBeforeAnyRequest(ValidationException.class,
                () -> client().upload(TestData.photos(FilesPort.MAX_ATTACHMENTS_PER_UPLOAD + 1)));
    }

    /** A {@code null} upload list is refused before any request. If this fails, add {@code Objects.requireNonNull} before sending. */
    @Test
    @KitRule(id = "K-VALID-16", proves = Behaviour.VALIDATION_BEFORE_ANY_REQUEST)
    public final void required_validation_nullUploadListIsRefused() {
        assertRefusedBeforeAnyRequest(NullPointerException.class, () -> client().upload(null));
    }

    /** A {@code null} attachment inside the upload list is refused before any request. If this fails, check each element before sending. */
    @Test
    @KitRule(id = "K-VALID-17", proves = Behaviour.VALIDATION_BEFORE_ANY_REQUEST)
    public final void required_validation_nullAttachmentIsRefused() {
        List<Attachment> withNull = Arrays.asList(TestData.jpeg("a.jpg"), null);

        assertRefusedBeforeAnyRequest(NullPointerException.class, () -> client().upload(withNull));
    }

    /** {@code search(null)} is refused before any request. If this fails, add {@code Objects.requireNonNull} before sending. */
    @Test
    @KitRule(id = "K-VALID-18", proves = Behaviour.VALIDATION_BEFORE_ANY_REQUEST)
    public final void required_validation_nullCriteriaAreRefused() {
        assertRefusedBeforeAnyRequest(NullPointerException.class, () -> client().search(null));
    }

    /** {@code create(null)} is refused before any request. If this fails, add {@code Objects.requireNonNull} before sending. */
    @Test
    @KitRule(id = "K-VALID-19", proves = Behaviour.VALIDATION_BEFORE_ANY_REQUEST)
    public final void required_validation_nullDraftIsRefused() {
        assertRefusedBeforeAnyRequest(NullPointerException.class, () -> client().create(null));
    }

    /** {@code update(null, patch)} is refused before any request. If this fails, add {@code Objects.requireNonNull} before sending. */
    @Test
    @KitRule(id = "K-VALID-20", proves = Behaviour.VALIDATION_BEFORE_ANY_REQUEST)
    public final void required_validation_updateWithANullIdIsRefused() {
        ReportPatch patch = ReportPatch.builder().text("x").build();

        assertRefusedBeforeAnyRequest(NullPointerException.class, () -> client().update(null, patch));
    }

    /** {@code update(id, null)} is refused before any request. If this fails, add {@code Objects.requireNonNull} before sending. */
    @Test
    @KitRule(id = "K-VALID-21", proves = Behaviour.VALIDATION_BEFORE_ANY_REQUEST)
    public final void required_validation_updateWithANullPatchIsRefused() {
        assertRefusedBeforeAnyRequest(NullPointerException.class,
                () -> client().update(ReportId.of("0obgyGbp1Ms"), null));
    }

    /** {@code delete(null)} is refused before any request. If this fails, add {@code Objects.requireNonNull} before sending. */
    @Test
    @KitRule(id = "K-VALID-22", proves = Behaviour.VALIDATION_BEFORE_ANY_REQUEST)
    public final void required_validation_deleteWithANullIdIsRefused() {
        assertRefusedBeforeAnyRequest(NullPointerException.class, () -> client().delete(null));
    }

    private static List<String> fields(ValidationException e) {
        return e.violations().stream().map(Violation::field).distinct().toList();
    }
}
