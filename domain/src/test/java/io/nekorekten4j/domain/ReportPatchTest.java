package io.nekorekten4j.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReportPatchTest {

    private static ValidationException rejectionOf(ReportPatch.Builder builder) {
        ValidationException e = catchThrowableOfType(ValidationException.class, builder::build);
        assertThat(e).as("rejection").isNotNull();
        return e;
    }

    static Stream<Arguments> singleFields() {
        return Stream.of(
                Arguments.of("text", (UnaryOperator<ReportPatch.Builder>) b -> b.text("Paid after all.")),
                Arguments.of("phone", (UnaryOperator<ReportPatch.Builder>) b -> b.phone("0888 123 456")),
                Arguments.of("email", (UnaryOperator<ReportPatch.Builder>) b -> b.email("ivan@abv.bg")),
                Arguments.of("siteUrl", (UnaryOperator<ReportPatch.Builder>) b -> b.siteUrl("example.bg")),
                Arguments.of("facebookUrl", (UnaryOperator<ReportPatch.Builder>) b -> b.facebookUrl("facebook.com/ivan")),
                Arguments.of("firstName", (UnaryOperator<ReportPatch.Builder>) b -> b.firstName("Иван")),
                Arguments.of("lastName", (UnaryOperator<ReportPatch.Builder>) b -> b.lastName("Петров")),
                Arguments.of("files", (UnaryOperator<ReportPatch.Builder>) b -> b.files(FileId.of("6PpAbCdEfG"))),
                Arguments.of("cityId", (UnaryOperator<ReportPatch.Builder>) b -> b.cityId(5)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("singleFields")
    void anyOneFieldMakesAPatchAndNoFieldIsRequired(String name, UnaryOperator<ReportPatch.Builder> change) {
        ReportPatch patch = change.apply(ReportPatch.builder()).build();

        assertThat(patch.fields().isEmpty()).isFalse();
    }

    @Test
    void fieldsNotGivenStayEmpty() {
        ReportPatch patch = ReportPatch.builder().text("  Paid after all. ").build();

        assertThat(patch.fields().text()).contains("Paid after all.");
        assertThat(patch.fields().phone()).isEmpty();
        assertThat(patch.fields().files()).isEmpty();
        assertThat(patch.fields().cityId()).isEmpty();
    }

    @Test
    void aPatchThatChangesNothingIsRejected() {
        assertThat(rejectionOf(ReportPatch.builder()).violations())
                .containsExactly(new Violation("patch", "give at least one field to change"));
    }

    @Test
    void aBadValueIsReportedAsItselfNotAsAnEmptyPatch() {
        assertThat(rejectionOf(ReportPatch.builder().email("ivan.abv.bg")).violations())
                .containsExactly(new Violation("email", "an e-mail address needs exactly one '@'"));
    }

    @Test
    void aBlankTextIsRejected() {
        assertThat(rejectionOf(ReportPatch.builder().text("   ")).violations())
                .containsExactly(new Violation("text", "the text must not be blank"));
    }

    @Test
    void everyBadValueIsReportedAtOnce() {
        ValidationException e = rejectionOf(ReportPatch.builder().text("x".repeat(10_001)).phone("12").email("x")
                .facebookUrl("example.bg").lastName("R2D2").cityId(-3));

        assertThat(e.violations()).extracting(Violation::field)
                .containsExactlyInAnyOrder("text", "phone", "email", "facebookUrl", "lastName", "cityID");
    }

    @Test
    void theConstructorRejectsAnEmptyChange() {
        ReportFields nothing = new ReportFields(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty());

        assertThat(catchThrowableOfType(ValidationException.class, () -> new ReportPatch(nothing)).violations())
                .containsExactly(new Violation("patch", "a patch must change at least one field"));
        assertThatNullPointerException().isThrownBy(() -> new ReportPatch(null)).withMessage("fields");
    }

    @Test
    void toStringShowsWhichFieldsChangeButNoPersonalData() {
        ReportPatch patch = ReportPatch.builder().phone("0888 123 456").email("ivan.petrov@abv.bg").lastName("Петров").build();

        assertThat(patch.toString()).startsWith("ReportPatch[").contains("phone=", "email=", "lastName")
                .doesNotContain("888123456").doesNotContain("ivan.petrov").doesNotContain("Петров");
    }
}
