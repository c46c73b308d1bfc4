package io.nekorekten4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void fieldsWithSeparatorsQuotesOrLineBreaksAreQuoted() {
        StringWriter text = new StringWriter();
        new CsvWriter(new PrintWriter(text, true)).write("plain", "a,b", "say \"hi\"", "two\nlines", " padded", "");
        assertThat(text.toString()).isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\",\r\n");
    }

    @Test
    void whatItWritesReadsBackTheSame() {
        StringWriter text = new StringWriter();
        CsvWriter writer = new CsvWriter(new PrintWriter(text, true));
        writer.write("name", "note");
        writer.write("Петров, Иван", "\"кавички\"\r\nи ред");
        assertThat(CsvReader.parse(text.toString()).get(1).fields()).containsExactly("Петров, Иван", "\"кавички\"\r\nи ред");
    }
}
