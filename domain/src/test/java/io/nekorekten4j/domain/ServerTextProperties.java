package io.nekorekten4j.domain;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of {@link ServerText#sanitise(String, int)} over hostile text: any code unit, any cap. */
class ServerTextProperties {

    /** The code points a log or terminal must never receive from a server. */
    private static final int[] NAMED_FORBIDDEN = {
        0x00, 0x07, 0x08, 0x0A, 0x0D, 0x1B, 0x7F, 0x85, 0x9B, 0x200B, 0x200E, 0x200F, 0x2028, 0x2029,
        0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x061C, 0xFEFF, 0xFFFE, 0xFFFF,
        0xE0001, 0xE0041};

    @Property(tries = 3_000)
    void noOutputHoldsAForbiddenCodePointAndEveryOutputIsCapped(@ForAll("hostileText") String text,
                                                                 @ForAll @IntRange(min = 1, max = 300) int maxLength) {
        String safe = ServerText.sanitise(text, maxLength);

        assertThat(safe.length()).isLessThanOrEqualTo(maxLength);
        safe.codePoints().forEach(cp -> assertThat(ServerText.isForbidden(cp))
                .as("U+%04X in %s", cp, safe).isFalse());
        for (int forbidden : NAMED_FORBIDDEN) {
            assertThat(safe.indexOf(forbidden)).as("U+%04X", forbidden).isEqualTo(-1);
        }
        assertThat(safe).doesNotStartWith(" ").doesNotEndWith(" ");
    }

    @Property(tries = 1_000)
    void safeTextIsKeptAsItIsAndSanitisingTwiceChangesNothing(@ForAll("hostileText") String text) {
        String once = ServerText.sanitise(text, 10_000);

        assertThat(ServerText.sanitise(once, 10_000)).isEqualTo(once);
    }

    @Property(tries = 1_000)
    void aCutNeverSplitsASurrogatePairOrAnEscape(@ForAll("hostileText") String text,
                                                 @ForAll @IntRange(min = 1, max = 40) int maxLength) {
        String safe = ServerText.sanitise(text, maxLength);

        for (int i = 0; i < safe.length(); i++) {
            char c = safe.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertThat(i + 1 < safe.length() && Character.isLowSurrogate(safe.charAt(i + 1))).isTrue();
            }
            if (Character.isLowSurrogate(c)) {
                assertThat(i > 0 && Character.isHighSurrogate(safe.charAt(i - 1))).isTrue();
            }
        }
        String full = ServerText.sanitise(text, Integer.MAX_VALUE);
        if (safe.endsWith("…") && !full.equals(safe)) {
            assertThat(full).startsWith(safe.substring(0, safe.length() - 1).stripTrailing());
        } else {
            assertThat(safe).isEqualTo(full);
        }
    }

    @Provide
    Arbitrary<String> hostileText() {
        Arbitrary<Character> nasty = Arbitraries.of(
                '\u0000', '\u0007', '\u001B', '\r', '\n', '\t', '\u007F', '\u0085', '\u009B', '\u2028', '\u2029',
                '\u202A', '\u202E', '\u2066', '\u2069', '\u200B', '\u200F', '\uFEFF', '\uFFFE', '\uFFFF',
                '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\\', 'u', '{', '}', ' ', '…', 'Ж', 'a', '0');
        Arbitrary<Character> anyUnit = Arbitraries.chars();
        Arbitrary<String> tags = Arbitraries.integers().between(0xE0000, 0xE007F).map(Character::toString);
        Arbitrary<String> emoji = Arbitraries.integers().between(0x1F600, 0x1F64F).map(Character::toString);
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, nasty.map(String::valueOf)),
                net.jqwik.api.Tuple.of(3, anyUnit.map(String::valueOf)),
                net.jqwik.api.Tuple.of(1, tags),
                net.jqwik.api.Tuple.of(1, emoji),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("\u001B[31m", "\r\nINFO forged", "\\u001B", "%0d%0a")));
        return piece.list().ofMaxSize(120).map(parts -> String.join("", parts));
    }
}
