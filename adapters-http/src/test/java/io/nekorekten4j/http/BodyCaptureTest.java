package io.nekorekten4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.http.JsonCodec.BodyCapture;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The excerpt of a body is its first {@value BodyCapture#PREFIX} bytes, however the body was read. */
class BodyCaptureTest {

    private static String body(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append((char) ('a' + i % 26));
        }
        return s.toString();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 63, 64, 65, 200, 1023, 1024, 1025, 5000})
    void excerptIsTheStartOfTheBodyWhenReadByteByByte(int length) throws IOException {
        String text = body(length);
        BodyCapture capture = new BodyCapture(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
        while (capture.read() >= 0) {
            // read to the end, one byte at a time
        }
        assertThat(capture.excerpt()).isEqualTo(text.substring(0, Math.min(length, BodyCapture.PREFIX)));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 100, 700, 1024, 8192})
    void excerptIsTheStartOfTheBodyWhenReadInChunks(int chunk) throws IOException {
        String text = body(3000);
        BodyCapture capture = new BodyCapture(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
        byte[] buffer = new byte[chunk];
        capture.read();
        while (capture.read(buffer, 0, buffer.length) > 0) {
            // read to the end
        }
        assertThat(capture.excerpt()).isEqualTo(text.substring(0, BodyCapture.PREFIX));
    }

    @Test
    void excerptReadsOnWhenLittleWasReadSoFar() throws IOException {
        String text = body(2000);
        BodyCapture capture = new BodyCapture(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
        capture.read(new byte[10], 0, 10);

        assertThat(capture.excerpt()).isEqualTo(text.substring(0, BodyCapture.PREFIX));
    }

    @Test
    void aCharacterCutAtTheEndOfTheExcerptIsDropped() throws IOException {
        String text = "a" + "ж".repeat(1000);
        BodyCapture capture = new BodyCapture(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));

        assertThat(capture.excerpt()).isEqualTo("a" + "ж".repeat(511));
    }
}
