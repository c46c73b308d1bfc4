package io.nekorekten4j.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Item 11 of issue 9: every parser of text a merchant or a form hands the library (phones,
 * e-mails, web and Facebook addresses, names, file names, ids) turns any input into either a value
 * or a {@link ValidationException} that names the field and says why — never a
 * {@code NullPointerException}, {@code IllegalStateException}, index or number-format error, and
 * never a hang.
 *
 * <p>Inputs are any UTF-16 text (lone surrogates, controls, bidi overrides, non-BMP characters),
 * valid samples with random edits, and long runs of the characters each parser looks for (the
 * inputs a backtracking pattern would choke on). The hang guard gives each parse far more than it
 * needs (microseconds) and only fails on a pathological slowdown, such as catastrophic
 * backtracking; no result depends on how fast a parse is.
 */
class OutsideInputProperties {

    /** Far above any normal parse; exceeded only by a parser that loops or backtracks exponentially. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(10);

    private static final List<String> SAMPLES = List.of(
            "0888 123 456", "+359 (0) 2 981 2345", "00359888123456", "8 (912) 345-67-89", "+7 8 912 345 67 89",
            "1 (212) 555-0100", "06 20 123 4567", "011 15-2345-6789", "+44 (0)20 7946 0000",
            "ivan.petrov@example.bg", "Иван@пример.бг", "a+b@sub.example.com", "\"quoted\"@example.org",
            "https://www.example.bg/shop?id=5#top", "example.bg/path/../x", "http://user:pw@host.bg:8080/",
            "https://facebook.com/some.shop", "fb.com/профил", "xn--80ak6aa92e.com",
            "Иван Петров", "  Maria   Ivanova ", "O'Brien-Smith",
            "снимка.jpg", "report.PDF", "a.b.c.png", "../etc/passwd.jpg", "invoice\u202Egpj.exe",
            "aB3xK9pQ2z", "12345");

    @Property(tries = 1_000)
    void phonesAreAValueOrAnInvalidPhoneException(@ForAll("hostileText") String text,
                                                  @ForAll("callingCodes") int defaultCountry) {
        withinHangGuard(() -> {
            assertValueOrViolationOf("phone", () -> Phone.parse(text, defaultCountry));
            assertValueOrViolationOf("phone", () -> Phone.of(text));
            Throwable thrown = thrownBy(() -> Phone.parse(text));
            assertThat(thrown == null || thrown instanceof InvalidPhoneException).as("%s", thrown).isTrue();
        });
    }

    @Property(tries = 1_000)
    void emailsAreAValueOrAViolationOfEmail(@ForAll("hostileText") String text) {
        withinHangGuard(() -> assertValueOrViolationOf("email", () -> Email.parse(text)));
    }

    @Property(tries = 1_000)
    void webAddressesAreAValueOrAViolationOfTheirField(@ForAll("hostileText") String text) {
        withinHangGuard(() -> {
            assertValueOrViolationOf("siteUrl", () -> WebAddress.parse(text));
            assertValueOrViolationOf("facebookUrl", () -> WebAddress.parseFacebook(text));
        });
    }

    @Property(tries = 1_000)
    void namesAreAValueOrAViolationOfName(@ForAll("hostileText") String text) {
        withinHangGuard(() -> assertValueOrViolationOf("name", () -> PersonName.parse(text)));
    }

    @Property(tries = 500)
    void fileNamesAreAnAttachmentOrAViolationOfFiles(@ForAll("hostileText") String fileName) {
        byte[] jpeg = AttachmentSamples.jpeg();
        Throwable thrown = withinHangGuard(() -> thrownBy(() -> Attachment.of(fileName, jpeg)));
        if (thrown == null) {
            // An accepted name is a base name a header and a file system can carry.
            Attachment attachment = Attachment.of(fileName, jpeg);
            assertThat(attachment.fileName()).isEqualTo(fileName).doesNotContain("/", "\\", "\r", "\n", "\u0000");
        } else {
            assertTypedViolation(thrown, "files");
        }
    }

    @Property(tries = 1_000)
    void idsFromAnswersAreAValueOrAViolationOfTheirField(@ForAll("hostileText") String text) {
        withinHangGuard(() -> {
            assertValueOrViolationOf("reportId", () -> ReportId.of(text));
            assertValueOrViolationOf("files", () -> FileId.of(text));
            assertThatCode(() -> FileType.ofExtension(text)).doesNotThrowAnyException();
        });
    }

    // ---------------------------------------------------------------------------------------

    /** Runs one try's checks, failing only if they take far longer than any parse can. */
    private static void withinHangGuard(Runnable checks) {
        assertTimeoutPreemptively(HANG_GUARD, checks::run);
    }

    private static <T> T withinHangGuard(Supplier<T> checks) {
        return assertTimeoutPreemptively(HANG_GUARD, checks::get);
    }

    /** A value, or a validation error on {@code field}. */
    private static void assertValueOrViolationOf(String field, Supplier<?> parse) {
        Throwable thrown = thrownBy(parse);
        if (thrown != null) {
            assertTypedViolation(thrown, field);
        }
    }

    private static Throwable thrownBy(Supplier<?> parse) {
        try {
            assertThat(parse.get()).isNotNull();
            return null;
        } catch (ValidationException | NullPointerException | IllegalStateException | IndexOutOfBoundsException e) {
            return e; // judged by the caller, with the input in the report
        }
    }

    private static void assertTypedViolation(Throwable thrown, String field) {
        assertThat(thrown).isInstanceOf(ValidationException.class);
        List<Violation> violations = ((ValidationException) thrown).violations();
        assertThat(violations).isNotEmpty().allSatisfy(violation -> {
            assertThat(violation.field()).isEqualTo(field);
            assertThat(violation.message()).isNotBlank();
        });
    }

    @Provide
    Arbitrary<Integer> callingCodes() {
        return Arbitraries.of(new ArrayList<>(CountryCallingCodes.all()));
    }

    /** Any text, valid samples with random edits, and long runs of what the parsers look for. */
    @Provide
    Arbitrary<String> hostileText() {
        Arbitrary<String> anyText = Arbitraries.strings().all().ofMaxLength(80);
        Arbitrary<String> edited = Combinators.combine(Arbitraries.of(SAMPLES), edits().list().ofMaxSize(6))
                .as(OutsideInputProperties::apply);
        Arbitrary<String> longRuns = Arbitraries.strings().withChars("0123456789+-()./@ :aя.%#?\\\"'\u0000")
                .ofMinLength(200).ofMaxLength(3_000);
        Arbitrary<String> repeated = Combinators.combine(Arbitraries.of(SAMPLES), Arbitraries.integers().between(2, 200))
                .as(String::repeat);
        return Arbitraries.frequencyOf(Tuple.of(3, anyText), Tuple.of(4, edited), Tuple.of(1, longRuns),
                Tuple.of(1, repeated));
    }

    /** One edit of a sample: where, what, and which character. */
    record Edit(int kind, int position, char character) {
    }

    @Provide
    Arbitrary<Edit> edits() {
        Arbitrary<Character> interesting = Arbitraries.oneOf(
                Arbitraries.chars().all(),
                Arbitraries.of('\r', '\n', '\u0000', '"', '\\', '/', '@', '.', '+', '(', ')', '\uD800', '\uDC00',
                        '\u202E', '\u00A0', '٣', '０', '%', ':', '#'));
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 1_000),
                interesting).as(Edit::new);
    }

    private static String apply(String sample, List<Edit> edits) {
        StringBuilder text = new StringBuilder(sample);
        for (Edit edit : edits) {
            int at = text.length() == 0 ? 0 : edit.position() % (text.length() + 1);
            switch (edit.kind()) {
                case 0 -> text.insert(at, edit.character());
                case 1 -> {
                    if (at < text.length()) {
                        text.deleteCharAt(at);
                    }
                }
                case 2 -> {
                    if (at < text.length()) {
                        text.setCharAt(at, edit.character());
                    }
                }
                default -> text.insert(at, text.substring(at)); // duplicate the tail
            }
        }
        return text.toString();
    }
}
