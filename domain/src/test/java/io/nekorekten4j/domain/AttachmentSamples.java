package io.nekorekten4j.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Minimal, generated file contents for the attachment tests: just enough header to be recognised. */
final class AttachmentSamples {

    private AttachmentSamples() {
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code header} followed by zeros up to {@code size} bytes. */
    static byte[] padded(byte[] header, int size) {
        return Arrays.copyOf(header, size);
    }

    static byte[] jpeg() {
        return concat(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10), ascii("JFIF"), new byte[8]);
    }

    static byte[] png() {
        return concat(bytes(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13), ascii("IHDR"), new byte[13]);
    }

    static byte[] pdf() {
        return ascii("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n%%EOF\n");
    }

    static byte[] doc() {
        return concat(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1), new byte[504]);
    }

    /** A real ZIP, as Word writes it: {@code [Content_Types].xml} first, then the body. */
    static byte[] docx() {
        return zip("[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>");
    }

    static byte[] mp4() {
        return concat(bytes(0, 0, 0, 0x18), ascii("ftypisom"), bytes(0, 0, 2, 0), ascii("isomiso2"));
    }

    static byte[] avi() {
        return concat(ascii("RIFF"), bytes(0x24, 0, 0, 0), ascii("AVI LIST"), new byte[8]);
    }

    static byte[] mp3WithId3() {
        return concat(ascii("ID3"), bytes(3, 0, 0, 0, 0, 0, 0), new byte[8]);
    }

    static byte[] mp3FrameSync() {
        return concat(bytes(0xFF, 0xFB, 0x90, 0x64), new byte[12]);
    }

    static byte[] asf() {
        return concat(bytes(0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11,
                0xA6, 0xD9, 0x00, 0xAA, 0x00, 0x62, 0xCE, 0x6C), new byte[14]);
    }

    static byte[] exe() {
        return concat(ascii("MZ"), bytes(0x90, 0, 3, 0), new byte[58]);
    }

    static byte[] elf() {
        return concat(bytes(0x7F, 'E', 'L', 'F', 2, 1, 1), new byte[9]);
    }

    static byte[] shellScript() {
        return ascii("#!/bin/sh\nrm -rf ~\n");
    }

    /** A ZIP of the given (name, text) pairs, deflated, so entries carry data descriptors. */
    static byte[] zip(String... namesAndTexts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndTexts[i]));
                zip.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
