package io.nekorekten4j.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskTest {

    @Test
    void aValueIsMaskedWhenItHoldsAnAsterisk() {
        assertThat(Mask.isMasked("Не**")).isTrue();
        assertThat(Mask.isMasked("xxxxx****@gmail.com")).isTrue();
        assertThat(Mask.isMasked("Нели")).isFalse();
        assertThat(Mask.isMasked("")).isFalse();
        assertThat(Mask.isMasked(null)).isFalse();
    }

    @Nested
    class Compatible {

        @ParameterizedTest(name = "[{index}] \"{1}\" fits \"{0}\": {2}")
        @CsvSource(quoteCharacter = '"', value = {
            // A run of asterisks hides one or more characters, whatever its own length.
            "Не**,                Нели,                true",
            "Не**,                Недялка,             true",
            "Не**,                Нел,                 true",
            "Не*,                 Недялка,             true",
            "Не**,                Не,                  false",
            "Не**,                Н,                   false",
            "Не**,                Ива,                 false",
            "Не**,                Иване,               false",
            "Желяз****,           Желязкова,           true",
            "Желяз****,           Желязко,             true",
            // Case never matters.
            "НЕ**,                нели,                true",
            "не**,                НЕЛИ,                true",
            // E-mails: the visible parts must match exactly.
            "xxxxx****@gmail.com, xxxxxivan@gmail.com, true",
            "xxxxx****@gmail.com, XXXXXIvan@Gmail.com, true",
            "xxxxx****@gmail.com, xxxxxivan@abv.bg,    false",
            "xxxxx****@gmail.com, xxxxx@gmail.com,     false",
            "xxxxx****@gmail.com, yyyyyivan@gmail.com, false",
            // Masks in the middle and at the start.
            "a*b*c,               axbyc,               true",
            "a*b*c,               axxbyyc,             true",
            "a*b*c,               abc,                 false",
            "*ван,                Иван,                true",
            "*ван,                ван,                 false",
            "*,                   x,                   true",
            "\"*\",               \"\",                false",
            // Without asterisks: equal ignoring case, nothing more.
            "Нели,                нели,                true",
            "Нели,                Нелия,               false",
            "Нели,                Нел,                 false",
        })
        void aCandidateFitsAMaskWhenTheVisibleCharactersMatchAndEachRunHidesAtLeastOne(String masked, String candidate,
                boolean fits) {
            assertThat(Mask.compatible(masked, candidate)).isEqualTo(fits);
        }

        @Test
        void surroundingWhitespaceIsIgnored() {
            assertThat(Mask.compatible("  Не** ", "\tНели ")).isTrue();
        }

        @Test
        void backtrackingStaysPolynomialOnAdversarialMasks() {
            // An exponential matcher would never return here; this checks the answers, not the time.
            String mask = "a*a*a*a*a*a*a*a*b";
            String many = "a".repeat(10_000);

            assertThat(Mask.compatible(mask, many)).isFalse();
            assertThat(Mask.compatible(mask, many + "b")).isTrue();
            assertThat(Mask.compatible(mask, many + "ba")).isFalse();
            // Eight visible a's, eight runs of at least one character, then b: 17 characters at least.
            assertThat(Mask.compatible(mask, "a".repeat(16) + "b")).isTrue();
            assertThat(Mask.compatible(mask, "a".repeat(15) + "b")).isFalse();
        }

        @Test
        void agreesWithARegularExpressionOracleOnEverySmallMaskAndCandidate() {
            // Masks over {a, B, *} and candidates over {A, b}, all up to five characters: the
            // differing cases also check that the comparison ignores case.
            List<String> masks = allStrings("aB*", 5);
            List<String> candidates = allStrings("Ab", 5);
            int compared = 0;
            for (String mask : masks) {
                Pattern oracle = oracle(mask);
                for (String candidate : candidates) {
                    assertThat(Mask.compatible(mask, candidate))
                            .as("\"%s\" fits \"%s\"", candidate, mask)
                            .isEqualTo(oracle.matcher(candidate).matches());
                    compared++;
                }
            }
            assertThat(compared).isEqualTo(364 * 63);
        }

        @Test
        void nullIsAProgrammingError() {
            assertThatNullPointerException().isThrownBy(() -> Mask.compatible(null, "x")).withMessage("masked");
            assertThatNullPointerException().isThrownBy(() -> Mask.compatible("x", null)).withMessage("candidate");
        }

        /** A run of '*' is one or more characters; everything else literal; case-insensitive. */
        private static Pattern oracle(String mask) {
            Matcher runs = Pattern.compile("\\*+").matcher(mask);
            StringBuilder regex = new StringBuilder();
            int last = 0;
            while (runs.find()) {
                regex.append(Pattern.quote(mask.substring(last, runs.start()))).append(".+");
                last = runs.end();
            }
            regex.append(Pattern.quote(mask.substring(last)));
            return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
        }

        private static List<String> allStrings(String alphabet, int maxLength) {
            List<String> all = new ArrayList<>(List.of(""));
            List<String> previous = List.of("");
            for (int length = 1; length <= maxLength; length++) {
                List<String> next = new ArrayList<>();
                for (String prefix : previous) {
                    for (char c : alphabet.toCharArray()) {
                        next.add(prefix + c);
                    }
                }
                all.addAll(next);
                previous = next;
            }
            return all;
        }
    }

    @Nested
    class LogSafeMasks {

        @ParameterizedTest(name = "[{index}] {0} -> {1}")
        @CsvSource({
            "ivan.petrov@abv.bg, iv***@abv.bg",
            "ab@abv.bg,          a***@abv.bg",
            "a@abv.bg,           a***@abv.bg",
            "noatsign,           no***",
        })
        void anEmailKeepsAtMostTwoLeadingCharactersAndTheDomain(String email, String masked) {
            assertThat(Mask.email(email)).isEqualTo(masked);
        }

        @Test
        void aNameKeepsOnlyItsFirstLetter() {
            assertThat(Mask.name("Иван Петров")).isEqualTo("И***");
            assertThat(Mask.name("")).isEmpty();
        }
    }
}
