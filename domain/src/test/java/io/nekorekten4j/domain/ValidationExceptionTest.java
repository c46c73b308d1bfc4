package io.nekorekten4j.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationExceptionTest {

    @Test
    void oneViolationIsDescribedWithItsField() {
        ValidationException e = new ValidationException("phone", "too short");

        assertThat(e.violations()).containsExactly(new Violation("phone", "too short"));
        assertThat(e).hasMessage("Invalid input: phone: too short");
    }

    @Test
    void severalViolationsAreAllDescribedInTheOrderFound() {
        ValidationException e = new ValidationException(List.of(
                new Violation("phone", "too short"), new Violation("email", "needs an @"), new Violation("text", "required")));

        assertThat(e.violations()).extracting(Violation::field).containsExactly("phone", "email", "text");
        assertThat(e).hasMessage("Invalid input (3 problems): phone: too short; email: needs an @; text: required");
    }

    @Test
    void violationsOfPicksOneFieldsViolations() {
        ValidationException e = new ValidationException(List.of(
                new Violation("files", "too many"), new Violation("text", "required"), new Violation("files", "twice")));

        assertThat(e.violationsOf("files")).extracting(Violation::message).containsExactly("too many", "twice");
        assertThat(e.violationsOf("phone")).isEmpty();
    }

    @Test
    void theViolationsAreCopied() {
        List<Violation> violations = new ArrayList<>(List.of(new Violation("text", "required")));
        ValidationException e = new ValidationException(violations);

        violations.add(new Violation("phone", "bad"));

        assertThat(e.violations()).hasSize(1);
    }

    @Test
    void anExceptionWithoutViolationsCannotBeMade() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ValidationException(List.of()))
                .withMessage("a ValidationException needs at least one violation");
        assertThatNullPointerException().isThrownBy(() -> new ValidationException(null)).withMessage("violations");
    }

    @Test
    void itIsAnIllegalArgumentException() {
        assertThat(new ValidationException("text", "required")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aViolationNeedsAFieldAndAMessage() {
        assertThat(new Violation("text", "required")).hasToString("text: required");
        assertThatNullPointerException().isThrownBy(() -> new Violation(null, "required")).withMessage("field");
        assertThatNullPointerException().isThrownBy(() -> new Violation("text", null)).withMessage("message");
    }
}
