package io.nekorekten4j.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class OperationTest {

    @ParameterizedTest(name = "[{index}] {0} {1} is {2}")
    @CsvSource({
        "GET,    /api/v1/reports,                      SEARCH",
        "get,    /api/v1/reports?phone=359888123456,   SEARCH",
        "POST,   /api/v1/reports,                      CREATE",
        "PATCH,  /api/v1/reports/0obgyGbp1Ms,          UPDATE",
        "DELETE, /api/v1/reports/0obgyGbp1Ms,          DELETE",
        "POST,   /api/v1/files,                        UPLOAD",
        "GET,    /api/v1/cities,                       CITIES",
    })
    void everyEndpointIsOneOperation(String method, String path, Operation expected) {
        assertThat(Operation.matching(method, path)).contains(expected);
        assertThat(Operation.of(method, path)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0} {1} is none")
    @CsvSource({
        "PUT,    /api/v1/reports",
        "GET,    /api/v1/files",
        "DELETE, /api/v1/reports",
        "DELETE, /api/v1/reports/",
        "PATCH,  /api/v1/reports/a/b",
        "GET,    /api/v1/reports/0obgyGbp1Ms",
        "POST,   /api/v1/cities",
        "GET,    /api/v2/reports",
    })
    void otherRequestsAreNoOperation(String method, String path) {
        assertThat(Operation.matching(method, path)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> Operation.of(method, path))
                .withMessage("no operation of the API is " + method + " " + path);
    }

    @Test
    void refusingARequestNeverRepeatsItsQuery() {
        assertThatIllegalArgumentException().isThrownBy(() -> Operation.of("PUT", "/api/v1/reports?phone=359888123456"))
                .withMessage("no operation of the API is PUT /api/v1/reports");
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void eachOperationMatchesItsOwnMethodAndPathAndIsTaggedByItsLowercaseName(Operation operation) {
        String path = operation.pathTemplate().replace("{id}", "0obgyGbp1Ms");

        assertThat(Operation.of(operation.method(), path)).isEqualTo(operation);
        assertThat(operation.tagValue()).isEqualTo(operation.name().toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void theArgumentsAreNamed() {
        assertThatNullPointerException().isThrownBy(() -> Operation.matching(null, "/x")).withMessage("method");
        assertThatNullPointerException().isThrownBy(() -> Operation.matching("GET", null)).withMessage("path");
    }

    @Test
    void aReportPathWithoutAnIdAndARequestThatIsOnlyAQueryAreNoOperation() {
        assertThat(Operation.matching("PATCH", "/api/v1/reports/")).isEmpty();
        assertThat(Operation.matching("DELETE", "/api/v1/reports/?id=0obgyGbp1Ms")).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> Operation.of("GET", "?phone=359888123456"))
                .withMessageNotContaining("359888123456");
    }
}
