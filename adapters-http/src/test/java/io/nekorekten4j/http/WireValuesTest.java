package io.nekorekten4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scalars of unsure shape (moved here from DateTimeFastPathTest with the split of WireMapper). */
class WireValuesTest {

    @Test
    void wholeNumbersAreRecognisedLikeTheRegexWas() {
        List<String> samples = new ArrayList<>(List.of("0", "-1", "1234567890123456789", "-1234567890123456789",
                "12345678901234567890", "-", "", "--1", "1-", "١٢", "12a", " 1", "1715677867"));
        for (String s : samples) {
            assertThat(WireValues.isWholeNumber(s)).as(s).isEqualTo(s.matches("-?[0-9]{1,19}"));
        }
    }
}
