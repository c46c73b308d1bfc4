package io.nekorekten4j.domain;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * File signatures ("magic bytes"): whether content matches its claimed {@link FileType}, and what
 * it looks like otherwise. Only looks at headers; never inflates or parses anything, so any input
 * is safe and the cost is at most one linear scan (DOCX).
 */
final class MagicBytes {

    private static final byte[] JPEG = bytes(0xFF, 0xD8, 0xFF);
    private static final byte[] PNG = bytes(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A);
    private static final byte[] PDF = ascii("%PDF-");
    private static final byte[] OLE2 = bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1);
    private static final byte[] ZIP_LOCAL = bytes('P', 'K', 3, 4);
    private static final byte[] ZIP_EMPTY = bytes('P', 'K', 5, 6);
    private static final byte[] ZIP_SPANNED = bytes('P', 'K', 7, 8);
    private static final byte[] FTYP = ascii("ftyp");
    private static final byte[] RIFF = ascii("RIFF");
    private static final byte[] AVI = ascii("AVI ");
    private static final byte[] WAVE = ascii("WAVE");
    private static final byte[] ID3 = ascii("ID3");
    private static final byte[] ASF = bytes(0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11,
            0xA6, 0xD9, 0x00, 0xAA, 0x00, 0x62, 0xCE, 0x6C);
    private static final byte[] EXE = ascii("MZ");
    private static final byte[] ELF = bytes(0x7F, 'E', 'L', 'F');
    private static final byte[] SCRIPT = ascii("#!");
    private static final byte[] GIF = ascii("GIF8");
    private static final byte[] RAR = ascii("Rar!");
    private static final byte[] SEVEN_ZIP = bytes('7', 'z', 0xBC, 0xAF, 0x27, 0x1C);
    private static final byte[] GZIP = bytes(0x1F, 0x8B);

    /** Entries of which one must be in a DOCX package. */
    private static final byte[][] DOCX_ENTRIES = {ascii("word/document.xml"), ascii("[Content_Types].xml")};

    /** Size of a ZIP local file header before the entry name. */
    private static final int ZIP_LOCAL_HEADER = 30;

    private MagicBytes() {
    }

    /** Whether {@code c} starts the way a file of {@code type} must. */
    static boolean matches(FileType type, byte[] c) {
        return switch (type) {
            case JPEG -> startsWith(c, 0, JPEG);
            case PNG -> startsWith(c, 0, PNG);
            case PDF -> startsWith(c, 0, PDF);
            case DOC -> startsWith(c, 0, OLE2);
            case DOCX -> isDocx(c);
            case MP4 -> startsWith(c, 4, FTYP);
            case AVI -> startsWith(c, 0, RIFF) && startsWith(c, 8, AVI);
            case MP3 -> startsWith(c, 0, ID3) || isMpegAudioFrameSync(c);
            case WMV, WMA -> startsWith(c, 0, ASF);
        };
    }

    /**
     * What {@code c} looks like, with its article ("a ZIP archive"), or empty when unrecognised.
     * Strict signatures only: a loose one (an MP3 frame sync) would name too much.
     */
    static Optional<String> sniff(byte[] c) {
        String what = null;
        if (startsWith(c, 0, EXE)) {
            what = "a Windows executable";
        } else if (startsWith(c, 0, ELF)) {
            what = "an ELF executable";
        } else if (startsWith(c, 0, SCRIPT)) {
            what = "a shell script";
        } else if (isDocx(c)) {
            what = FileType.DOCX.description();
        } else if (startsWith(c, 0, ZIP_LOCAL) || startsWith(c, 0, ZIP_EMPTY) || startsWith(c, 0, ZIP_SPANNED)) {
            what = "a ZIP archive";
        } else if (startsWith(c, 0, RAR)) {
            what = "a RAR archive";
        } else if (startsWith(c, 0, SEVEN_ZIP)) {
            what = "a 7-Zip archive";
        } else if (startsWith(c, 0, GZIP)) {
            what = "a gzip archive";
        } else if (startsWith(c, 0, PDF)) {
            what = FileType.PDF.description();
        } else if (startsWith(c, 0, PNG)) {
            what = FileType.PNG.description();
        } else if (startsWith(c, 0, JPEG)) {
            what = FileType.JPEG.description();
        } else if (startsWith(c, 0, GIF)) {
            what = "a GIF image";
        } else if (startsWith(c, 0, OLE2)) {
            what = "an OLE2 compound file (DOC, XLS, MSI, ...)";
        } else if (startsWith(c, 4, FTYP)) {
            what = FileType.MP4.description();
        } else if (startsWith(c, 0, RIFF) && startsWith(c, 8, AVI)) {
            what = FileType.AVI.description();
        } else if (startsWith(c, 0, RIFF) && startsWith(c, 8, WAVE)) {
            what = "a WAV audio file";
        } else if (startsWith(c, 0, ASF)) {
            what = "a Windows Media (WMV/WMA) file";
        } else if (startsWith(c, 0, ID3)) {
            what = FileType.MP3.description();
        }
        return Optional.ofNullable(what);
    }

    /** An MPEG audio frame starts with 11 set bits: {@code FF}, then a byte with its top 3 bits set. */
    private static boolean isMpegAudioFrameSync(byte[] c) {
        return c.length >= 2 && (c[0] & 0xFF) == 0xFF && (c[1] & 0xE0) == 0xE0;
    }

    /**
     * A ZIP whose local file headers name {@code word/document.xml} or {@code [Content_Types].xml}.
     * Finds local headers by their signature rather than by walking sizes (entries written with a
     * data descriptor do not record them); every read is bounds-checked and nothing is inflated.
     */
    private static boolean isDocx(byte[] c) {
        if (!startsWith(c, 0, ZIP_LOCAL)) {
            return false;
        }
        for (int i = 0; i + ZIP_LOCAL_HEADER <= c.length; i++) {
            if (c[i] == 'P' && startsWith(c, i, ZIP_LOCAL)) {
                int nameLength = (c[i + 26] & 0xFF) | (c[i + 27] & 0xFF) << 8;
                int nameStart = i + ZIP_LOCAL_HEADER;
                for (byte[] entry : DOCX_ENTRIES) {
                    if (nameLength == entry.length && startsWith(c, nameStart, entry)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] c, int offset, byte[] signature) {
        if (offset < 0 || c.length - offset < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (c[offset + i] != signature[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
