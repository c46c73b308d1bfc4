package io.nekorekten4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartEncoderTest {

    private static RequestBody.Multipart one(String fileName, String mediaType, byte[] content) {
        return new RequestBody.Multipart(List.of(new RequestBody.Part("files[]", fileName, mediaType, content)));
    }

    @Test
    void encodesEachPartWithItsDispositionTypeAndBytesBetweenBoundaries() {
        RequestBody.Multipart body = new RequestBody.Multipart(List.of(
                new RequestBody.Part("files[]", "a.jpg", "image/jpeg", "JPEG".getBytes(StandardCharsets.US_ASCII)),
                new RequestBody.Part("files[]", "b.pdf", "application/pdf", "PDF".getBytes(StandardCharsets.US_ASCII))));

        MultipartEncoder.Encoded encoded = MultipartEncoder.encode(body, "XyZ");

        assertThat(encoded.contentType()).isEqualTo("multipart/form-data; boundary=XyZ");
        assertThat(new String(encoded.body(), StandardCharsets.UTF_8)).isEqualTo(""
                + "--XyZ\r\n"
                + "Content-Disposition: form-data; name=\"files[]\"; filename=\"a.jpg\"; filename*=UTF-8''a.jpg\r\n"
                + "Content-Type: image/jpeg\r\n"
                + "\r\n"
                + "JPEG\r\n"
                + "--XyZ\r\n"
                + "Content-Disposition: form-data; name=\"files[]\"; filename=\"b.pdf\"; filename*=UTF-8''b.pdf\r\n"
                + "Content-Type: application/pdf\r\n"
                + "\r\n"
                + "PDF\r\n"
                + "--XyZ--\r\n");
    }

    @Test
    void aCyrillicNameIsKeptAsUtf8AndGivenExactlyAsRfc5987() {
        assertThat(MultipartEncoder.contentDisposition("files[]", "кола.jpg")).isEqualTo(
                "Content-Disposition: form-data; name=\"files[]\"; filename=\"кола.jpg\"; "
                        + "filename*=UTF-8''%D0%BA%D0%BE%D0%BB%D0%B0.jpg");
    }

    @Test
    void quotesBackslashesAndLineBreaksInANameArePercentEncoded() {
        assertThat(MultipartEncoder.quotedValue("a\"b\\c\r\nd\te\u0000f\u007fg")).isEqualTo("a%22b%5Cc%0D%0Ad%09e%00f%7Fg");
        assertThat(MultipartEncoder.contentDisposition("files[]", "x\"\r\nEvil: 1"))
                .doesNotContain("\r").doesNotContain("\n")
                .isEqualTo("Content-Disposition: form-data; name=\"files[]\"; filename=\"x%22%0D%0AEvil: 1\"; "
                        + "filename*=UTF-8''x%22%0D%0AEvil%3A%201");
    }

    @Test
    void theExtendedValueKeepsOnlyAttrCharsAsTheyAre() {
        assertThat(MultipartEncoder.extValue("AZaz09!#$&+-.^_`|~")).isEqualTo("AZaz09!#$&+-.^_`|~");
        assertThat(MultipartEncoder.extValue(" %'*()/\\;=?")).isEqualTo("%20%25%27%2A%28%29%2F%5C%3B%3D%3F");
    }

    @Test
    void everyBodyGetsAFreshRandomBoundary() {
        RequestBody.Multipart body = one("a.jpg", "image/jpeg", new byte[] {1, 2, 3});

        String first = MultipartEncoder.encode(body).contentType();
        String second = MultipartEncoder.encode(body).contentType();

        assertThat(first).startsWith("multipart/form-data; boundary=nekorekten4j-").hasSize(
                "multipart/form-data; boundary=nekorekten4j-".length() + 32);
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void theBoundaryNeverOccursInTheContent() {
        byte[] content = new byte[4096];
        MultipartEncoder.Encoded encoded = MultipartEncoder.encode(one("a.bin", "application/octet-stream", content));
        String boundary = encoded.contentType().substring(encoded.contentType().indexOf('=') + 1);

        String text = new String(encoded.body(), StandardCharsets.ISO_8859_1);

        assertThat(text.split(java.util.regex.Pattern.quote(boundary), -1)).hasSize(3);
    }

    @Test
    void aMediaTypeWithALineBreakOrNonAsciiIsRefused() {
        assertThatThrownBy(() -> MultipartEncoder.encode(one("a.jpg", "image/jpeg\r\nX-Evil: 1", new byte[1])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("media type");
        assertThatThrownBy(() -> MultipartEncoder.encode(one("a.jpg", "image/жpeg", new byte[1])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("media type");
        assertThatThrownBy(() -> MultipartEncoder.encode(one("a.jpg", " ", new byte[1])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("media type");
    }
}
