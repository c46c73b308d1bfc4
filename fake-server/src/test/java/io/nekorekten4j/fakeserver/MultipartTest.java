package io.nekorekten4j.fakeserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nekorekten4j.domain.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server's own multipart parser: what it reads, and what it refuses. */
class MultipartTest {

    private static List<Multipart.Part> parse(String body, String boundary) {
        return Multipart.parse(body.getBytes(StandardCharsets.UTF_8), boundary);
    }

    @Test
    void readsPartsInOrderWithNamesFileNamesTypesAndContent() {
        List<Multipart.Part> parts = parse("--b\r\n"
                + "Content-Disposition: form-data; name=\"files[]\"; filename=\"a.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n"
                + "AAA\r\n"
                + "--b\r\n"
                + "content-disposition: form-data; name=\"note\"\r\n\r\n"
                + "line one\r\nline two\r\n"
                + "--b--\r\n", "b");

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).name()).isEqualTo("files[]");
        assertThat(parts.get(0).fileName()).isEqualTo("a.jpg");
        assertThat(parts.get(0).contentType()).isEqualTo("image/jpeg");
        assertThat(new String(parts.get(0).content(), StandardCharsets.UTF_8)).isEqualTo("AAA");
        assertThat(parts.get(1).fileName()).isNull();
        assertThat(new String(parts.get(1).content(), StandardCharsets.UTF_8)).isEqualTo("line one\r\nline two");
    }

    @Test
    void ignoresPreambleAndEpilogue() {
        List<Multipart.Part> parts = parse("preamble\r\n--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n"
                + "--b--\r\nepilogue", "b");

        assertThat(parts).hasSize(1);
    }

    @Test
    void prefersTheExtendedFileNameAndDecodesItAsUtf8() {
        List<Multipart.Part> parts = parse("--b\r\nContent-Disposition: form-data; name=\"files[]\"; "
                + "filename=\"%D1%84.pdf\"; filename*=UTF-8''%D1%84%D0%B0%D0%BA%D1%82%D1%83%D1%80%D0%B0.pdf\r\n\r\n"
                + "x\r\n--b--", "b");

        assertThat(parts.get(0).fileName()).isEqualTo("фактура.pdf");
    }

    @Test
    void readsARawUtf8QuotedFileNameWithEscapesAndSemicolons() {
        List<Multipart.Part> parts = parse("--b\r\nContent-Disposition: form-data; name=\"files[]\"; "
                + "filename=\"снимка \\\"1\\\"; нова.jpg\"\r\n\r\nx\r\n--b--", "b");

        assertThat(parts.get(0).fileName()).isEqualTo("снимка \"1\"; нова.jpg");
    }

    @Test
    void cutsTheDirectoryAClientPutBeforeTheName() {
        List<Multipart.Part> parts = parse("--b\r\nContent-Disposition: form-data; name=\"files[]\"; "
                + "filename=\"C:\\\\Users\\\\ivan\\\\photo.jpg\"\r\n\r\nx\r\n--b\r\n"
                + "Content-Disposition: form-data; name=\"files[]\"; filename=\"../../etc/passwd.pdf\"\r\n\r\ny\r\n--b--", "b");

        assertThat(parts.get(0).fileName()).isEqualTo("photo.jpg");
        assertThat(parts.get(1).fileName()).isEqualTo("passwd.pdf");
    }

    @Test
    void contentThatNearlyHoldsTheBoundaryStaysContent() {
        String content = "\r\n--bound\r\n--boun\r\n-bounda";
        List<Multipart.Part> parts = parse("--boundary\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n"
                + content + "\r\n--boundary--", "boundary");

        assertThat(new String(parts.get(0).content(), StandardCharsets.UTF_8)).isEqualTo(content);
    }

    @Test
    void readsTheBoundaryOfAContentType() {
        assertThat(Multipart.boundary("multipart/form-data; boundary=abc")).isEqualTo("abc");
        assertThat(Multipart.boundary("Multipart/Form-Data; charset=utf-8; boundary=\"a b;c\"")).isEqualTo("a b;c");
    }

    @Test
    void refusesAContentTypeThatIsNotMultipartOrHasNoValidBoundary() {
        assertThatThrownBy(() -> Multipart.boundary(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Multipart.boundary("application/json")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Multipart.boundary("multipart/form-data")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Multipart.boundary("multipart/form-data; boundary=" + "x".repeat(71)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void refusesMalformedBodies() {
        assertThatThrownBy(() -> parse("no boundary at all", "b")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> parse("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nnever closed", "b"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> parse("--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--", "b"))
                .hasMessageContaining("Content-Disposition");
        assertThatThrownBy(() -> parse("--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--", "b"))
                .hasMessageContaining("no name");
        assertThatThrownBy(() -> parse("--bjunk\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nx\r\n--b--", "b"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> parse("--b\r\nContent-Disposition: form-data; name=\"x\"; filename*=latin1''a\r\n\r\n"
                + "x\r\n--b--", "b")).hasMessageContaining("UTF-8");
    }

    @Test
    void refusesAHeaderBlockOverItsLimit() {
        String longHeader = "X-Padding: " + "p".repeat(Multipart.MAX_HEADER_BYTES) + "\r\n";

        assertThatThrownBy(() -> parse("--b\r\n" + longHeader + "Content-Disposition: form-data; name=\"x\"\r\n\r\n"
                + "x\r\n--b--", "b")).isInstanceOf(ValidationException.class);
    }

    @Test
    void refusesMoreThanTheMostParts() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i <= Multipart.MAX_PARTS; i++) {
            body.append("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n").append(i).append("\r\n");
        }
        body.append("--b--");

        assertThatThrownBy(() -> parse(body.toString(), "b")).isInstanceOf(ValidationException.class)
                .hasMessageContaining(String.valueOf(Multipart.MAX_PARTS));
    }
}
