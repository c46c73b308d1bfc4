package io.nekorekten4j.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.fake.MutableClock;
import io.nekorekten4j.ports.ServiceUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/** {@link ResultCache} on its own: what it reports, what it stores where, and the write race. */
class ResultCacheTest {

    private static final SearchCriteria BY_PHONE = SearchCriteria.builder().phone(CacheFixtures.PHONE).build();
    private static final SearchCriteria BY_OTHER_PHONE = SearchCriteria.builder().phone(CacheFixtures.OTHER_PHONE).build();
    private static final SearchResult EMPTY = new SearchResult(List.of(), 0, 1, 20);
    private static final ReportId FIRST = ReportId.of(CacheFixtures.id(1));

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T10:00:00Z"));

    @Test
    void anAnswerThatWasInFlightWhileAWriteEndedIsNotCached() {
        StoredAnswers cache = new StoredAnswers(CacheOptions.defaults(), clock, Optional.empty());
        SearchKey key = SearchKey.of(BY_PHONE);
        long before = cache.generation();

        cache.invalidate(CacheInvalidation.deleted(FIRST));
        cache.storeSearch(key, EMPTY, before);
        assertThat(cache.search(key)).as("stored after a write that ended while it was in flight").isEmpty();

        cache.storeSearch(key, EMPTY, cache.generation());
        assertThat(cache.search(key)).contains(EMPTY);
    }

    @Test
    void theSizeBoundEvictsSearches() {
        ResultCache cache = ResultCache.builder(CacheOptions.builder().maximumSize(1).build()).clock(clock).build();

        cache.search(BY_PHONE, () -> EMPTY, r -> { });
        cache.search(BY_OTHER_PHONE, () -> EMPTY, r -> { });

        assertThat(cache.answers().searchCount()).isEqualTo(1);
    }

    @Test
    void itReportsAMissThenAHitAndBypassesWhenOff() {
        List<CacheResult> reports = new ArrayList<>();
        ResultCache cache = ResultCache.builder(CacheOptions.defaults()).clock(clock).build();
        cache.search(BY_PHONE, () -> EMPTY, reports::add);
        cache.search(BY_PHONE, () -> EMPTY, reports::add);
        assertThat(reports).containsExactly(CacheResult.COALESCED, CacheResult.MISS, CacheResult.HIT);

        reports.clear();
        ResultCache off = ResultCache.builder(CacheOptions.disabled()).clock(clock).build();
        off.search(BY_PHONE, () -> EMPTY, reports::add);
        assertThat(reports).last().isEqualTo(CacheResult.BYPASSED);
    }

    @Test
    void aStoreOfTheUsersKeepsAnswersForTheSearchTtlAndNeverFailures() {
        RecordingStore store = new RecordingStore();
        ResultCache cache = ResultCache.builder(CacheOptions.defaults()).clock(clock).searchStore(store).build();

        assertThatThrownBy(() -> cache.search(BY_OTHER_PHONE, () -> {
            throw new ServiceUnavailableException("busy", io.nekorekten4j.ports.ErrorContext.none(), null);
        }, r -> { })).isInstanceOf(ServiceUnavailableException.class);
        cache.search(BY_PHONE, () -> EMPTY, r -> { });
        SearchResult again = cache.search(BY_PHONE, () -> {
            throw new AssertionError("answered from the store");
        }, r -> { });

        assertThat(again).isEqualTo(EMPTY);
        assertThat(store.ttls).containsExactly(Map.entry(SearchKey.of(BY_PHONE), CacheOptions.defaults().searchTtl()));

        cache.write(CacheInvalidation.deleted(FIRST), () -> null);
        assertThat(store.entries).as("an empty first page is complete, so a delete elsewhere leaves it").hasSize(1);
        cache.write(CacheInvalidation.created(io.nekorekten4j.domain.ReportDraft.builder().text("x")
                .phone(CacheFixtures.PHONE).build().fields()), () -> null);
        assertThat(store.entries).as("a create of a report with the phone drops it").isEmpty();
    }

    @Test
    void theBuilderChecksItsArguments() {
        assertThatThrownBy(() -> ResultCache.builder(null)).hasMessage("options");
        assertThatThrownBy(() -> ResultCache.builder(CacheOptions.defaults()).maxWait(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxWait must be positive");
        assertThatThrownBy(() -> ResultStore.inMemory(0, clock)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maximumSize must be at least 1");
    }

    /** A store of the user's: a map that records the TTLs it was given. */
    private static final class RecordingStore implements ResultStore<SearchKey, SearchResult> {
        final Map<SearchKey, SearchResult> entries = new ConcurrentHashMap<>();
        final Map<SearchKey, Duration> ttls = new ConcurrentHashMap<>();

        @Override
        public Optional<SearchResult> get(SearchKey key) {
            return Optional.ofNullable(entries.get(key));
        }

        @Override
        public void put(SearchKey key, SearchResult value, Duration ttl) {
            entries.put(key, value);
            ttls.put(key, ttl);
        }

        @Override
        public void remove(SearchKey key, SearchResult value) {
            entries.remove(key, value);
        }

        @Override
        public void removeIf(BiPredicate<? super SearchKey, ? super SearchResult> affected) {
            entries.entrySet().removeIf(e -> affected.test(e.getKey(), e.getValue()));
        }
    }
}
