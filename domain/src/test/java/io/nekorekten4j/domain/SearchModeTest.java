package io.nekorekten4j.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SearchModeTest {

    @Test
    void wireValuesAreTheServices() {
        assertThat(SearchMode.ALL.wireValue()).isEqualTo("all");
        assertThat(SearchMode.ONE_OF.wireValue()).isEqualTo("one-of");
    }

    @ParameterizedTest
    @EnumSource(SearchMode.class)
    void eachModeIsFoundByItsWireValue(SearchMode mode) {
        assertThat(SearchMode.ofWireValue(mode.wireValue())).isEqualTo(mode);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"any", "", "oneof", "one_of", " all"})
    void anUnknownWireValueIsRejectedOnFieldSearchMode(String wireValue) {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> SearchMode.ofWireValue(wireValue));

        assertThat(e.violations()).containsExactly(new Violation("searchMode",
                "unknown search mode '" + wireValue + "': expected all or one-of"));
    }

    @Test
    void nullIsAProgrammingError() {
        assertThatNullPointerException().isThrownBy(() -> SearchMode.ofWireValue(null)).withMessage("wireValue");
    }
}
