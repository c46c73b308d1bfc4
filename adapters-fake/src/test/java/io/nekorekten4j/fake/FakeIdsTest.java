package io.nekorekten4j.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Ids: 10 alphanumeric characters, deterministic from the seed, round-tripping through text. */
class FakeIdsTest {

    @Test
    void idsRoundTripThroughTheirText() {
        Ids ids = new Ids(1);
        for (int i = 0; i < 1_000; i++) {
            long id = ids.next();
            String text = Ids.encode(id);
            assertThat(text).matches("[0-9A-Za-z]{10}");
            assertThat(Ids.decode(text)).isEqualTo(id);
        }
        assertThat(Ids.encode(0)).isEqualTo("0000000000");
        assertThat(Ids.encode(Ids.SPACE - 1)).isEqualTo("zzzzzzzzzz");
    }

    @Test
    void textThatNoIdOfTheFakeHasDecodesToMinusOne() {
        assertThat(Ids.decode("0obgyGbp1Ms")).isEqualTo(-1);
        assertThat(Ids.decode("abc")).isEqualTo(-1);
        assertThat(Ids.decode("abc_defghi")).isEqualTo(-1);
        assertThat(Ids.decode("abc-defghi")).isEqualTo(-1);
    }

    @Test
    void sameSeedSameSequenceAndRestartRepeatsIt() {
        Ids a = new Ids(99);
        Ids b = new Ids(99);
        long first = a.next();

        assertThat(b.next()).isEqualTo(first);
        assertThat(a.next()).isEqualTo(b.next());
        a.restart();
        assertThat(a.next()).isEqualTo(first);
    }

    @Test
    void idsAreSpreadOverTheWholeSpace() {
        Ids ids = new Ids(5);
        Set<Character> firstChars = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            firstChars.add(Ids.encode(ids.next()).charAt(0));
        }
        assertThat(firstChars).hasSizeGreaterThan(55);
    }

    @Test
    void encodingRejectsNumbersOutsideTheSpace() {
        assertThatThrownBy(() -> Ids.encode(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ids.encode(Ids.SPACE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void accountIdsAreIdsDerivedFromTheKey() {
        Account account = Account.of("some-key");

        assertThat(account.id()).matches("[0-9A-Za-z]{10}");
        assertThat(Account.of("some-key")).isEqualTo(account);
        assertThat(Account.of("some-key2").id()).isNotEqualTo(account.id());
        assertThat(account.toString()).doesNotContain("some-key");
        assertThat(account.asReporter().toString()).doesNotContain("some-key");
    }
}
