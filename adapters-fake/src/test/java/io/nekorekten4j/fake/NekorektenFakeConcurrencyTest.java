package io.nekorekten4j.fake;

import static io.nekorekten4j.fake.FakeTestData.T0;
import static io.nekorekten4j.fake.FakeTestData.byPhone;
import static io.nekorekten4j.fake.FakeTestData.mobile;
import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.ReportPatch;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchMode;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.ports.QuotaPlan;
import io.nekorekten4j.ports.RateLimitedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many threads on one fake: no lost writes, consistent searches, an exact quota. */
class NekorektenFakeConcurrencyTest {

    private static final int THREADS = 8;
    private static final int PER_THREAD = 500;

    private final MutableClock clock = MutableClock.at(T0);

    @Test
    void threadsCreatingAndSearchingLoseNoWriteAndSeeNoHalfWrittenReport() throws Exception {
        NekorektenFake fake = NekorektenFake.builder().clock(clock).build();
        Set<ReportId> ids = ConcurrentHashMap.newKeySet();
        List<Future<?>> futures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    NekorektenFake view = fake.withKey("key-" + thread);
                    for (int i = 0; i < PER_THREAD; i++) {
                        int n = thread * PER_THREAD + i;
                        ids.add(view.create(io.nekorekten4j.domain.ReportDraft.builder().text("№" + n)
                                .phone(mobile(n)).firstName("Общо").email("b" + n + "@example.bg").build())
                                .id().orElseThrow());
                        SearchResult own = view.search(SearchCriteria.builder().phone(mobile(n))
                                .email("b" + n + "@example.bg").build());
                        assertThat(own.totalCount()).hasValue(1);
                        assertThat(own.reports().get(0).text()).isEqualTo("№" + n);
                        SearchResult shared = view.search(SearchCriteria.builder().name("Общо").build());
                        assertThat(shared.hits()).hasSize((int) Math.min(20, shared.totalCount().orElseThrow()));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(ids).hasSize(THREADS * PER_THREAD);
        assertThat(fake.reportCount()).isEqualTo(THREADS * PER_THREAD);
        assertThat(fake.callCount()).isEqualTo(THREADS * PER_THREAD * 3);
        assertThat(fake.calls()).hasSize(Math.min(THREADS * PER_THREAD * 3, NekorektenFake.DEFAULT_CALL_LOG_CAPACITY));
        assertThat(fake.search(SearchCriteria.builder().name("Общо").build()).totalCount()).hasValue(THREADS * PER_THREAD);
        for (int n = 0; n < THREADS * PER_THREAD; n += 97) {
            assertThat(fake.search(SearchCriteria.builder().phone(mobile(n)).email("b" + n + "@example.bg")
                    .mode(SearchMode.ONE_OF).build()).totalCount()).hasValue(1);
        }
    }

    @Test
    void concurrentUpdatesAndDeletesKeepTheIndexesConsistent() throws Exception {
        NekorektenFake fake = NekorektenFake.builder().clock(clock).build();
        List<ReportId> ids = new ArrayList<>();
        for (int n = 0; n < THREADS * 50; n++) {
            ids.add(fake.create(byPhone(mobile(n))).id().orElseThrow());
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        int n = thread * 50 + i;
                        if (n % 2 == 0) {
                            fake.update(ids.get(n), ReportPatch.builder().phone(mobile(100_000 + n)).build());
                        } else {
                            fake.delete(ids.get(n));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(fake.reportCount()).isEqualTo(THREADS * 25);
        for (int n = 0; n < THREADS * 50; n++) {
            assertThat(fake.search(SearchCriteria.builder().phone(mobile(n)).build()).totalCount()).hasValue(0);
            assertThat(fake.search(SearchCriteria.builder().phone(mobile(100_000 + n)).build()).totalCount()).hasValue(n % 2 == 0 ? 1 : 0);
        }
    }

    @Test
    void theQuotaAdmitsExactlyItsLimitUnderContention() throws Exception {
        NekorektenFake fake = NekorektenFake.builder().clock(clock).quota(QuotaPlan.BUSINESS).build();
        AtomicInteger admitted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        try {
                            fake.search(SearchCriteria.builder().phone("0888123456").build());
                            admitted.incrementAndGet();
                        } catch (RateLimitedException e) {
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(admitted).hasValue(60);
        assertThat(refused).hasValue(THREADS * 50 - 60);
    }
}
