package io.nekorekten4j.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of e-mail normalisation, over generated valid addresses and any text. */
class EmailProperties {

    // Letters whose upper and lower case map one to one (no ß, no dotted/dotless i), so that a case
    // variant of an address is the same address.
    private static final String LETTERS = "abcdefghjklmnopqrstuvxyzабвгдежзийклмнопрстуфхцчшщъьюя";
    private static final String LOCAL_CHARS = LETTERS + "0123456789_+-";

    @Property
    void normalisationIsIdempotent(@ForAll("addresses") String text) {
        Email once = Email.parse(text);
        Email twice = Email.parse(once.value());

        assertThat(twice).isEqualTo(once);
        assertThat(twice.value()).isEqualTo(once.value());
    }

    @Property
    void caseAndSurroundingWhitespaceDoNotMakeAnotherAddress(@ForAll("addresses") String text) {
        Email email = Email.parse(text);

        assertThat(Email.parse(" " + text.toUpperCase(Locale.ROOT) + "\t")).isEqualTo(email);
        assertThat(Email.parse(text.toUpperCase(Locale.ROOT)).hashCode()).isEqualTo(email.hashCode());
    }

    @Property(tries = 2_000)
    void isValidSaysExactlyWhetherParseAccepts(@ForAll("anyText") String text) {
        Throwable thrown = catchThrowable(() -> Email.parse(text));

        assertThat(thrown).satisfiesAnyOf(t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(ValidationException.class));
        assertThat(Email.isValid(text)).isEqualTo(thrown == null);
    }

    @Property
    void toStringNeverShowsTheWholeAddress(@ForAll("addresses") String text) {
        Email email = Email.parse(text);

        assertThat(email.toString()).doesNotContain(email.value()).contains("***").endsWith("@" + email.domain());
    }

    @Property
    void anAddressFitsItsOwnServiceStyleMask(@ForAll("addresses") String text) {
        Email email = Email.parse(text);
        String local = email.localPart();
        // The service keeps a prefix and hides the rest of the local part with asterisks.
        String masked = local.substring(0, local.length() / 2) + "****@" + email.domain();

        assertThat(email.fitsMask(masked)).isTrue();
    }

    @Provide
    Arbitrary<String> addresses() {
        Arbitrary<String> atom = Arbitraries.strings().withChars(LOCAL_CHARS).ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> local = atom.list().ofMinSize(1).ofMaxSize(3).map(atoms -> String.join(".", atoms));
        Arbitrary<String> label = Arbitraries.strings().withChars(LETTERS + "0123456789").ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> hyphenated = Combinators.combine(label, label).as((a, b) -> a + "-" + b);
        Arbitrary<String> anyLabel = Arbitraries.oneOf(label, hyphenated);
        Arbitrary<String> domain = Combinators.combine(anyLabel.list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.of("bg", "com", "eu", "бг")).as((labels, tld) -> String.join(".", labels) + "." + tld);
        Arbitrary<String> mixedCase = Combinators.combine(local, domain).as((l, d) -> l + "@" + d);
        return Arbitraries.oneOf(mixedCase, mixedCase.map(s -> s.toUpperCase(Locale.ROOT)));
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings().withChars("aZя0.@-_+ \t'<>*ẞİ").ofMaxLength(20);
    }
}
