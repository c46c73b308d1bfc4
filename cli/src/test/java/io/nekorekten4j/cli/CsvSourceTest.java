package io.nekorekten4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Bulgarian spreadsheets write: encodings, separators, quoting, and the line each record starts on. */
class CsvSourceTest {

    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static List<CsvSource.Record> all(CsvSource source) {
        List<CsvSource.Record> records = new ArrayList<>();
        for (Optional<CsvSource.Record> r = source.next(); r.isPresent(); r = source.next()) {
            records.add(r.get());
        }
        return records;
    }

    @Test
    void utf8WithAndWithoutBomAndWindows1251AreDetected() throws IOException {
        String text = "име;телефон\r\nИван Петров;0888 123 456\r\n";
        Path bom = file("bom.csv", ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8));
        Path utf8 = file("utf8.csv", text.getBytes(StandardCharsets.UTF_8));
        Path cp1251 = file("cp1251.csv", text.getBytes(Charset.forName("windows-1251")));
        Path utf16 = file("utf16.csv", ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE));
        for (Path p : List.of(bom, utf8, cp1251, utf16)) {
            try (CsvSource source = CsvSource.open(p, Optional.empty(), Optional.empty())) {
                assertThat(all(source)).as(p.getFileName().toString()).extracting(CsvSource.Record::values)
                        .containsExactly(List.of("име", "телефон"), List.of("Иван Петров", "0888 123 456"));
            }
        }
        assertThat(CsvSource.detectCharset(cp1251)).isEqualTo(CsvSource.WINDOWS_1251);
        assertThat(CsvSource.detectCharset(utf8)).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void aFileValidAsUtf8UntilLateIsStillWindows1251() throws IOException {
        // Detection reads the whole file: one Cyrillic byte on the last line decides.
        String text = "phone,name\n" + "0888123456,Ivan\n".repeat(5000) + "0888123457,Петър\n";
        Path late = file("late.csv", text.getBytes(Charset.forName("windows-1251")));
        assertThat(CsvSource.detectCharset(late)).isEqualTo(CsvSource.WINDOWS_1251);
    }

    @Test
    void theSeparatorIsTheHeadersMostFrequentOfSemicolonCommaTab() throws IOException {
        assertThat(separatorOf("a;b;c\n1,5;2;3\n")).isEqualTo(';');
        assertThat(separatorOf("a,b,c\n1;2,3,4\n")).isEqualTo(',');
        assertThat(separatorOf("a\tb\tc\n1\t2\t3\n")).isEqualTo('\t');
        assertThat(separatorOf("\"a;x\",b\n")).isEqualTo(','); // inside quotes does not count
        assertThat(separatorOf("phone\n0888123456\n")).isEqualTo(',');
    }

    private char separatorOf(String text) throws IOException {
        return CsvSource.detectSeparator(file("s.csv", text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void quotedFieldsHoldSeparatorsQuotesAndLineBreaksAndRecordsKnowTheirLine() throws IOException {
        Path p = file("q.csv", ("name,note\r\n\"Иван, Петров\",\"say \"\"hi\"\"\r\nline two\"\r\n\r\nМария,x\r\n")
                .getBytes(StandardCharsets.UTF_8));
        try (CsvSource source = CsvSource.open(p, Optional.empty(), Optional.empty())) {
            List<CsvSource.Record> records = all(source);
            assertThat(records).extracting(CsvSource.Record::line).containsExactly(1, 2, 4, 5);
            assertThat(records.get(1).values()).containsExactly("Иван, Петров", "say \"hi\"\r\nline two");
            assertThat(records.get(2).isBlank()).isTrue();
            assertThat(records.get(3).values()).containsExactly("Мария", "x");
        }
    }

    @Test
    void aQuoteNeverClosedIsReportedWithItsLine() throws IOException {
        Path p = file("broken.csv", "phone,name\n0888123456,Иван\n0888123457,\"Петър\n0888123458,Мария\n"
                .getBytes(StandardCharsets.UTF_8));
        try (CsvSource source = CsvSource.open(p, Optional.empty(), Optional.empty())) {
            source.next();
            assertThat(source.next()).map(CsvSource.Record::line).contains(2);
            assertThatThrownBy(source::next).isInstanceOf(CsvSource.BrokenFileException.class)
                    .hasMessageStartingWith("line 3: a quoted field that starts here is never closed");
        }
    }

    @Test
    void aGivenEncodingAndSeparatorWin() throws IOException {
        Path p = file("given.csv", "име|телефон\nИван|0888123456\n".getBytes(Charset.forName("windows-1251")));
        try (CsvSource source = CsvSource.open(p, Optional.of(Charset.forName("windows-1251")), Optional.of('|'))) {
            assertThat(all(source).get(1).values()).containsExactly("Иван", "0888123456");
        }
        Path cp1251 = file("cp.csv", "име\nИван\n".getBytes(Charset.forName("windows-1251")));
        try (CsvSource source = CsvSource.open(cp1251, Optional.of(StandardCharsets.UTF_8), Optional.empty())) {
            assertThatThrownBy(source::next).isInstanceOf(CsvSource.BrokenFileException.class)
                    .hasMessageContaining("not UTF-8 text").hasMessageContaining("--encoding");
        }
    }

    @Test
    void aMissingFileIsAUsageErrorNamingTheOption() {
        assertThatThrownBy(() -> CsvSource.open(dir.resolve("none.csv"), Optional.empty(), Optional.empty()))
                .isInstanceOf(UsageException.class).hasMessageContaining("no such file").hasMessageContaining("--csv");
    }
}
