package io.nekorekten4j.domain;

import static io.nekorekten4j.domain.AttachmentSamples.ascii;
import static io.nekorekten4j.domain.AttachmentSamples.concat;
import static io.nekorekten4j.domain.AttachmentSamples.padded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AttachmentTest {

    private static final String ALLOWED = "jpeg, jpg, png, pdf, doc, docx, mp4, avi, mp3, wmv, wma";
    private static final int MIB = 1024 * 1024;

    /** The messages of a rejection, each asserted to be under the field {@code files}. */
    private static List<String> rejection(Runnable call) {
        ValidationException e = catchThrowableOfType(ValidationException.class, call::run);
        assertThat(e).as("expected a ValidationException").isNotNull();
        assertThat(e.violations()).isNotEmpty().allSatisfy(v -> assertThat(v.field()).isEqualTo("files"));
        return e.violations().stream().map(Violation::message).toList();
    }

    @Nested
    class AcceptedTypes {

        static Stream<Arguments> validFiles() {
            return Stream.of(
                    Arguments.of("photo.jpg", AttachmentSamples.jpeg(), FileType.JPEG, "image/jpeg"),
                    Arguments.of("photo.jpeg", AttachmentSamples.jpeg(), FileType.JPEG, "image/jpeg"),
                    Arguments.of("screen.png", AttachmentSamples.png(), FileType.PNG, "image/png"),
                    Arguments.of("invoice.pdf", AttachmentSamples.pdf(), FileType.PDF, "application/pdf"),
                    Arguments.of("letter.doc", AttachmentSamples.doc(), FileType.DOC, "application/msword"),
                    Arguments.of("letter.docx", AttachmentSamples.docx(), FileType.DOCX,
                            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                    Arguments.of("clip.mp4", AttachmentSamples.mp4(), FileType.MP4, "video/mp4"),
                    Arguments.of("clip.avi", AttachmentSamples.avi(), FileType.AVI, "video/x-msvideo"),
                    Arguments.of("call.mp3", AttachmentSamples.mp3WithId3(), FileType.MP3, "audio/mpeg"),
                    Arguments.of("raw.mp3", AttachmentSamples.mp3FrameSync(), FileType.MP3, "audio/mpeg"),
                    Arguments.of("clip.wmv", AttachmentSamples.asf(), FileType.WMV, "video/x-ms-wmv"),
                    Arguments.of("call.wma", AttachmentSamples.asf(), FileType.WMA, "audio/x-ms-wma"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("validFiles")
        void everyAllowedTypeIsAcceptedWithAMinimalValidHeader(String name, byte[] content, FileType type,
                                                               String mediaType) {
            Attachment a = Attachment.of(name, content);

            assertThat(a.fileName()).isEqualTo(name);
            assertThat(a.type()).isEqualTo(type);
            assertThat(a.mediaType()).isEqualTo(mediaType);
            assertThat(a.size()).isEqualTo(content.length);
            assertThat(a.content()).isEqualTo(content);
        }

        @Test
        void theExtensionIsMatchedIgnoringCase() {
            assertThat(Attachment.of("SCAN.PDF", AttachmentSamples.pdf()).type()).isEqualTo(FileType.PDF);
            assertThat(Attachment.of("Photo.JpEg", AttachmentSamples.jpeg()).type()).isEqualTo(FileType.JPEG);
        }

        @Test
        void aCyrillicNameIsKeptAsGiven() {
            assertThat(Attachment.of("Разписка от куриера.pdf", AttachmentSamples.pdf()).fileName())
                    .isEqualTo("Разписка от куриера.pdf");
        }

        @Test
        void aDocxWhoseOnlyMarkerIsTheDocumentBodyIsAccepted() {
            byte[] docx = AttachmentSamples.zip("_rels/.rels", "<Relationships/>", "word/document.xml", "<w:document/>");

            assertThat(Attachment.of("letter.docx", docx).type()).isEqualTo(FileType.DOCX);
        }
    }

    @Nested
    class Names {

        @ParameterizedTest
        @ValueSource(strings = {"virus.exe", "page.html", "logo.gif", "logo.svg", "archive.zip", "notes.txt",
                "macro.docm", "script.js", "run.sh", "photo.jpe", "photo.webp", "clip.mov", "x.pdf.exe"})
        void everyDisallowedExtensionIsRejectedNamingTheAllowedList(String name) {
            assertThat(rejection(() -> Attachment.of(name, AttachmentSamples.pdf())))
                    .singleElement().asString()
                    .contains("is not allowed", "'" + name + "'", ALLOWED);
        }

        @ParameterizedTest
        @ValueSource(strings = {"README", "photo.", "..", "Makefile"})
        void aNameWithoutAnExtensionIsRejected(String name) {
            assertThat(rejection(() -> Attachment.of(name, AttachmentSamples.pdf())))
                    .anySatisfy(m -> assertThat(m).contains("has no extension", ALLOWED));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "\t"})
        void anEmptyOrBlankNameIsRejected(String name) {
            assertThat(rejection(() -> Attachment.of(name, AttachmentSamples.pdf())))
                    .containsExactly("a file name is required");
        }

        @ParameterizedTest
        @ValueSource(strings = {"../../etc/passwd.pdf", "dir/scan.pdf", "C:\\Users\\scan.pdf", "/scan.pdf", "\\scan.pdf"})
        void aNameWithAPathSeparatorIsRejected(String name) {
            assertThat(rejection(() -> Attachment.of(name, AttachmentSamples.pdf())))
                    .singleElement().asString().contains("without path separators");
        }

        @ParameterizedTest
        @ValueSource(strings = {"scan\r.pdf", "scan\n.pdf", "scan.pdf\r\nX-Injected: 1\r\n\r\n.pdf", "scan\0.pdf",
                "scan\u0007.pdf", "scan\u007F.pdf", "scan\u0085.pdf", "scan\u2028.pdf", "invoice\u202Efdp.exe.pdf"})
        void aNameWithControlCharactersIsRejected(String name) {
            List<String> messages = rejection(() -> Attachment.of(name, AttachmentSamples.pdf()));

            assertThat(messages).anySatisfy(m -> assertThat(m).contains("must not contain control characters"));
            assertThat(messages).allSatisfy(m -> assertThat(m).doesNotContain("\r", "\n", "\0", "\u202E"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"\u200E", "\u200F", "\u2029", "\u202A", "\u202D", "\u2066", "\u2069", "\u009F"})
        void everyDirectionMarkOverrideIsolateAndSeparatorIsRejected(String mark) {
            assertThat(rejection(() -> Attachment.of("scan" + mark + ".pdf", AttachmentSamples.pdf())))
                    .anySatisfy(m -> assertThat(m).contains("must not contain control characters"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"\u200D", "\u2010", "\u2027", "\u202F", "\u2065", "\u206A", "\u00A0"})
        void theCharactersJustOutsideThoseRangesAreAllowed(String neighbour) {
            String name = "scan" + neighbour + ".pdf";

            assertThat(Attachment.of(name, AttachmentSamples.pdf()).fileName()).isEqualTo(name);
        }

        @Test
        void quotesAndOtherPunctuationAreAllowed() {
            assertThat(Attachment.of("O'Brien \"final\" (2) #1 & co.pdf", AttachmentSamples.pdf()).fileName())
                    .isEqualTo("O'Brien \"final\" (2) #1 & co.pdf");
        }

        @Test
        void aNameOf255CharactersIsAcceptedAnd256IsRejected() {
            String ok = "a".repeat(251) + ".pdf";
            String tooLong = "a".repeat(252) + ".pdf";

            assertThat(Attachment.of(ok, AttachmentSamples.pdf()).fileName()).hasSize(255);
            assertThat(rejection(() -> Attachment.of(tooLong, AttachmentSamples.pdf())))
                    .singleElement().asString().contains("256 characters long", "255");
        }

        @Test
        void aLongNameIsShortenedInTheMessage() {
            String name = "я".repeat(5000) + ".pdf";

            assertThat(rejection(() -> Attachment.of(name, AttachmentSamples.pdf())))
                    .singleElement().asString().hasSizeLessThan(300);
        }
    }

    @Nested
    class Content {

        @Test
        void emptyContentIsRejected() {
            assertThat(rejection(() -> Attachment.of("scan.pdf", new byte[0])))
                    .containsExactly("file 'scan.pdf' is empty");
        }

        static Stream<Arguments> spoofs() {
            return Stream.of(
                    Arguments.of("photo.jpg", AttachmentSamples.zip("a.txt", "hi"), "a JPEG image", "a ZIP archive"),
                    Arguments.of("photo.jpg", AttachmentSamples.exe(), "a JPEG image", "a Windows executable"),
                    Arguments.of("photo.jpg", AttachmentSamples.elf(), "a JPEG image", "an ELF executable"),
                    Arguments.of("photo.jpg", AttachmentSamples.shellScript(), "a JPEG image", "a shell script"),
                    Arguments.of("invoice.pdf", AttachmentSamples.png(), "a PDF document", "a PNG image"),
                    Arguments.of("screen.png", AttachmentSamples.jpeg(), "a PNG image", "a JPEG image"),
                    Arguments.of("photo.jpeg", AttachmentSamples.pdf(), "a JPEG image", "a PDF document"),
                    Arguments.of("letter.docx", AttachmentSamples.zip("a.txt", "hi"),
                            "a Word document (DOCX)", "a ZIP archive"),
                    Arguments.of("letter.doc", AttachmentSamples.docx(),
                            "a Word document (DOC)", "a Word document (DOCX)"),
                    Arguments.of("letter.docx", AttachmentSamples.doc(),
                            "a Word document (DOCX)", "an OLE2 compound file"),
                    Arguments.of("clip.mp4", AttachmentSamples.avi(), "an MP4 video", "an AVI video"),
                    Arguments.of("clip.avi", AttachmentSamples.mp4(), "an AVI video", "an MP4 video"),
                    Arguments.of("call.mp3", AttachmentSamples.exe(), "an MP3 audio file", "a Windows executable"),
                    Arguments.of("clip.wmv", AttachmentSamples.elf(), "a WMV video", "an ELF executable"),
                    Arguments.of("call.wma", AttachmentSamples.mp3WithId3(), "a WMA audio file", "an MP3 audio file"));
        }

        @ParameterizedTest(name = "{0} that is really {3}")
        @MethodSource("spoofs")
        void contentThatDoesNotMatchItsExtensionIsRejectedSayingWhatItLooksLike(String name, byte[] content,
                                                                               String expected, String actual) {
            assertThat(rejection(() -> Attachment.of(name, content)))
                    .singleElement().asString()
                    .startsWith("content of '" + name + "' does not look like " + expected + " (it looks like " + actual);
        }

        @Test
        void theMessageHasTheExactShapeForAZipRenamedJpg() {
            assertThat(rejection(() -> Attachment.of("x.jpg", AttachmentSamples.zip("a.txt", "hi"))))
                    .containsExactly("content of 'x.jpg' does not look like a JPEG image (it looks like a ZIP archive)");
        }

        @Test
        void unrecognisedContentIsRejectedWithoutGuessing() {
            assertThat(rejection(() -> Attachment.of("invoice.pdf", ascii("just some text"))))
                    .containsExactly("content of 'invoice.pdf' does not look like a PDF document");
        }

        @Test
        void aTruncatedHeaderIsRejected() {
            assertThat(rejection(() -> Attachment.of("screen.png", AttachmentSamples.bytes(0x89, 'P', 'N', 'G'))))
                    .singleElement().asString().contains("does not look like a PNG image");
        }
    }

    @Nested
    class SizeCap {

        @Test
        void theDefaultCapIsTenMebibytes() {
            assertThat(Attachment.DEFAULT_MAX_BYTES).isEqualTo(10L * MIB);
        }

        @Test
        void contentExactlyAtTheDefaultCapIsAccepted() {
            assertThat(Attachment.of("big.jpg", padded(AttachmentSamples.jpeg(), 10 * MIB)).size())
                    .isEqualTo(10L * MIB);
        }

        @Test
        void oneByteOverTheDefaultCapIsRejectedWithExactCounts() {
            assertThat(rejection(() -> Attachment.of("big.jpg", padded(AttachmentSamples.jpeg(), 10 * MIB + 1))))
                    .containsExactly("file 'big.jpg' is 10 MiB (10485761 bytes), larger than the 10 MiB (10485760 bytes) limit");
        }

        @Test
        void theMessageGivesTheSizeInMebibytes() {
            int size = (int) (12.3 * MIB);

            assertThat(rejection(() -> Attachment.of("big.jpg", padded(AttachmentSamples.jpeg(), size))))
                    .containsExactly("file 'big.jpg' is 12.3 MiB, larger than the 10 MiB limit");
        }

        @Test
        void aCustomCapIsHonouredToTheByte() {
            assertThat(Attachment.of("small.pdf", padded(AttachmentSamples.pdf(), 100), 100).size()).isEqualTo(100);
            assertThat(rejection(() -> Attachment.of("small.pdf", padded(AttachmentSamples.pdf(), 101), 100)))
                    .containsExactly("file 'small.pdf' is 101 bytes, larger than the 100 bytes limit");
        }

        @ParameterizedTest
        @ValueSource(longs = {0, -1, Long.MIN_VALUE})
        void aCapThatIsNotPositiveIsAProgrammingError(long maxBytes) {
            assertThatThrownBy(() -> Attachment.of("a.pdf", AttachmentSamples.pdf(), maxBytes))
                    .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBytes");
        }

        @Test
        void formatsSizesInBinaryUnits() {
            assertThat(Attachment.formatSize(0)).isEqualTo("0 bytes");
            assertThat(Attachment.formatSize(1)).isEqualTo("1 byte");
            assertThat(Attachment.formatSize(1023)).isEqualTo("1023 bytes");
            assertThat(Attachment.formatSize(1024)).isEqualTo("1 KiB");
            assertThat(Attachment.formatSize(1536)).isEqualTo("1.5 KiB");
            assertThat(Attachment.formatSize(MIB)).isEqualTo("1 MiB");
            assertThat(Attachment.formatSize(10L * MIB)).isEqualTo("10 MiB");
            assertThat(Attachment.formatSize(5L * 1024 * MIB)).isEqualTo("5 GiB");
        }
    }

    @Nested
    class FromPath {

        @TempDir
        Path dir;

        @Test
        void readsTheFileAndKeepsOnlyItsBaseName() throws IOException {
            Path file = Files.write(dir.resolve("Касова бележка.pdf"), AttachmentSamples.pdf());

            Attachment a = Attachment.of(file);

            assertThat(a.fileName()).isEqualTo("Касова бележка.pdf");
            assertThat(a.type()).isEqualTo(FileType.PDF);
            assertThat(a.content()).isEqualTo(AttachmentSamples.pdf());
        }

        @Test
        void aFileExactlyAtACustomCapIsAcceptedAndOneByteOverIsRejected() throws IOException {
            Path atCap = Files.write(dir.resolve("a.pdf"), padded(AttachmentSamples.pdf(), 100));
            Path over = Files.write(dir.resolve("b.pdf"), padded(AttachmentSamples.pdf(), 101));

            assertThat(Attachment.of(atCap, 100).size()).isEqualTo(100);
            assertThat(rejection(() -> Attachment.of(over, 100)))
                    .containsExactly("file 'b.pdf' is 101 bytes, larger than the 100 bytes limit");
        }

        @ParameterizedTest
        @ValueSource(longs = {0, -1})
        void aCapThatIsNotPositiveIsAProgrammingErrorForAFileToo(long maxBytes) throws IOException {
            Path file = Files.write(dir.resolve("a.pdf"), AttachmentSamples.pdf());

            assertThatThrownBy(() -> Attachment.of(file, maxBytes))
                    .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBytes");
        }

        @Test
        void aFileOverTheDefaultCapIsRejectedWithoutBeingRead() throws IOException {
            Path file = dir.resolve("huge.jpg");
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(11L * MIB); // sparse: all zeros, so a read would also fail the JPEG check
            }

            // only the size is reported: the content (zeros, not a JPEG) was never looked at
            assertThat(rejection(() -> Attachment.of(file)))
                    .containsExactly("file 'huge.jpg' is 11 MiB, larger than the 10 MiB limit");
        }

        @Test
        void aMissingFileIsAValidationError() {
            Path missing = dir.resolve("missing.pdf");

            assertThat(rejection(() -> Attachment.of(missing)))
                    .singleElement().asString().contains("does not exist", "missing.pdf");
        }

        @Test
        void aDirectoryIsAValidationError() throws IOException {
            Path sub = Files.createDirectory(dir.resolve("folder.pdf"));

            assertThat(rejection(() -> Attachment.of(sub)))
                    .singleElement().asString().contains("is not a regular file");
        }

        @Test
        void theRootHasNoFileName() {
            Path root = dir.getRoot();

            assertThat(rejection(() -> Attachment.of(root))).contains("a file name is required");
        }

        @Test
        void aSpoofedFileOnDiskIsRejected() throws IOException {
            Path file = Files.write(dir.resolve("cat.jpg"), AttachmentSamples.elf());

            assertThat(rejection(() -> Attachment.of(file)))
                    .containsExactly("content of 'cat.jpg' does not look like a JPEG image (it looks like an ELF executable)");
        }

        @Test
        void aMissingFileWithABadNameReportsBoth() {
            Path missing = dir.resolve("setup.exe");

            assertThat(rejection(() -> Attachment.of(missing))).hasSize(2);
        }
    }

    @Test
    void everyViolationIsReportedInOneException() {
        List<String> messages = rejection(() -> Attachment.of("..\\evil\r\n.exe", new byte[0]));

        assertThat(messages).hasSize(4);
        assertThat(messages.get(0)).contains("without path separators");
        assertThat(messages.get(1)).contains("must not contain control characters");
        assertThat(messages.get(2)).contains("is not allowed");
        assertThat(messages.get(3)).contains("is empty");
    }

    @Test
    void sizeAndContentViolationsAreReportedTogether() {
        assertThat(rejection(() -> Attachment.of("x.jpg", padded(AttachmentSamples.exe(), 200), 100)))
                .containsExactly(
                        "file 'x.jpg' is 200 bytes, larger than the 100 bytes limit",
                        "content of 'x.jpg' does not look like a JPEG image (it looks like a Windows executable)");
    }

    @Test
    void theInputArrayIsCopiedIn() {
        byte[] content = AttachmentSamples.pdf();
        Attachment a = Attachment.of("a.pdf", content);

        content[0] = 'X';

        assertThat(a.content()).isEqualTo(AttachmentSamples.pdf());
    }

    @Test
    void theContentIsCopiedOut() {
        Attachment a = Attachment.of("a.pdf", AttachmentSamples.pdf());

        a.content()[0] = 'X';

        assertThat(a.content()).isEqualTo(AttachmentSamples.pdf());
    }

    @Test
    void everyStreamStartsFromTheBeginning() throws IOException {
        Attachment a = Attachment.of("a.pdf", AttachmentSamples.pdf());

        try (InputStream first = a.openStream(); InputStream second = a.openStream()) {
            assertThat(first.readAllBytes()).isEqualTo(AttachmentSamples.pdf());
            assertThat(second.readAllBytes()).isEqualTo(AttachmentSamples.pdf());
        }
    }

    @Test
    void toStringShowsNameTypeAndSizeButNeverTheContent() {
        byte[] content = concat(AttachmentSamples.pdf(), ascii("SECRET-IBAN-BG80BNBG96611020345678"));
        Attachment a = Attachment.of("statement.pdf", content);

        assertThat(a).hasToString("Attachment[name=statement.pdf, type=PDF, size=" + content.length + "]");
        assertThat(a.toString()).doesNotContain("SECRET", "%PDF");
    }

    @Test
    void attachmentsWithTheSameNameAndContentAreEqual() {
        assertThat(Attachment.of("a.pdf", AttachmentSamples.pdf()))
                .isEqualTo(Attachment.of("a.pdf", AttachmentSamples.pdf()))
                .hasSameHashCodeAs(Attachment.of("a.pdf", AttachmentSamples.pdf()))
                .isNotEqualTo(Attachment.of("b.pdf", AttachmentSamples.pdf()))
                .isNotEqualTo(Attachment.of("a.pdf", padded(AttachmentSamples.pdf(), 100)));
    }

    @Test
    void nullArgumentsAreRejectedNamingTheParameter() {
        byte[] pdf = AttachmentSamples.pdf();
        assertThatThrownBy(() -> Attachment.of(null, pdf)).isInstanceOf(NullPointerException.class).hasMessage("fileName");
        assertThatThrownBy(() -> Attachment.of("a.pdf", null)).isInstanceOf(NullPointerException.class).hasMessage("content");
        assertThatThrownBy(() -> Attachment.of(null, pdf, 10)).isInstanceOf(NullPointerException.class).hasMessage("fileName");
        assertThatThrownBy(() -> Attachment.of((Path) null)).isInstanceOf(NullPointerException.class).hasMessage("file");
        assertThatThrownBy(() -> Attachment.of((Path) null, 10)).isInstanceOf(NullPointerException.class).hasMessage("file");
    }
}
