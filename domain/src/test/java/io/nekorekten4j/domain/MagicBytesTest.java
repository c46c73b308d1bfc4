package io.nekorekten4j.domain;

import static io.nekorekten4j.domain.AttachmentSamples.ascii;
import static io.nekorekten4j.domain.AttachmentSamples.bytes;
import static io.nekorekten4j.domain.AttachmentSamples.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MagicBytesTest {

    private static final List<byte[]> SAMPLES = List.of(
            AttachmentSamples.jpeg(), AttachmentSamples.png(), AttachmentSamples.pdf(), AttachmentSamples.doc(),
            AttachmentSamples.docx(), AttachmentSamples.mp4(), AttachmentSamples.avi(),
            AttachmentSamples.mp3WithId3(), AttachmentSamples.mp3FrameSync(), AttachmentSamples.asf(),
            AttachmentSamples.exe(), AttachmentSamples.elf(), AttachmentSamples.shellScript());

    @Test
    void namesWhatCommonContentLooksLike() {
        assertThat(MagicBytes.sniff(AttachmentSamples.zip("a.txt", "hi"))).contains("a ZIP archive");
        assertThat(MagicBytes.sniff(bytes('P', 'K', 5, 6, 0, 0))).contains("a ZIP archive");
        assertThat(MagicBytes.sniff(AttachmentSamples.exe())).contains("a Windows executable");
        assertThat(MagicBytes.sniff(AttachmentSamples.elf())).contains("an ELF executable");
        assertThat(MagicBytes.sniff(AttachmentSamples.pdf())).contains("a PDF document");
        assertThat(MagicBytes.sniff(AttachmentSamples.png())).contains("a PNG image");
        assertThat(MagicBytes.sniff(AttachmentSamples.jpeg())).contains("a JPEG image");
        assertThat(MagicBytes.sniff(AttachmentSamples.shellScript())).contains("a shell script");
        assertThat(MagicBytes.sniff(AttachmentSamples.docx())).contains("a Word document (DOCX)");
        assertThat(MagicBytes.sniff(ascii("GIF89a"))).contains("a GIF image");
        assertThat(MagicBytes.sniff(concat(ascii("RIFF"), new byte[4], ascii("WAVE")))).contains("a WAV audio file");
    }

    @Test
    void unknownContentIsNotGuessed() {
        assertThat(MagicBytes.sniff(ascii("hello"))).isEmpty();
        assertThat(MagicBytes.sniff(new byte[0])).isEmpty();
        // an MP3 frame sync is too loose a signature to name anything by
        assertThat(MagicBytes.sniff(AttachmentSamples.mp3FrameSync())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0xE0, 0xF0, 0xFA, 0xFB, 0xFF})
    void anMpegFrameSyncHasTheTopThreeBitsOfTheSecondByteSet(int second) {
        assertThat(MagicBytes.matches(FileType.MP3, bytes(0xFF, second, 0, 0))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0xC0, 0xD8, 0x7F})
    void withoutThoseBitsItIsNoFrameSync(int second) {
        assertThat(MagicBytes.matches(FileType.MP3, bytes(0xFF, second, 0, 0))).isFalse();
    }

    @Test
    void aZipWhoseEntryNameRunsPastTheEndIsNoDocx() {
        byte[] header = new byte[30];
        header[0] = 'P';
        header[1] = 'K';
        header[2] = 3;
        header[3] = 4;
        header[26] = (byte) 0xFF; // name length 65535, far past the end
        header[27] = (byte) 0xFF;
        byte[] truncated = concat(header, ascii("word/document.xml"));

        assertThat(MagicBytes.matches(FileType.DOCX, truncated)).isFalse();
    }

    @Test
    void anEntryNameThatOnlyStartsLikeTheMarkerIsNoDocx() {
        byte[] zip = AttachmentSamples.zip("word/document.xml.bak", "x");

        assertThat(MagicBytes.matches(FileType.DOCX, zip)).isFalse();
    }

    @Test
    void everyPrefixOfEverySampleIsHandledWithoutError() {
        for (byte[] sample : SAMPLES) {
            for (int n = 0; n <= sample.length; n++) {
                byte[] prefix = Arrays.copyOf(sample, n);
                assertThatCode(() -> {
                    MagicBytes.sniff(prefix);
                    for (FileType t : FileType.values()) {
                        MagicBytes.matches(t, prefix);
                    }
                }).doesNotThrowAnyException();
            }
        }
    }

    @Property
    void anyBytesAreHandledWithoutError(@ForAll @Size(max = 64) byte[] content) {
        MagicBytes.sniff(content);
        for (FileType t : FileType.values()) {
            MagicBytes.matches(t, content);
        }
        byte[] zipLike = concat(bytes('P', 'K', 3, 4), content);
        MagicBytes.matches(FileType.DOCX, zipLike);
    }
}
