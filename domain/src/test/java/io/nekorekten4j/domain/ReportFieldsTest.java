package io.nekorekten4j.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportFieldsTest {

    /** Fields with only {@code set} present (by component name), or none for {@code ""}. */
    private static ReportFields only(String set) {
        return new ReportFields(
                set.equals("text") ? Optional.of("What happened.") : Optional.empty(),
                set.equals("phone") ? Optional.of(Phone.parse("0888 123 456")) : Optional.empty(),
                set.equals("email") ? Optional.of(Email.parse("ivan@abv.bg")) : Optional.empty(),
                set.equals("siteUrl") ? Optional.of(WebAddress.parse("example.bg")) : Optional.empty(),
                set.equals("facebookUrl") ? Optional.of(WebAddress.parseFacebook("facebook.com/ivan")) : Optional.empty(),
                set.equals("firstName") ? Optional.of(PersonName.parse("Иван")) : Optional.empty(),
                set.equals("lastName") ? Optional.of(PersonName.parse("Петров")) : Optional.empty(),
                set.equals("files") ? List.of(FileId.of("6PpAbCdEfG")) : List.of(),
                set.equals("cityId") ? Optional.of(CityId.of(5)) : Optional.empty());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"phone", "email", "siteUrl", "facebookUrl"})
    void phoneEmailSiteAndFacebookIdentifySomeone(String field) {
        assertThat(only(field).identifiesSomeone()).isTrue();
        assertThat(only(field).isEmpty()).isFalse();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"text", "firstName", "lastName", "files", "cityId"})
    void otherFieldsDoNotIdentifySomeoneButAreNotEmpty(String field) {
        assertThat(only(field).identifiesSomeone()).isFalse();
        assertThat(only(field).isEmpty()).isFalse();
    }

    @Test
    void noFieldAtAllIsEmpty() {
        assertThat(only("").isEmpty()).isTrue();
        assertThat(only("").identifiesSomeone()).isFalse();
        assertThat(only("").toString()).isEmpty();
    }

    @Test
    void theFilesAreCopiedAndCannotBeChanged() {
        List<FileId> files = new ArrayList<>(List.of(FileId.of("a1")));
        ReportFields fields = new ReportFields(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), files, Optional.empty());

        files.add(FileId.of("b2"));

        assertThat(fields.files()).containsExactly(FileId.of("a1"));
        assertThatThrownBy(() -> fields.files().add(FileId.of("c3"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void everyPartIsRequiredEvenIfEmpty() {
        Optional<String> none = Optional.empty();
        assertThatNullPointerException().isThrownBy(() -> new ReportFields(null, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty()))
                .withMessage("text");
        assertThatNullPointerException().isThrownBy(() -> new ReportFields(none, null, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty()))
                .withMessage("phone");
        assertThatNullPointerException().isThrownBy(() -> new ReportFields(none, Optional.empty(), null,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty()))
                .withMessage("email");
        assertThatNullPointerException().isThrownBy(() -> new ReportFields(none, Optional.empty(), Optional.empty(),
                null, Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty()))
                .withMessage("siteUrl");
        assertThatNullPointerException().isThrownBy(() -> new ReportFields(none, Optional.empty(), Optional.empty(),
                Optional.empty(), null, Optional.empty(), Optional.empty(), List.of(), Optional.empty()))
                .withMessage("facebookUrl");
        assertThatNullPointerException().isThrownBy(() -> new ReportFields(none, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), null, Optional.empty(), List.of(), Optional.empty()))
                .withMessage("firstName");
        assertThatNullPointerException().isThrownBy(() -> new ReportFields(none, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), null, List.of(), Optional.empty()))
                .withMessage("lastName");
        assertThatNullPointerException().isThrownBy(() -> new ReportFields(none, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), null, Optional.empty()))
                .withMessage("files");
        assertThatNullPointerException().isThrownBy(() -> new ReportFields(none, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), null))
                .withMessage("cityId");
    }

    @Test
    void toStringNamesTheFieldsSetButShowsNoPersonalValue() {
        ReportFields fields = new ReportFields(Optional.of("Иван refused"), Optional.of(Phone.parse("0888 123 456")),
                Optional.of(Email.parse("ivan.petrov@abv.bg")), Optional.of(WebAddress.parse("example.bg/ivan-shop")),
                Optional.of(WebAddress.parse("facebook.com/ivan.petrov")), Optional.of(PersonName.parse("Иван")),
                Optional.of(PersonName.parse("Петров")), List.of(FileId.of("a1"), FileId.of("b2")),
                Optional.of(CityId.of(5)));

        assertThat(fields.toString())
                .isEqualTo("text(12 chars), phone=" + Phone.parse("0888 123 456") + ", email=iv***@abv.bg, siteUrl, "
                        + "facebookUrl, firstName, lastName, files=2, cityID=5")
                .doesNotContain("888123456");
    }

    @Test
    void theGuardsAreTenThousandCharactersAndTwentyFiles() {
        assertThat(ReportFields.MAX_TEXT_LENGTH).isEqualTo(10_000);
        assertThat(ReportFields.MAX_FILES).isEqualTo(20);
    }
}
