package io.nekorekten4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {

    private static List<String> print(TextTable table) {
        StringWriter out = new StringWriter();
        table.print(new PrintWriter(out, true));
        return out.toString().lines().toList();
    }

    @Test
    void columnsOfCyrillicWithCombiningMarksLineUpByDisplayWidth() {
        List<String> lines = print(new TextTable().column("NAME").column("CITY")
                .row("И\u0306ордан", "София")      // decomposed Й: 7 UTF-16 units, 6 columns
                .row("Мария", "Стара Загора")
                .row("Ив", "Русе"));
        assertThat(lines).containsExactly(
                "NAME    CITY",
                "И\u0306ордан  София",
                "Мария   Стара Загора",
                "Ив      Русе");
        // Where the second column starts, in display columns, is the same on every line.
        assertThat(lines).allSatisfy(l -> assertThat(DisplayWidth.of(l.substring(0, l.lastIndexOf("  ") + 2))).isEqualTo(8));
    }

    @Test
    void columnsWithNoValueAreLeftOut() {
        List<String> lines = print(new TextTable().column("ID").column("E-MAIL").column("CITY").row("a1", "", "Варна"));
        assertThat(lines).containsExactly("ID  CITY", "a1  Варна");
    }

    @Test
    void longCellsAreCutAndLineBreaksBecomeSpaces() {
        List<String> lines = print(new TextTable().column("TEXT", 10).row("Поръча си\nрокля с наложен платеж"));
        assertThat(lines).containsExactly("TEXT", "Поръча си…");
    }

    @Test
    void anEmptyTablePrintsNothing() {
        assertThat(print(new TextTable().column("ID"))).isEmpty();
    }
}
