package io.nekorekten4j.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nekorekten4j.domain.Attachment;
import io.nekorekten4j.domain.City;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.ReportPatch;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.fake.MutableClock;
import io.nekorekten4j.fake.NekorektenFake;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.Nekorekten;
import io.nekorekten4j.ports.ServiceUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link CachingNekorekten} in front of the in-memory fake: what a second call costs (the fake
 * counts the calls that reach it), expiry on the fake's clock, failures never kept, and writes
 * through the decorator dropping what they affect.
 */
@Timeout(30)
class CachingNekorektenTest {

    private static final SearchCriteria NELI = SearchCriteria.builder().phone("0888 123 456").build();
    private static final SearchCriteria NEW_PHONE = SearchCriteria.builder().phone("0877 555 666").build();

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T10:00:00Z"));
    private final NekorektenFake fake = NekorektenFake.builder().clock(clock).build();
    private final CachingNekorekten api = CachingNekorekten.builder(fake).clock(clock).build();
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void close() {
        pool.shutdownNow();
        api.close();
    }

    @Test
    void aRepeatedSearchCostsNothing() {
        fake.seedDemoData();

        SearchResult first = api.search(NELI);
        SearchResult second = api.search(NELI);

        assertThat(second).isEqualTo(first);
        assertThat(first.hits()).hasSize(1);
        assertThat(fake.callCount()).isEqualTo(1);
    }

    @Test
    void anAnswerExpiresAfterTheSearchTtlOnTheGivenClock() {
        api.search(NELI);
        clock.advance(CacheOptions.defaults().searchTtl().minusSeconds(1));
        api.search(NELI);
        assertThat(fake.callCount()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        api.search(NELI);

        assertThat(fake.callCount()).isEqualTo(2);
    }

    @Test
    void aFailureIsNeverCached() {
        fake.failNext(1, ErrorCode.SERVICE_UNAVAILABLE);

        assertThatThrownBy(() -> api.search(NELI)).isInstanceOf(ServiceUnavailableException.class);
        api.search(NELI);
        api.search(NELI);

        assertThat(fake.callCount()).isEqualTo(2);
    }

    @Test
    void aCreateThroughTheDecoratorIsSeenByTheNextSearch() {
        assertThat(api.search(NEW_PHONE).hits()).isEmpty();

        api.create(ReportDraft.builder().text("Не потърси пратката.").phone("0877 555 666").build());

        assertThat(api.search(NEW_PHONE).hits()).hasSize(1);
        assertThat(fake.callCount()).isEqualTo(3);
    }

    @Test
    void anUpdateAndADeleteDropTheSearchesThatShowTheReport() {
        ReportId id = api.create(ReportDraft.builder().text("Не потърси пратката.").phone("0877 555 666").build()).id().orElseThrow();
        assertThat(api.search(NEW_PHONE).hits()).hasSize(1);

        api.update(id, ReportPatch.builder().text("Не потърси пратката и не вдигна телефона.").build());
        assertThat(api.search(NEW_PHONE).reports().get(0).text()).contains("не вдигна");

        api.delete(id);
        assertThat(api.search(NEW_PHONE).hits()).isEmpty();
    }

    @Test
    void aWriteThatFailedStillDropsWhatItCouldHaveChanged() {
        ReportId id = api.create(ReportDraft.builder().text("Не потърси пратката.").phone("0877 555 666").build()).id().orElseThrow();
        api.search(NEW_PHONE);
        long before = fake.callCount();
        fake.loseNextAnswers(1, ErrorCode.TIMEOUT);

        assertThatThrownBy(() -> api.delete(id)).isInstanceOf(io.nekorekten4j.ports.NekorektenException.class);

        assertThat(api.search(NEW_PHONE).hits()).as("the lost delete was applied").isEmpty();
        assertThat(fake.callCount() - before).isEqualTo(2);
    }

    @Test
    void theCitiesAreCachedAndUploadsNever() {
        List<City> cities = api.cities();
        assertThat(api.cities()).isEqualTo(cities);
        assertThat(fake.callCount()).isEqualTo(1);

        List<Attachment> file = List.of(Attachment.of("a.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10}));
        api.upload(file);
        api.upload(file);

        assertThat(fake.callCount()).isEqualTo(3);
    }

    @Test
    void disabledOptionsSendEveryCall() {
        try (Nekorekten plain = CachingNekorekten.builder(fake).options(CacheOptions.disabled()).build()) {
            plain.search(NELI);
            plain.search(NELI);
            plain.cities();
            plain.cities();
        }
        assertThat(fake.callCount()).isEqualTo(4);
    }

    @Test
    void concurrentIdenticalSearchesShareOneCallAndItsFailure() throws Exception {
        int waiters = 7;
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger sent = new AtomicInteger();
        Nekorekten slow = new Nekorekten() {
            @Override
            public SearchResult search(SearchCriteria criteria) {
                sent.incrementAndGet();
                await(release);
                throw new ServiceUnavailableException("busy", io.nekorekten4j.ports.ErrorContext.none(), null);
            }

            @Override
            public io.nekorekten4j.domain.ReportReceipt create(ReportDraft draft) {
                throw new UnsupportedOperationException();
            }

            @Override
            public io.nekorekten4j.domain.ReportReceipt update(ReportId id, ReportPatch patch) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void delete(ReportId id) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<io.nekorekten4j.domain.FileId> upload(List<Attachment> attachments) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<City> cities() {
                throw new UnsupportedOperationException();
            }
        };
        CachingNekorekten shared = CachingNekorekten.wrap(slow);
        List<Future<SearchResult>> calls = new ArrayList<>();
        calls.add(pool.submit(() -> shared.search(NELI)));
        awaitCondition(() -> sent.get() == 1);
        for (int i = 0; i < waiters; i++) {
            calls.add(pool.submit(() -> shared.search(NELI)));
        }
        awaitCondition(() -> shared.cache().waitingFor(NELI) == waiters);
        release.countDown();

        for (Future<SearchResult> call : calls) {
            assertThatThrownBy(call::get).hasCauseInstanceOf(ServiceUnavailableException.class);
        }
        assertThat(sent).hasValue(1);
    }

    @Test
    void argumentsAreCheckedByName() {
        assertThatThrownBy(() -> CachingNekorekten.wrap(null)).hasMessage("delegate");
        assertThatThrownBy(() -> api.search(null)).hasMessage("criteria");
        assertThatThrownBy(() -> api.create(null)).hasMessage("draft");
        assertThatThrownBy(() -> api.update(null, ReportPatch.builder().text("x").build())).hasMessage("id");
        assertThatThrownBy(() -> api.delete(null)).hasMessage("id");
        assertThatThrownBy(() -> CachingNekorekten.builder(fake).maxWait(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxWait");
        assertThat(fake.callCount()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits for a condition another thread makes true (the test's timeout bounds it). */
    private static void awaitCondition(java.util.function.BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            Thread.sleep(1);
        }
    }
}
