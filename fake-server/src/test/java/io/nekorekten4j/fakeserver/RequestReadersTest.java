package io.nekorekten4j.fakeserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchMode;
import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.domain.Violation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How the server reads a search's query and a report's body into domain values. */
class RequestReadersTest {

    private static RequestFields json(String body) {
        return RequestFields.fromJson(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSearchQueryBecomesCriteria() {
        SearchCriteria c = SearchQuery.criteria(Query.parse("phone=359888123456&email=a%40b.bg&searchMode=one-of&page=3"));

        assertThat(c.phone().orElseThrow().digits()).isEqualTo("359888123456");
        assertThat(c.email().orElseThrow().value()).isEqualTo("a@b.bg");
        assertThat(c.mode()).isEqualTo(SearchMode.ONE_OF);
        assertThat(c.page()).isEqualTo(3);
    }

    @Test
    void aPlusInAQueryIsASpaceAndAnEncodedPlusAPlus() {
        assertThat(SearchQuery.criteria(Query.parse("phone=%2B359888123456")).phone().orElseThrow().digits())
                .isEqualTo("359888123456");
        assertThat(SearchQuery.criteria(Query.parse("name=%D0%98%D0%B2%D0%B0%D0%BD+%D0%9F%D0%B5%D1%82%D1%80%D0%BE%D0%B2"))
                .name().orElseThrow().value()).isEqualTo("Иван Петров");
    }

    @Test
    void blankFiltersCountAsAbsent() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> SearchQuery.criteria(Query.parse("phone=&email=%20")));

        assertThat(e.violations()).extracting(Violation::field).containsExactly("criteria");
    }

    @Test
    void aBrokenPercentEscapeIsRefused() {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> Query.parse("phone=%E"));

        assertThat(e.violations()).extracting(Violation::field).containsExactly("query");
    }

    @Test
    void aPageThatIsNotAWholeNumberIsRefused() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> SearchQuery.criteria(Query.parse("phone=359888123456&page=-1")));

        assertThat(e.violations()).extracting(Violation::field).containsExactly("page");
    }

    @Test
    void aJsonBodyBecomesADraftWithPhoneAndCityAsNumbersOrText() {
        ReportDraft draft = json("{\"text\":\"t\",\"phone\":359888123456,\"cityID\":\"17\",\"email\":\"\",\"extra\":1}")
                .toDraft();

        assertThat(draft.fields().phone().orElseThrow().digits()).isEqualTo("359888123456");
        assertThat(draft.fields().cityId().orElseThrow().value()).isEqualTo(17);
        assertThat(draft.fields().email()).as("a blank e-mail counts as absent").isEmpty();
    }

    @Test
    void aHugeNumberIsRefusedWithoutExpandingIt() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> json("{\"text\":\"t\",\"phone\":1e1000000}"));

        assertThat(e.violations()).extracting(Violation::field).containsExactly("phone");
    }

    @Test
    void trailingGarbageAfterTheObjectIsRefused() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> json("{\"text\":\"t\",\"phone\":\"359888123456\"} trailing"));

        assertThat(e.violations()).extracting(Violation::field).containsExactly("body");
    }

    @Test
    void fileIdsThatCannotBeIdsAreNamed() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> json("{\"text\":\"t\",\"phone\":\"359888123456\",\"files\":[\"ok_id\",\"bad id!\"]}").toDraft());

        assertThat(e.violations()).extracting(Violation::field).containsExactly("files");
    }

    @Test
    void aFormBodyTakesRepeatedFileIds() {
        RequestFields fields = RequestFields.fromForm(
                "text=t&phone=359888123456&files%5B%5D=a1&files%5B%5D=b2".getBytes(StandardCharsets.US_ASCII));

        assertThat(fields.files()).containsExactly("a1", "b2");
        assertThat(fields.toString()).doesNotContain("359888123456");
    }
}
