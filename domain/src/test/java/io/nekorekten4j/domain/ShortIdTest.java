package io.nekorekten4j.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The short-id rule accepts exactly {@code [A-Za-z0-9_-]{1,64}}, character by character. */
class ShortIdTest {

    private static final Pattern RULE = Pattern.compile("[A-Za-z0-9_-]+");

    @Test
    void everyCharacterIsJudgedAsTheRuleSays() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String id = "ab" + c + "9";
            if (RULE.matcher(id).matches()) {
                assertThat(ShortId.check(id, "reportId", "a report id")).isEqualTo(id);
            } else {
                int code = c;
                assertThatThrownBy(() -> ShortId.check(id, "reportId", "a report id"))
                        .as("U+%04X", code)
                        .isInstanceOf(ValidationException.class)
                        .hasMessageContaining("may contain only letters");
            }
        }
    }

    @Test
    void liveIdsAreAccepted() {
        assertThat(ShortId.check("0obgyGbp1Ms", "reportId", "a report id")).isEqualTo("0obgyGbp1Ms");
        assertThat(ShortId.check("a_B-9", "files", "a file id")).isEqualTo("a_B-9");
    }
}
