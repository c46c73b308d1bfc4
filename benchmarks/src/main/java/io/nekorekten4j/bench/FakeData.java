package io.nekorekten4j.bench;

import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchMode;
import io.nekorekten4j.fake.NekorektenFake;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A large, deterministic data set for the in-memory fake: report {@code i} has its own mobile
 * phone ({@code +359 88 …}, from {@code i}) and its own e-mail ({@code buyer<i>@example.bg}), a
 * first and last name from small pools of Bulgarian names (repeated, as real names are) and one of
 * a few short texts — the same {@code String} instances, so that the texts cost next to nothing
 * and a heap figure is the cost of a report beside its free text.
 */
public final class FakeData {

    /** The largest data set: phones are {@code 88} followed by seven digits. */
    public static final int MAX_REPORTS = 10_000_000;

    private static final String OWNER_KEY = "bench-owner-key";
    private static final Instant FIRST = Instant.parse("2024-01-01T00:00:00Z");
    private static final String[] FIRST_NAMES = {"Иван", "Мария", "Георги", "Елена", "Димитър", "Нели",
            "Петър", "Калина", "Тодор", "Стефан", "Йорданка", "Николай", "Десислава", "Христо", "Радост", "Васил"};
    private static final String[] LAST_NAMES = {"Иванов", "Петрова", "Георгиев", "Димитрова", "Николов",
            "Желязкова", "Стоянов", "Колева", "Тодоров", "Христова", "Василев", "Ангелова", "Попов", "Маринова"};
    private static final String[] TEXTS = {"Отказа пратка с наложен платеж.", "Не потърси пратката.",
            "Върна поръчката без причина.", "Refused a cash-on-delivery parcel."};

    private FakeData() {
    }

    /**
     * Stores reports {@code 0 … count-1} in {@code fake}, without calls, one second apart.
     *
     * @throws IllegalArgumentException when {@code count} is negative or above {@link #MAX_REPORTS}
     */
    public static void fill(NekorektenFake fake, int count) {
        Objects.requireNonNull(fake, "fake");
        if (count < 0 || count > MAX_REPORTS) {
            throw new IllegalArgumentException("count must be between 0 and " + MAX_REPORTS + ", got " + count);
        }
        for (int i = 0; i < count; i++) {
            ReportDraft draft = ReportDraft.builder()
                    .text(TEXTS[i % TEXTS.length])
                    .phone(phone(i))
                    .email(email(i))
                    .firstName(FIRST_NAMES[i % FIRST_NAMES.length])
                    .lastName(LAST_NAMES[(i / FIRST_NAMES.length) % LAST_NAMES.length])
                    .build();
            fake.arrangeReport(draft, FIRST.plusSeconds(i), OWNER_KEY);
        }
    }

    /** The screening query of report {@code i}'s buyer: its phone or its e-mail ({@code ONE_OF}). */
    public static SearchCriteria knownBuyer(int i) {
        return SearchCriteria.builder().phone(phone(i)).email(email(i)).mode(SearchMode.ONE_OF).build();
    }

    /** A screening query that matches no stored report (a phone and an e-mail never stored). */
    public static SearchCriteria unknownBuyer(int i) {
        return SearchCriteria.builder().phone(String.format(Locale.ROOT, "+35987%07d", i))
                .email("nobody" + i + "@example.org").mode(SearchMode.ONE_OF).build();
    }

    /** Report {@code i}'s phone, {@code +35988} and seven digits. */
    public static String phone(int i) {
        return String.format(Locale.ROOT, "+35988%07d", i);
    }

    /** Report {@code i}'s e-mail. */
    public static String email(int i) {
        return "buyer" + i + "@example.bg";
    }
}
