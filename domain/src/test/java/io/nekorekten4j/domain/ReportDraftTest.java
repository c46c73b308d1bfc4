package io.nekorekten4j.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReportDraftTest {

    private static final String TEXT = "Refused a cash-on-delivery parcel on 2026-11-20.";

    private static ValidationException rejectionOf(ReportDraft.Builder builder) {
        ValidationException e = catchThrowableOfType(ValidationException.class, builder::build);
        assertThat(e).as("rejection").isNotNull();
        return e;
    }

    private static List<String> fieldsOf(ValidationException e) {
        return e.violations().stream().map(Violation::field).toList();
    }

    private static List<FileId> fileIds(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> FileId.of("file" + i)).toList();
    }

    @Nested
    class Valid {

        @Test
        void textAndAPhoneMakeADraft() {
            ReportDraft draft = ReportDraft.builder().text(TEXT).phone("0888 123 456").build();

            assertThat(draft.text()).isEqualTo(TEXT);
            assertThat(draft.fields().phone()).contains(Phone.parse("+359888123456"));
            assertThat(draft.fields().email()).isEmpty();
        }

        static Stream<Arguments> identifyingFields() {
            return Stream.of(
                    Arguments.of("phone", (UnaryOperator<ReportDraft.Builder>) b -> b.phone("0888 123 456")),
                    Arguments.of("email", (UnaryOperator<ReportDraft.Builder>) b -> b.email("ivan@abv.bg")),
                    Arguments.of("siteUrl", (UnaryOperator<ReportDraft.Builder>) b -> b.siteUrl("example.bg/shop")),
                    Arguments.of("facebookUrl", (UnaryOperator<ReportDraft.Builder>) b -> b.facebookUrl("facebook.com/ivan")),
                    Arguments.of("typed phone", (UnaryOperator<ReportDraft.Builder>) b -> b.phone(Phone.parse("0888 123 456"))),
                    Arguments.of("typed email", (UnaryOperator<ReportDraft.Builder>) b -> b.email(Email.parse("ivan@abv.bg"))),
                    Arguments.of("typed siteUrl", (UnaryOperator<ReportDraft.Builder>) b -> b.siteUrl(WebAddress.parse("example.bg"))),
                    Arguments.of("typed facebookUrl",
                            (UnaryOperator<ReportDraft.Builder>) b -> b.facebookUrl(WebAddress.parse("fb.com/ivan"))));
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @MethodSource("identifyingFields")
        void anyOneIdentifyingFieldIsEnough(String name, UnaryOperator<ReportDraft.Builder> identify) {
            ReportDraft draft = identify.apply(ReportDraft.builder().text(TEXT)).build();

            assertThat(draft.fields().identifiesSomeone()).isTrue();
        }

        @Test
        void everyFieldIsParsedAndKept() {
            ReportDraft draft = ReportDraft.builder().text("  " + TEXT + "\n").phone("0888 123 456").email("Ivan@ABV.bg")
                    .siteUrl("https://www.example.bg/shop/").facebookUrl("https://www.facebook.com/ivan.petrov")
                    .firstName(" Иван ").lastName("Петров").files(FileId.of("6PpAbCdEfG"), FileId.of("7QqAbCdEfG"))
                    .cityId(5).build();
            ReportFields fields = draft.fields();

            assertThat(draft.text()).isEqualTo(TEXT);
            assertThat(fields.email()).contains(Email.parse("ivan@abv.bg"));
            assertThat(fields.siteUrl()).contains(WebAddress.parse("example.bg/shop"));
            assertThat(fields.facebookUrl()).contains(WebAddress.parse("facebook.com/ivan.petrov"));
            assertThat(fields.firstName()).contains(PersonName.parse("Иван"));
            assertThat(fields.lastName()).contains(PersonName.parse("Петров"));
            assertThat(fields.files()).containsExactly(FileId.of("6PpAbCdEfG"), FileId.of("7QqAbCdEfG"));
            assertThat(fields.cityId()).contains(CityId.of(5));
        }

        @Test
        void filesAddUpAndCityIdTakesTypedIdsOrNullToClear() {
            ReportDraft draft = ReportDraft.builder().text(TEXT).phone("0888 123 456").files(List.of(FileId.of("a1")))
                    .files(FileId.of("b2")).cityId(CityId.of(7)).cityId((CityId) null).build();

            assertThat(draft.fields().files()).containsExactly(FileId.of("a1"), FileId.of("b2"));
            assertThat(draft.fields().cityId()).isEmpty();
        }

        @Test
        void nullClearsAValue() {
            ReportDraft draft = ReportDraft.builder().text(TEXT).phone("0888 123 456").email("bad").email((String) null)
                    .build();

            assertThat(draft.fields().email()).isEmpty();
        }

        @Test
        void aTextOf10000CharactersIsAcceptedAfterTrimming() {
            ReportDraft draft = ReportDraft.builder().text("  " + "x".repeat(10_000) + "  ").phone("0888 123 456").build();

            assertThat(draft.text()).hasSize(ReportFields.MAX_TEXT_LENGTH);
        }

        @Test
        void twentyFilesAreAccepted() {
            assertThat(ReportDraft.builder().text(TEXT).phone("0888 123 456").files(fileIds(20)).build().fields().files())
                    .hasSize(ReportFields.MAX_FILES);
        }
    }

    @Nested
    class Rejected {

        @Test
        void aDraftWithoutTextIsRejected() {
            assertThat(rejectionOf(ReportDraft.builder().phone("0888 123 456")).violations()).containsExactly(
                    new Violation("text", "the text is required: say what happened, where and how"));
        }

        @Test
        void aBlankTextIsRejectedOnce() {
            assertThat(rejectionOf(ReportDraft.builder().text(" \n\t ").phone("0888 123 456")).violations())
                    .containsExactly(new Violation("text", "the text must not be blank"));
        }

        @Test
        void aTextOver10000CharactersIsRejectedWithItsLength() {
            assertThat(rejectionOf(ReportDraft.builder().text("x".repeat(10_001)).phone("0888 123 456")).violations())
                    .containsExactly(new Violation("text", "the text is at most 10000 characters, got 10001"));
        }

        @Test
        void namesAloneDoNotIdentifySomeone() {
            assertThat(rejectionOf(ReportDraft.builder().text(TEXT).firstName("Иван").lastName("Петров").cityId(5))
                    .violations()).containsExactly(
                    new Violation("contact", "give at least one of phone, email, siteUrl or facebookUrl"));
        }

        @Test
        void anEmptyBuilderMissesTheTextAndAnIdentifyingField() {
            assertThat(fieldsOf(rejectionOf(ReportDraft.builder()))).containsExactlyInAnyOrder("text", "contact");
        }

        @Test
        void aBadPhoneABadEmailAndNoTextAreReportedTogether() {
            ValidationException e = rejectionOf(ReportDraft.builder().phone("12").email("ivan.abv.bg"));

            assertThat(fieldsOf(e)).containsExactlyInAnyOrder("phone", "email", "text");
            assertThat(e.violationsOf("email")).containsExactly(
                    new Violation("email", "an e-mail address needs exactly one '@'"));
            assertThat(e.violationsOf("phone")).singleElement()
                    .satisfies(v -> assertThat(v.message()).isNotBlank());
        }

        @Test
        void everyBadValueIsReportedAtOnceEachOnItsField() {
            ValidationException e = rejectionOf(ReportDraft.builder().text("  ").phone("12").email("x")
                    .siteUrl("no-dot").facebookUrl("example.bg/ivan").firstName("R2D2").lastName("!").cityId(0)
                    .files(FileId.of("a1"), FileId.of("a1")));

            assertThat(fieldsOf(e)).containsExactlyInAnyOrder("text", "phone", "email", "siteUrl", "facebookUrl",
                    "firstName", "lastName", "cityID", "files");
            assertThat(e.violationsOf("siteUrl")).containsExactly(
                    new Violation("siteUrl", "a web address needs a host name with a dot, e.g. example.bg"));
            assertThat(e.violationsOf("facebookUrl")).containsExactly(new Violation("facebookUrl",
                    "a Facebook address must be on facebook.com or fb.com, got host example.bg"));
            assertThat(e.violationsOf("firstName")).containsExactly(new Violation("firstName",
                    "a name may contain only letters, with spaces, hyphens, apostrophes or dots between them"));
            assertThat(e.violationsOf("cityID")).containsExactly(
                    new Violation("cityID", "a city id must be a positive number, got 0"));
            assertThat(e.violationsOf("files")).containsExactly(new Violation("files", "the same file id is given twice"));
        }

        @Test
        void aTypedWebAddressOffFacebookIsRejectedAsFacebookUrl() {
            assertThat(rejectionOf(ReportDraft.builder().text(TEXT).facebookUrl(WebAddress.parse("example.bg/ivan")))
                    .violations()).containsExactly(
                    new Violation("facebookUrl", "a Facebook address must be on facebook.com or fb.com"));
        }

        @Test
        void moreThanTwentyFilesAreRejected() {
            assertThat(rejectionOf(ReportDraft.builder().text(TEXT).phone("0888 123 456").files(fileIds(21))).violations())
                    .containsExactly(new Violation("files", "at most 20 files per report, got 21"));
        }

        @Test
        void nullFileListsAndNullFileIdsAreProgrammingErrors() {
            assertThatNullPointerException().isThrownBy(() -> ReportDraft.builder().files((List<FileId>) null))
                    .withMessage("files");
            assertThatNullPointerException().isThrownBy(() -> ReportDraft.builder().files(Arrays.asList(FileId.of("a1"), null)))
                    .withMessage("files[]");
        }

        @Test
        void theConstructorChecksTheRulesToo() {
            ReportFields noText = new ReportFields(Optional.empty(), Optional.of(Phone.parse("0888 123 456")),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                    Optional.empty());
            ReportFields noContact = new ReportFields(Optional.of(TEXT), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.of(PersonName.parse("Иван")), Optional.empty(), List.of(),
                    Optional.empty());

            assertThat(catchThrowableOfType(ValidationException.class, () -> new ReportDraft(noText)).violations())
                    .extracting(Violation::field).containsExactly("text");
            assertThat(catchThrowableOfType(ValidationException.class, () -> new ReportDraft(noContact))).isNotNull();
            assertThatNullPointerException().isThrownBy(() -> new ReportDraft(null)).withMessage("fields");
        }
    }

    @Nested
    class PersonalData {

        @Test
        void toStringShowsWhichFieldsAreSetButNoPersonalData() {
            ReportDraft draft = ReportDraft.builder().text("Иван Петров refused the parcel").phone("0888 123 456")
                    .email("ivan.petrov@abv.bg").siteUrl("example.bg/ivan-shop").facebookUrl("facebook.com/ivan.petrov")
                    .firstName("Иван").lastName("Петров").files(FileId.of("6PpAbCdEfG")).cityId(5).build();

            assertThat(draft.toString())
                    .startsWith("ReportDraft[")
                    .contains("text(30 chars)", "phone=", "email=", "siteUrl", "facebookUrl", "firstName", "lastName",
                            "files=1", "cityID=5")
                    .doesNotContain("refused")
                    .doesNotContain("888123456")
                    .doesNotContain("ivan.petrov")
                    .doesNotContain("ivan-shop")
                    .doesNotContain("Иван")
                    .doesNotContain("Петров");
        }

        @Test
        void violationMessagesNeverRepeatThePersonalDataTyped() {
            ValidationException e = rejectionOf(ReportDraft.builder().text(TEXT).phone("0888 12").email("ivan.petrov@abv")
                    .firstName("Иван2").lastName("Петров3"));

            assertThat(e.getMessage()).doesNotContain("0888").doesNotContain("ivan.petrov").doesNotContain("Иван")
                    .doesNotContain("Петров");
        }
    }

    @Test
    void theCanonicalConstructorNamesTheMissingContactUnderContact() {
        ReportFields noContact = ReportPatch.builder().text("only text").build().fields();

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> new ReportDraft(noContact));

        assertThat(e.violations()).extracting(Violation::field).containsExactly("contact");
    }
}
