package io.nekorekten4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Item 11 of issue 9: a file name is user input written into a part header. Whatever it holds
 * (quotes, backslashes, CR, LF, NUL, bidi overrides, lone surrogates, Cyrillic), the encoded body
 * reads back as exactly the parts that were given — each with its two header lines and its bytes,
 * no header injected — and {@code filename*} carries the exact name.
 */
class MultipartFileNameProperties {

    private static final Duration HANG_GUARD = Duration.ofSeconds(10);

    @Property(tries = 1_000)
    void theDispositionLineIsOneLineWithTheNameQuotedSafelyAndExactlyInFilenameStar(
            @ForAll("fileNames") String fileName) {
        String line = MultipartEncoder.contentDisposition("files[]", fileName);

        assertThat(line.chars()).noneMatch(c -> c < 0x20 || c == 0x7f);
        String prefix = "Content-Disposition: form-data; name=\"files[]\"; filename=\"";
        assertThat(line).startsWith(prefix);
        String quoted = line.substring(prefix.length(), line.indexOf('"', prefix.length()));
        assertThat(quoted).isEqualTo(MultipartEncoder.quotedValue(fileName)).doesNotContain("\\");
        String star = line.substring(line.indexOf("\"; filename*=UTF-8''") + "\"; filename*=UTF-8''".length());
        assertThat(star).matches("([A-Za-z0-9!#$&+\\-.^_`|~]|%[0-9A-F]{2})*");
        assertThat(percentDecoded(star)).isEqualTo(fileName.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 500)
    void theEncodedBodyReadsBackAsExactlyThePartsGiven(@ForAll("multiparts") RequestBody.Multipart multipart) {
        MultipartEncoder.Encoded encoded = assertTimeoutPreemptively(HANG_GUARD, () -> MultipartEncoder.encode(multipart));
        String boundary = encoded.contentType().substring("multipart/form-data; boundary=".length());

        List<byte[][]> read = readBack(encoded.body(), boundary);

        assertThat(read).hasSameSizeAs(multipart.parts());
        for (int i = 0; i < read.size(); i++) {
            RequestBody.Part part = multipart.parts().get(i);
            String headers = new String(read.get(i)[0], StandardCharsets.UTF_8);
            // An unpaired surrogate is no character: UTF-8 sends it as '?', in filename and filename* alike.
            String disposition = new String(MultipartEncoder.contentDisposition(part.name(), part.fileName())
                    .getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            assertThat(headers.split("\r\n", -1)).containsExactly(disposition, "Content-Type: " + part.mediaType());
            assertThat(read.get(i)[1]).isEqualTo(part.content());
        }
    }

    // ---------------------------------------------------------------------------------------

    /**
     * A minimal RFC 7578 reader: the parts between the delimiters, each split at its first blank
     * line into header bytes and content bytes. Bytes are mapped 1:1 through ISO-8859-1.
     */
    private static List<byte[][]> readBack(byte[] body, String boundary) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        assertThat(text).startsWith(delimiter + "\r\n").endsWith("\r\n" + delimiter + "--\r\n");
        String inner = text.substring(delimiter.length() + 2, text.length() - delimiter.length() - 6);
        List<byte[][]> parts = new ArrayList<>();
        for (String part : inner.split("\r\n" + java.util.regex.Pattern.quote(delimiter) + "\r\n", -1)) {
            int blank = part.indexOf("\r\n\r\n");
            assertThat(blank).as("a blank line after the part's headers").isNotNegative();
            parts.add(new byte[][] {
                part.substring(0, blank).getBytes(StandardCharsets.ISO_8859_1),
                part.substring(blank + 4).getBytes(StandardCharsets.ISO_8859_1)});
        }
        return parts;
    }

    private static byte[] percentDecoded(String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                out.write(HexFormat.fromHexDigits(value, i + 1, i + 3));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    @Provide
    Arbitrary<String> fileNames() {
        Arbitrary<String> anyText = Arbitraries.strings().all().ofMaxLength(60);
        Arbitrary<String> tricky = Arbitraries.strings()
                .withChars("\"\\\r\n\u0000\u007f;=%'*aя.\u202E\uD800\uDC00 \t")
                .ofMaxLength(40);
        Arbitrary<String> injections = Arbitraries.of(
                "a.jpg\"\r\nContent-Type: text/html\r\n\r\n<script>", "x\".jpg; filename=\"evil.exe",
                "снимка.jpg", "a%22b.jpg", "\\\"\\\\.png", "\uD83D\uDE00.png", "\uD800.jpg");
        return Arbitraries.frequencyOf(Tuple.of(3, anyText), Tuple.of(3, tricky), Tuple.of(1, injections));
    }

    @Provide
    Arbitrary<RequestBody.Multipart> multiparts() {
        Arbitrary<byte[]> content = Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
                // Content that looks like the encoder's own delimiters and headers.
                Arbitraries.of("--nekorekten4j-\r\n", "\r\n--\r\n\r\n", "Content-Disposition: form-data\r\n\r\n")
                        .map(s -> s.getBytes(StandardCharsets.US_ASCII)));
        Arbitrary<RequestBody.Part> part = Combinators.combine(fileNames(), content,
                        Arbitraries.of("image/jpeg", "application/pdf", "video/mp4"))
                .as((name, bytes, type) -> new RequestBody.Part("files[]", name, type, bytes));
        return part.list().ofMinSize(1).ofMaxSize(4).map(RequestBody.Multipart::new);
    }
}
