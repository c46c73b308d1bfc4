package io.nekorekten4j.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nekorekten4j.domain.Attachment;
import io.nekorekten4j.domain.City;
import io.nekorekten4j.domain.FileId;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.ReportPatch;
import io.nekorekten4j.domain.ReportReceipt;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.fake.NekorektenFake;
import io.nekorekten4j.ports.CallOptions;
import io.nekorekten4j.ports.CallTimeoutException;
import io.nekorekten4j.ports.ErrorContext;
import io.nekorekten4j.ports.Nekorekten;
import io.nekorekten4j.ports.Operation;
import io.nekorekten4j.ports.RateLimitWaitExceededException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link CachingNekorekten#withOptions}: a view over the same cache in front of the delegate's own
 * view, whose waits for an identical call in flight end at the view's call timeout, and whose
 * closing never closes what it shares.
 */
@Timeout(30)
class CachingNekorektenViewTest {

    private static final SearchCriteria NELI = SearchCriteria.builder().phone("0888 123 456").build();

    private final NekorektenFake fake = NekorektenFake.create();
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void close() {
        pool.shutdownNow();
    }

    @Test
    void theViewCallsTheDelegatesViewWithTheSameOptionsAndSharesTheCache() {
        Viewable delegate = new Viewable(fake, CallOptions.fromClient());
        CachingNekorekten api = CachingNekorekten.wrap(delegate);
        fake.seedDemoData();

        CachingNekorekten checkout = api.withOptions(CallOptions.interactive());
        SearchResult fromView = checkout.search(NELI);
        SearchResult fromClient = api.search(NELI);

        assertThat(delegate.views.get()).as("the delegate's view").isNotNull();
        assertThat(delegate.views.get().options).isEqualTo(CallOptions.interactive());
        assertThat(fromClient).as("answered from the cache the view filled").isEqualTo(fromView);
        assertThat(fake.callCount()).isEqualTo(1);
        assertThat(checkout.toString()).contains("CallOptions[permitWaitTimeout=PT0S");
    }

    @Test
    void aViewsSearchWaitsForAnIdenticalOneInFlightOnlyUntilItsOwnCallTimeout() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Viewable delegate = new Viewable(fake, CallOptions.fromClient()) {
            @Override
            public SearchResult search(SearchCriteria criteria) {
                inside.countDown();
                await(release);
                return super.search(criteria);
            }
        };
        CachingNekorekten api = CachingNekorekten.builder(delegate).maxWait(Duration.ofHours(1)).build();
        Future<SearchResult> leader = pool.submit(() -> api.search(NELI));
        await(inside);

        CallTimeoutException e = catchThrowableOfType(CallTimeoutException.class, () -> api
                .withOptions(CallOptions.fromClient().withCallTimeout(Duration.ofMillis(50))).search(NELI));

        assertThat(e).hasMessageContaining("this call sent nothing");
        assertThat(leader).as("the leader, still held: the hour-long wait was not the view's").isNotDone();
        release.countDown();
        assertThat(leader.get().reports()).isEmpty();
        assertThat(fake.callCount()).isEqualTo(1);
    }

    @Test
    void aBatchSearchThatJoinedACheckoutsSearchWithoutAPermitTriesAgainOnItsOwnLimits() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Viewable delegate = new Viewable(fake, CallOptions.fromClient()) {
            @Override
            public Nekorekten withOptions(CallOptions options) {
                return new Viewable(fake, options) {
                    @Override
                    public SearchResult search(SearchCriteria criteria) {
                        if (options.equals(CallOptions.interactive())) {
                            // The checkout: no permit wait, and no permit free.
                            inside.countDown();
                            await(release);
                            throw new RateLimitWaitExceededException("no permit within PT0S",
                                    ErrorContext.of(Operation.SEARCH), Duration.ofSeconds(40));
                        }
                        return super.search(criteria);
                    }
                };
            }
        };
        CachingNekorekten api = CachingNekorekten.wrap(delegate);
        CachingNekorekten checkout = api.withOptions(CallOptions.interactive());
        CachingNekorekten batch = api.withOptions(CallOptions.batch());
        Future<SearchResult> checkoutSearch = pool.submit(() -> checkout.search(NELI));
        await(inside);
        Future<SearchResult> batchSearch = pool.submit(() -> batch.search(NELI));
        while (api.cache().waitingFor(NELI) == 0) {
            Thread.onSpinWait();
        }

        release.countDown();

        assertThat(catchThrowableOfType(ExecutionException.class, checkoutSearch::get))
                .hasCauseInstanceOf(RateLimitWaitExceededException.class);
        assertThat(batchSearch.get().reports()).as("the batch view's own search").isEmpty();
        assertThat(fake.callCount()).as("sent by the batch view; the checkout sent nothing").isEqualTo(1);
    }

    @Test
    void theCallThatFoundNoPermitItselfIsNotRepeated() {
        AtomicInteger calls = new AtomicInteger();
        Viewable delegate = new Viewable(fake, CallOptions.fromClient()) {
            @Override
            public SearchResult search(SearchCriteria criteria) {
                calls.incrementAndGet();
                throw new RateLimitWaitExceededException("no permit within PT0S", ErrorContext.of(Operation.SEARCH),
                        Duration.ofSeconds(40));
            }
        };

        assertThat(catchThrowableOfType(RateLimitWaitExceededException.class,
                () -> CachingNekorekten.wrap(delegate).search(NELI))).isNotNull();
        assertThat(calls).hasValue(1);
    }

    @Test
    void aViewOfAViewLayersItsOptionsOverTheViews() {
        Viewable delegate = new Viewable(fake, CallOptions.fromClient());
        CachingNekorekten api = CachingNekorekten.wrap(delegate);

        api.withOptions(CallOptions.batch()).withOptions(CallOptions.fromClient().withRetries(false)).cities();

        assertThat(delegate.views.get().views.get().options).as("what the delegate's views were given, in turn")
                .isEqualTo(CallOptions.fromClient().withRetries(false));
        assertThat(api.withOptions(CallOptions.batch()).withOptions(CallOptions.fromClient().withRetries(false))
                .toString()).contains("permitWaitTimeout=PT10M", "retries=false");
    }

    @Test
    void closingAViewClosesTheDelegatesViewButNeverTheDelegate() {
        Viewable delegate = new Viewable(fake, CallOptions.fromClient());
        CachingNekorekten api = CachingNekorekten.wrap(delegate);
        CachingNekorekten view = api.withOptions(CallOptions.batch());

        view.close();

        assertThat(delegate.views.get().closed).as("the delegate's view").isTrue();
        assertThat(delegate.closed).as("the delegate").isFalse();

        api.close();

        assertThat(delegate.closed).isTrue();
    }

    @Test
    void overADelegateWithoutViewsClosingAViewClosesNothing() {
        Viewable delegate = new Viewable(fake, CallOptions.fromClient()) {
            @Override
            public Nekorekten withOptions(CallOptions options) {
                return this; // as the port's default: an adapter that never waits
            }
        };
        CachingNekorekten api = CachingNekorekten.wrap(delegate);

        api.withOptions(CallOptions.interactive()).close();

        assertThat(delegate.closed).isFalse();
        assertThatNullPointerException().isThrownBy(() -> api.withOptions(null)).withMessage("options");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new AssertionError("a latch was never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Forwards to the fake, and makes views of itself that remember their options and their closing. */
    private static class Viewable implements Nekorekten {
        final Nekorekten target;
        final CallOptions options;
        final AtomicReference<Viewable> views = new AtomicReference<>();
        volatile boolean closed;

        Viewable(Nekorekten target, CallOptions options) {
            this.target = target;
            this.options = options;
        }

        @Override
        public Nekorekten withOptions(CallOptions options) {
            Viewable view = new Viewable(target, options);
            views.set(view);
            return view;
        }

        @Override
        public SearchResult search(SearchCriteria criteria) {
            return target.search(criteria);
        }

        @Override
        public ReportReceipt create(ReportDraft draft) {
            return target.create(draft);
        }

        @Override
        public ReportReceipt update(ReportId id, ReportPatch patch) {
            return target.update(id, patch);
        }

        @Override
        public void delete(ReportId id) {
            target.delete(id);
        }

        @Override
        public List<FileId> upload(List<Attachment> attachments) {
            return target.upload(attachments);
        }

        @Override
        public List<City> cities() {
            return target.cities();
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
