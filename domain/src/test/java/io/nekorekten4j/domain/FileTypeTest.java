package io.nekorekten4j.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FileTypeTest {

    @ParameterizedTest
    @CsvSource({
            "jpeg, JPEG", "jpg, JPEG", "png, PNG", "pdf, PDF", "doc, DOC", "docx, DOCX",
            "mp4, MP4", "avi, AVI", "mp3, MP3", "wmv, WMV", "wma, WMA"})
    void everyExtensionOnTheApiWhitelistHasAType(String ext, FileType type) {
        assertThat(FileType.ofExtension(ext)).contains(type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PDF", "Pdf", ".pdf", ".PDF"})
    void extensionsAreMatchedIgnoringCaseAndALeadingDot(String ext) {
        assertThat(FileType.ofExtension(ext)).contains(FileType.PDF);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "exe", "gif", "txt", "zip", "docm", "jpe", "pdf ", " pdf", "..pdf"})
    void anyOtherExtensionHasNoType(String ext) {
        assertThat(FileType.ofExtension(ext)).isEmpty();
    }

    @Test
    void aNullExtensionIsRejectedNamingTheParameter() {
        assertThatThrownBy(() -> FileType.ofExtension(null)).isInstanceOf(NullPointerException.class).hasMessage("ext");
    }

    @Test
    void jpegHasBothItsExtensions() {
        assertThat(FileType.JPEG.extensions()).containsExactlyInAnyOrder("jpg", "jpeg");
    }

    @Test
    void theExtensionsCannotBeChanged() {
        assertThatThrownBy(() -> FileType.PDF.extensions().add("exe")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theTypesCoverExactlyTheApiWhitelist() {
        assertThat(Stream.of(FileType.values()).flatMap(t -> t.extensions().stream()))
                .containsExactlyInAnyOrder("jpeg", "jpg", "png", "pdf", "doc", "docx", "mp4", "avi", "mp3", "wmv", "wma");
        assertThat(FileType.allowedExtensions()).isEqualTo("jpeg, jpg, png, pdf, doc, docx, mp4, avi, mp3, wmv, wma");
    }

    @ParameterizedTest
    @CsvSource({
            "JPEG, image/jpeg",
            "PNG, image/png",
            "PDF, application/pdf",
            "DOC, application/msword",
            "DOCX, application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "MP4, video/mp4",
            "AVI, video/x-msvideo",
            "MP3, audio/mpeg",
            "WMV, video/x-ms-wmv",
            "WMA, audio/x-ms-wma"})
    void eachTypeHasItsMediaType(FileType type, String mediaType) {
        assertThat(type.mediaType()).isEqualTo(mediaType);
    }

    @Test
    void everyTypeIsLowerCaseAndDescribed() {
        assertThat(Arrays.stream(FileType.values())).allSatisfy(t -> {
            assertThat(t.extensions()).isNotEmpty().allSatisfy(e -> assertThat(e).isLowerCase());
            assertThat(t.description()).matches("an? .+");
        });
    }
}
