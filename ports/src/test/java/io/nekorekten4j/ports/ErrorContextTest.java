package io.nekorekten4j.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ErrorContextTest {

    @Test
    void ofKeepsTheMethodAndThePathWithoutItsQuery() {
        ErrorContext context = ErrorContext.of("GET", "/api/v1/reports?phone=359888123456&email=ivan%40abv.bg");

        assertThat(context.method()).contains("GET");
        assertThat(context.path()).contains("/api/v1/reports");
        assertThat(context.status()).isEmpty();
        assertThat(context.bodyExcerpt()).isEmpty();
        assertThat(context.serviceMessage()).isEmpty();
        assertThat(context.toString()).doesNotContain("359888123456").doesNotContain("ivan");
    }

    @Test
    void describeIsTheOperationAndTheStatus() {
        assertThat(ErrorContext.of("GET", "/api/v1/reports").withStatus(429).describe())
                .isEqualTo("search, HTTP 429");
        assertThat(ErrorContext.of("DELETE", "/api/v1/reports/0obgyGbp1Ms").describe())
                .isEqualTo("delete");
        assertThat(ErrorContext.none().withStatus(503).describe()).isEqualTo("HTTP 503");
    }

    @Test
    void describeLeavesOutTheBodyAndTheServiceMessage() {
        ErrorContext context = ErrorContext.of("POST", "/api/v1/reports").withStatus(422)
                .withBody("{\"message\":\"Телефонът 0888123456 е невалиден\"}").withServiceMessage("Телефонът 0888123456 е невалиден");

        assertThat(context.describe()).isEqualTo("create, HTTP 422");
    }

    @Test
    void noContextDescribesAsNothing() {
        ErrorContext none = ErrorContext.none();

        assertThat(none.describe()).isEmpty();
        assertThat(none.method()).isEmpty();
        assertThat(none.path()).isEmpty();
        assertThat(none.status()).isEmpty();
    }

    @Test
    void withersReturnANewContextAndLeaveTheOriginalAlone() {
        ErrorContext original = ErrorContext.of("GET", "/api/v1/cities");

        ErrorContext changed = original.withStatus(500).withBody("<html>oops</html>").withServiceMessage("Server error");

        assertThat(original.status()).isEmpty();
        assertThat(original.bodyExcerpt()).isEmpty();
        assertThat(changed.status()).hasValue(500);
        assertThat(changed.bodyExcerpt()).contains("<html>oops</html>");
        assertThat(changed.serviceMessage()).contains("Server error");
        assertThat(changed.method()).contains("GET");
        assertThat(changed.path()).contains("/api/v1/cities");
    }

    @Test
    void nullBodyOrMessageMeansNone() {
        ErrorContext context = ErrorContext.of("GET", "/x").withBody(null).withServiceMessage(null);

        assertThat(context.bodyExcerpt()).isEmpty();
        assertThat(context.serviceMessage()).isEmpty();
    }

    @Test
    void aLongBodyIsCutTo200CharactersTheEllipsisIncluded() {
        String body = "x".repeat(150) + "y".repeat(150);

        String excerpt = ErrorContext.none().withBody(body).bodyExcerpt().orElseThrow();

        assertThat(excerpt).hasSize(ErrorContext.MAX_EXCERPT).startsWith(body.substring(0, 199)).endsWith("…");
        assertThat(ErrorContext.MAX_EXCERPT).isEqualTo(200);
    }

    @Test
    void aBodyOf200CharactersIsKeptWhole() {
        String body = "z".repeat(200);

        assertThat(ErrorContext.none().withBody(body).bodyExcerpt()).contains(body);
    }

    @Test
    void theExcerptIsOneLineWithWhitespaceCollapsed() {
        String excerpt = ErrorContext.none().withBody("  <html>\n\t<body>  Bad\r\nGateway </body>\n</html>  ")
                .bodyExcerpt().orElseThrow();

        assertThat(excerpt).isEqualTo("<html> <body> Bad Gateway </body> </html>");
    }

    @Test
    void whitespaceIsCollapsedBeforeTheBodyIsMeasured() {
        String body = "a\n\n\n\n".repeat(100); // 500 characters, 200 once collapsed and trimmed

        String excerpt = ErrorContext.none().withBody(body).bodyExcerpt().orElseThrow();

        assertThat(excerpt).hasSize(199).doesNotEndWith("…");
    }

    @Test
    void theCanonicalConstructorShortensTheExcerptToo() {
        ErrorContext context = new ErrorContext(Optional.empty(), Optional.empty(), OptionalInt.empty(),
                Optional.of("b".repeat(1_000)), Optional.empty());

        assertThat(context.bodyExcerpt()).hasValueSatisfying(e -> assertThat(e).hasSize(200).endsWith("…"));
    }

    @Test
    void everyPartIsRequiredEvenIfEmpty() {
        Optional<String> none = Optional.empty();
        OptionalInt noStatus = OptionalInt.empty();
        assertThatNullPointerException().isThrownBy(() -> new ErrorContext(null, none, noStatus, none, none))
                .withMessage("method");
        assertThatNullPointerException().isThrownBy(() -> new ErrorContext(none, null, noStatus, none, none))
                .withMessage("path");
        assertThatNullPointerException().isThrownBy(() -> new ErrorContext(none, none, null, none, none))
                .withMessage("status");
        assertThatNullPointerException().isThrownBy(() -> new ErrorContext(none, none, noStatus, null, none))
                .withMessage("bodyExcerpt");
        assertThatNullPointerException().isThrownBy(() -> new ErrorContext(none, none, noStatus, none, null))
                .withMessage("serviceMessage");
        assertThatNullPointerException().isThrownBy(() -> ErrorContext.of(null, "/x")).withMessage("method");
        assertThatNullPointerException().isThrownBy(() -> ErrorContext.of("GET", null)).withMessage("path");
    }

    @Test
    void aQueryNeverReachesTheContextWhicheverConstructorIsUsed() {
        ErrorContext context = new ErrorContext(Optional.of("GET"), Optional.of("/api/v1/reports?phone=359888123456"),
                OptionalInt.of(500), Optional.empty(), Optional.empty());

        assertThat(context.path()).hasValue("/api/v1/reports");
        assertThat(context.describe()).doesNotContain("359888123456");
    }

    @Test
    void aRequestOfTheApiNamesItsOperationWhicheverConstructorBuiltIt() {
        assertThat(ErrorContext.of("GET", "/api/v1/reports?phone=359888123456").operation()).contains(Operation.SEARCH);
        assertThat(ErrorContext.of("PATCH", "/api/v1/reports/0obgyGbp1Ms").withStatus(404).operation())
                .contains(Operation.UPDATE);
        assertThat(new ErrorContext(Optional.of("POST"), Optional.of("/api/v1/files"), OptionalInt.of(500),
                Optional.empty(), Optional.empty()).operation()).contains(Operation.UPLOAD);
        assertThat(ErrorContext.of("GET", "/api/v2/elsewhere").operation()).isEmpty();
        assertThat(ErrorContext.none().operation()).isEmpty();
    }

    @Test
    void anOperationWithoutARequestInventsNoMethodOrPathAndDescribesByItsName() {
        ErrorContext context = ErrorContext.of(Operation.CITIES).withStatus(429).withAttempts(1);

        assertThat(context.operation()).contains(Operation.CITIES);
        assertThat(context.method()).isEmpty();
        assertThat(context.path()).isEmpty();
        assertThat(context.describe()).isEqualTo("cities, HTTP 429");
        assertThat(ErrorContext.of(Operation.CREATE).describe()).isEqualTo("create");
        assertThat(context.withBody("x").withServiceMessage("y").withOutcome(RequestOutcome.REFUSED).operation())
                .as("the withers keep the operation").contains(Operation.CITIES);
        assertThatNullPointerException().isThrownBy(() -> ErrorContext.of((Operation) null)).withMessage("operation");
        assertThatNullPointerException().isThrownBy(() -> new ErrorContext(null, Optional.empty(), Optional.empty(),
                OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty()))
                .withMessage("operation");
    }

    @Test
    void aRequestOfTheApiDescribesAsTheFakesOperationDoesAndAnyOtherByMethodAndPath() {
        assertThat(ErrorContext.of("GET", "/api/v1/cities").withStatus(503).describe())
                .isEqualTo(ErrorContext.of(Operation.CITIES).withStatus(503).describe())
                .isEqualTo("cities, HTTP 503");
        assertThat(ErrorContext.of("GET", "/elsewhere?phone=359888123456").withStatus(404).describe())
                .isEqualTo("GET /elsewhere, HTTP 404");
    }

    @Test
    void theExcerptNeverCutsASurrogatePairInHalf() {
        ErrorContext context = ErrorContext.none().withBody("a".repeat(199) + "\uD83D\uDE00b");

        assertThat(context.bodyExcerpt()).hasValue("a".repeat(199) + "…");
    }

    @Test
    void outcomeAndAttemptsAreEmptyUntilRecordedAndSurviveTheOtherWithers() {
        ErrorContext context = ErrorContext.of("POST", "/api/v1/reports")
                .withOutcome(RequestOutcome.NOT_SENT).withAttempts(2)
                .withStatus(503).withBody("down").withServiceMessage("down");

        assertThat(ErrorContext.of("POST", "/api/v1/reports").outcome()).isEmpty();
        assertThat(ErrorContext.none().attempts()).isEmpty();
        assertThat(context.outcome()).contains(RequestOutcome.NOT_SENT);
        assertThat(context.attempts()).hasValue(2);
        assertThat(context.withOutcome(RequestOutcome.REFUSED).outcome()).contains(RequestOutcome.REFUSED);
    }

    @Test
    void theSummaryCountsAttemptsOnlyWhenThereWasMoreThanOne() {
        ErrorContext context = ErrorContext.of("GET", "/api/v1/reports").withStatus(500);

        assertThat(context.withAttempts(1).describe()).isEqualTo("search, HTTP 500");
        assertThat(context.withAttempts(0).describe()).isEqualTo("search, HTTP 500");
        assertThat(context.withAttempts(3).describe()).isEqualTo("search, HTTP 500, 3 attempts");
        assertThat(ErrorContext.none().withAttempts(2).describe()).isEqualTo("2 attempts");
    }

    @Test
    void aNegativeAttemptCountIsRefusedByNameAndANullOutcomeByName() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> ErrorContext.none().withAttempts(-1))
                .withMessage("attempts must not be negative, got -1");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new ErrorContext(Optional.empty(), Optional.empty(), OptionalInt.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.of(-2)))
                .withMessage("attempts must not be negative, got -2");
        assertThatNullPointerException().isThrownBy(() -> ErrorContext.none().withOutcome(null))
                .withMessage("outcome");
        assertThatNullPointerException().isThrownBy(() -> new ErrorContext(Optional.empty(), Optional.empty(),
                OptionalInt.empty(), Optional.empty(), Optional.empty(), null, OptionalInt.empty()))
                .withMessage("outcome");
    }

    @Test
    void everyTextOfTheContextIsSanitisedWhicheverConstructorBuiltIt() {
        ErrorContext context = new ErrorContext(Optional.of("GET\r\nX"), Optional.of("/api/v1/reports/\u001B[2J"),
                OptionalInt.of(422), Optional.of("{\"message\":\"bad\u0000\u0007\u001B]0;owned\u0007\"}\r\n\u2028x"),
                Optional.of("line one\r\nINFO forged line \u202Egnp.exe\u0085"));

        assertThat(context.method()).hasValue("GET X");
        assertThat(context.path()).hasValue("/api/v1/reports/\\u001B[2J");
        assertThat(context.bodyExcerpt()).hasValue("{\"message\":\"bad\\u0000\\u0007\\u001B]0;owned\\u0007\"} x");
        assertThat(context.serviceMessage()).hasValue("line one INFO forged line \\u202Egnp.exe");
        assertThat(context.toString()).doesNotContain("\r", "\n", "\u001B", "\u202E", "\u0000");
    }

    @Test
    void aLongServiceMessageIsCapped() {
        ErrorContext context = ErrorContext.none().withServiceMessage("м".repeat(10_000));

        assertThat(context.serviceMessage()).hasValueSatisfying(m ->
                assertThat(m).hasSize(ErrorContext.MAX_SERVICE_MESSAGE).endsWith("…"));
    }

    @Test
    void aPathThatIsOnlyAQueryKeepsNoneOfIt() {
        ErrorContext context = ErrorContext.of("GET", "?phone=359888123456");

        assertThat(context.path()).contains("");
        assertThat(context.toString()).doesNotContain("359888123456");
    }

    @Test
    void aContextWithAPathButNoMethodDescribesThePathAlone() {
        ErrorContext pathOnly = new ErrorContext(Optional.empty(), Optional.of("/api/v1/reports"), OptionalInt.of(500),
                Optional.empty(), Optional.empty());

        assertThat(pathOnly.describe()).isEqualTo("/api/v1/reports, HTTP 500");
    }
}
