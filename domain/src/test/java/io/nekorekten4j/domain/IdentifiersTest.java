package io.nekorekten4j.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

    private static final String ONLY_URL_SAFE = " may contain only letters A-Z, a-z, digits, '_' and '-'";

    private static Violation rejectionOf(Runnable construction) {
        ValidationException e = catchThrowableOfType(ValidationException.class, construction::run);
        assertThat(e).as("rejection").isNotNull();
        assertThat(e.violations()).hasSize(1);
        return e.violations().get(0);
    }

    @Nested
    class ReportIds {

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @ValueSource(strings = {"0obgyGbp1Ms", "6PpAbCdEfG", "a", "A_b-9", "--__"})
        void urlSafeIdsAreAccepted(String value) {
            assertThat(ReportId.of(value).value()).isEqualTo(value);
            assertThat(ReportId.of(value)).hasToString(value).isEqualTo(new ReportId(value));
        }

        @Test
        void anIdOf64CharactersIsAccepted() {
            assertThat(ReportId.of("x".repeat(64)).value()).hasSize(64);
        }

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @ValueSource(strings = {"ab/cd", "../etc", "ab.cd", "..", "ab%2Fcd", "ab cd", " abc", "ab?x=1", "ab#x", "ab&x",
            "ab\ncd", "абв", "ab+cd", "ab:cd"})
        void anythingThatCouldBreakAUrlPathIsRejected(String value) {
            assertThat(rejectionOf(() -> ReportId.of(value))).isEqualTo(new Violation("reportId", "a report id" + ONLY_URL_SAFE));
        }

        @Test
        void anEmptyIdIsRejected() {
            assertThat(rejectionOf(() -> ReportId.of(""))).isEqualTo(new Violation("reportId", "a report id must not be empty"));
        }

        @Test
        void anIdOf65CharactersIsRejectedWithItsLength() {
            assertThat(rejectionOf(() -> ReportId.of("x".repeat(65))))
                    .isEqualTo(new Violation("reportId", "a report id is too long: at most 64 characters, got 65"));
        }

        @Test
        void nullIsAProgrammingError() {
            assertThatNullPointerException().isThrownBy(() -> ReportId.of(null)).withMessage("reportId");
        }
    }

    @Nested
    class FileIds {

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @ValueSource(strings = {"6PpAbCdEfG", "0obgyGbp1Ms", "f_1-2"})
        void urlSafeIdsAreAccepted(String value) {
            assertThat(FileId.of(value).value()).isEqualTo(value);
            assertThat(FileId.of(value)).hasToString(value).isEqualTo(new FileId(value));
        }

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @ValueSource(strings = {"a/b", "a.b", "a%20", "a b", "a?b", "a#b"})
        void anythingThatCouldBreakAUrlIsRejectedOnFieldFiles(String value) {
            assertThat(rejectionOf(() -> FileId.of(value))).isEqualTo(new Violation("files", "a file id" + ONLY_URL_SAFE));
        }

        @Test
        void emptyAndOverlongIdsAreRejected() {
            assertThat(rejectionOf(() -> FileId.of(""))).isEqualTo(new Violation("files", "a file id must not be empty"));
            assertThat(rejectionOf(() -> FileId.of("x".repeat(65))))
                    .isEqualTo(new Violation("files", "a file id is too long: at most 64 characters, got 65"));
            assertThat(FileId.of("x".repeat(64)).value()).hasSize(64);
        }

        @Test
        void nullIsAProgrammingError() {
            assertThatNullPointerException().isThrownBy(() -> FileId.of(null)).withMessage("files");
        }
    }

    @Nested
    class CityIds {

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(ints = {1, 5, Integer.MAX_VALUE})
        void positiveIdsAreAccepted(int value) {
            assertThat(CityId.of(value).value()).isEqualTo(value);
            assertThat(CityId.of(value)).hasToString(Integer.toString(value)).isEqualTo(new CityId(value));
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
        void zeroAndNegativeIdsAreRejectedOnFieldCityId(int value) {
            assertThat(rejectionOf(() -> CityId.of(value)))
                    .isEqualTo(new Violation("cityID", "a city id must be a positive number, got " + value));
        }
    }

    @Nested
    class Cities {

        @Test
        void aCityHasAnIdAndAName() {
            City sofia = City.of(1, "София");

            assertThat(sofia.id()).isEqualTo(CityId.of(1));
            assertThat(sofia.name()).isEqualTo("София");
            assertThat(sofia).isEqualTo(new City(CityId.of(1), "София"));
        }

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @ValueSource(strings = {"", "  ", "\t"})
        void aBlankNameIsRejected(String name) {
            assertThat(rejectionOf(() -> City.of(1, name))).isEqualTo(new Violation("name", "a city name must not be blank"));
        }

        @Test
        void anInvalidIdIsRejectedAsACityId() {
            assertThat(rejectionOf(() -> City.of(0, "София")).field()).isEqualTo("cityID");
        }

        @Test
        void bothPartsAreRequired() {
            assertThatNullPointerException().isThrownBy(() -> new City(null, "София")).withMessage("id");
            assertThatNullPointerException().isThrownBy(() -> new City(CityId.of(1), null)).withMessage("name");
        }
    }
}
