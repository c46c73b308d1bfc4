package io.nekorekten4j.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A report's phone is read once, with the answer {@link Phone#isValid} and {@link Phone#parse} give. */
class ReportPhoneTest {

    @ParameterizedTest
    @ValueSource(strings = {"+359888123456", "0888 123 456", "359888123456", "00359888123456", "+44 (0)20 7946 0958",
        "12345", "", "   ", "abc", "+999123456", "+359", "0888-123-456 ext 7", "+1 202 555 0143", "0000"})
    void phoneIsParsedLikeIsValidThenParse(String reported) {
        Report report = Report.builder().id(ReportId.of("0obgyGbp1Ms")).phone(reported).build();

        Optional<Phone> expected = Phone.isValid(reported) ? Optional.of(Phone.parse(reported)) : Optional.empty();
        assertThat(report.phone()).isEqualTo(expected);
        assertThat(report.phoneAsReported()).contains(reported);
    }
}
