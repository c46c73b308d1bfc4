package io.nekorekten4j.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nekorekten4j.domain.Attachment;
import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.domain.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class UploadRuleTest {

    private static final byte[] PDF = "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    private static List<Attachment> pdfs(int count) {
        List<Attachment> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            files.add(Attachment.of("receipt-" + i + ".pdf", PDF));
        }
        return files;
    }

    @Test
    void oneToTheMaximumAttachmentsPassAsAnImmutableCopyInOrder() {
        List<Attachment> files = pdfs(FilesPort.MAX_ATTACHMENTS_PER_UPLOAD);

        List<Attachment> checked = UploadRule.checked(files);

        assertThat(checked).containsExactlyElementsOf(files);
        assertThatThrownBy(() -> checked.add(files.get(0))).isInstanceOf(UnsupportedOperationException.class);
        files.clear();
        assertThat(checked).hasSize(FilesPort.MAX_ATTACHMENTS_PER_UPLOAD);
        assertThat(UploadRule.checked(pdfs(1))).hasSize(1);
    }

    @Test
    void anEmptyUploadIsRefusedOnTheFilesField() {
        assertThatThrownBy(() -> UploadRule.checked(List.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .containsExactly(new Violation("files", "give at least one file to upload")));
    }

    @Test
    void oneAttachmentTooManyIsRefusedNamingTheLimitAndTheCount() {
        int tooMany = FilesPort.MAX_ATTACHMENTS_PER_UPLOAD + 1;

        assertThatThrownBy(() -> UploadRule.checked(pdfs(tooMany)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .containsExactly(new Violation(UploadRule.FIELD, "at most " + FilesPort.MAX_ATTACHMENTS_PER_UPLOAD
                                + " files per upload, got " + tooMany)));
    }

    @Test
    void aNullListOrElementIsNamed() {
        assertThatNullPointerException().isThrownBy(() -> UploadRule.checked(null)).withMessage("attachments");
        List<Attachment> withHole = Arrays.asList(pdfs(3).get(0), null, pdfs(1).get(0));
        assertThatNullPointerException().isThrownBy(() -> UploadRule.checked(withHole)).withMessage("attachments[1]");
        assertThatNullPointerException().isThrownBy(() -> UploadRule.checked(Collections.singletonList(null)))
                .withMessage("attachments[0]");
    }
}
