package io.nekorekten4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nekorekten4j.cache.CacheOptions;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.ErrorContext;
import io.nekorekten4j.ports.QuotaPlan;
import io.nekorekten4j.ports.QuotaStoreUnavailableException;
import io.nekorekten4j.ports.screening.Buyer;
import io.nekorekten4j.ports.screening.Screening;
import io.nekorekten4j.ports.screening.ScreeningResult;
import io.nekorekten4j.ports.screening.Verdict;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The quota store SPI as the client uses it: one permit per attempt, released after the answer. */
class QuotaStoreSpiTest {

    private static final String EMPTY_SEARCH = "{\"message\":null,\"items\":[],\"count\":0,\"currentPage\":1,"
            + "\"itemsPerPage\":20,\"server\":{\"date\":\"2026-02-27 20:22:33\",\"httpCode\":200}}";

    private final VirtualTime clock = VirtualTime.startingAt(
            Instant.parse("2025-06-10T09:00:00Z"));

    @Test
    void everyAttemptTakesOnePermitAndReleasesItAsSentOnlyAfterTheAnswerCameBack() {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        RecordingStore store = new RecordingStore(LocalQuotaStore.create(clock), events);
        Transport transport = new AnsweringTransport(events);
        try (NekorektenHttp client = NekorektenHttp.builder().apiKey(NekorektenHttpTestSupport.randomKey())
                .transport(transport).clock(clock).sleeper(d -> clock.advance(d)).quotaStore(store)
                .cache(CacheOptions.disabled()).build()) {
            client.search(SearchCriteria.builder().phone("0888123456").build());
            client.search(SearchCriteria.builder().phone("0888123457").build());
        }

        assertThat(events).containsExactly("acquire", "send", "release sent", "acquire", "send", "release sent");
    }

    @Test
    void anUnreachableStoreFailsTheCallTypedAndSendsNothingAndScreeningSaysNotChecked() {
        AtomicInteger sends = new AtomicInteger();
        QuotaStore down = new RecordingStore(LocalQuotaStore.create(clock), new ArrayList<>()) {
            @Override
            public QuotaDecision acquire(QuotaScope scope, QuotaLimits limits, Duration maxWait, Duration lease) {
                throw new QuotaStoreUnavailableException("redis did not answer within PT0.5S", ErrorContext.none(),
                        null);
            }
        };
        Transport transport = new AnsweringTransport(new ArrayList<>()) {
            @Override
            public <T> T execute(TransportRequest request, ResponseHandler<T> handler) throws java.io.IOException {
                sends.incrementAndGet();
                return super.execute(request, handler);
            }
        };
        try (NekorektenHttp client = NekorektenHttp.builder().apiKey(NekorektenHttpTestSupport.randomKey())
                .transport(transport).clock(clock).sleeper(d -> clock.advance(d)).quotaStore(down).build()) {
            QuotaStoreUnavailableException e = catchThrowableOfType(QuotaStoreUnavailableException.class,
                    () -> client.search(SearchCriteria.builder().phone("0888123456").build()));
            assertThat(e.code()).isEqualTo(ErrorCode.QUOTA_STORE_UNAVAILABLE);
            assertThat(e.code().serviceAnswered()).isFalse();
            assertThat(e).hasMessageContaining("not sent").hasMessageEndingWith("(search)");
            assertThat(e.context().path()).contains("/api/v1/reports");
            assertThat(e.context().operation()).contains(io.nekorekten4j.ports.Operation.SEARCH);
            assertThat(e.outcome()).isEqualTo(io.nekorekten4j.ports.RequestOutcome.NOT_SENT);

            ScreeningResult r = Screening.of(client).screen(Buyer.builder().phone("0888123456").build());
            assertThat(r.verdict()).isEqualTo(Verdict.NOT_CHECKED);
            assertThat(r.failure().orElseThrow()).isInstanceOf(QuotaStoreUnavailableException.class);
        }
        assertThat(sends).as("requests sent without a permit").hasValue(0);
    }

    @Test
    void aStoreThatCannotTakeA429PauseLeavesTheCallerWithThe429AndTheNextPermitFailsTyped() {
        QuotaStore flaky = new RecordingStore(LocalQuotaStore.create(clock), new ArrayList<>()) {
            @Override
            public void penalise(QuotaScope scope, Duration retryAfter) {
                throw new QuotaStoreUnavailableException("redis did not answer within PT0.5S", ErrorContext.none(),
                        null);
            }
        };
        QuotaGate gate = new QuotaGate(flaky, QuotaScope.of(URI.create("https://api.nekorekten.com"), "k"),
                QuotaLimits.of(QuotaPlan.START), clock, d -> clock.advance(d));

        gate.penalise(Duration.ofSeconds(30)); // logged, not thrown over the 429 the caller is handling

        gate.acquire(Duration.ZERO).answered();
    }

    @Test
    void aScopeDigestDependsOnOriginKeyAndSecretAndShowsNeither() {
        byte[] secret = "0123456789abcdef0123".getBytes(StandardCharsets.UTF_8);
        byte[] other = "fedcba98765432100123".getBytes(StandardCharsets.UTF_8);
        QuotaScope a = QuotaScope.of(URI.create("https://api.nekorekten.com"), "key-a");
        QuotaScope aWithPort = QuotaScope.of(URI.create("HTTPS://API.nekorekten.com:443/api"), "key-a");
        QuotaScope b = QuotaScope.of(URI.create("https://api.nekorekten.com"), "key-b");
        QuotaScope aElsewhere = QuotaScope.of(URI.create("http://127.0.0.1:8080"), "key-a");

        assertThat(aWithPort).isEqualTo(a).hasSameHashCodeAs(a);
        assertThat(a.digest(secret)).isEqualTo(aWithPort.digest(secret)).hasSize(64)
                .isNotEqualTo(b.digest(secret)).isNotEqualTo(aElsewhere.digest(secret)).isNotEqualTo(a.digest(other));
        assertThat(a.toString()).isEqualTo("QuotaScope[https://api.nekorekten.com:443]").doesNotContain("key-a");
        assertThatIllegalArgumentException().isThrownBy(() -> a.digest(new byte[15])).withMessageContaining("secret");
    }

    @Test
    void limitsNameEveryBadFigureAndShareConservatively() {
        assertThatIllegalArgumentException().isThrownBy(() -> new QuotaLimits(0, Duration.ZERO,
                Duration.ofSeconds(-1), OptionalInt.of(0)))
                .withMessageContaining("permits").withMessageContaining("window").withMessageContaining("margin")
                .withMessageContaining("perDay");
        QuotaLimits standard = QuotaLimits.of(QuotaPlan.STANDARD);
        assertThat(standard.share(4).permits()).isEqualTo(QuotaPlan.STANDARD.perMinute() / 4);
        assertThat(standard.share(4).perDay()).hasValue(QuotaPlan.STANDARD.perDay().getAsInt() / 4);
        assertThat(new QuotaLimits(3, QuotaLimits.MINUTE, Duration.ZERO, OptionalInt.empty()).share(4).permits())
                .as("never below one").isEqualTo(1);
        assertThatIllegalArgumentException().isThrownBy(() -> standard.share(0)).withMessageContaining("instances");
    }

    /** Delegates to a real store and notes each call. */
    private static class RecordingStore implements QuotaStore {
        private final QuotaStore delegate;
        private final List<String> events;

        RecordingStore(QuotaStore delegate, List<String> events) {
            this.delegate = delegate;
            this.events = events;
        }

        @Override
        public QuotaDecision acquire(QuotaScope scope, QuotaLimits limits, Duration maxWait, Duration lease) {
            events.add("acquire");
            return delegate.acquire(scope, limits, maxWait, lease);
        }

        @Override
        public boolean confirm(QuotaScope scope, QuotaPermit permit) {
            events.add("confirm");
            return delegate.confirm(scope, permit);
        }

        @Override
        public void release(QuotaScope scope, QuotaPermit permit, boolean sent) {
            events.add(sent ? "release sent" : "release unsent");
            delegate.release(scope, permit, sent);
        }

        @Override
        public void penalise(QuotaScope scope, Duration retryAfter) {
            events.add("penalise");
            delegate.penalise(scope, retryAfter);
        }
    }

    /** Answers every request with an empty search. */
    private static class AnsweringTransport implements Transport {
        private final List<String> events;

        AnsweringTransport(List<String> events) {
            this.events = events;
        }

        @Override
        public <T> T execute(TransportRequest request, ResponseHandler<T> handler) throws java.io.IOException {
            events.add("send");
            InputStream body = new ByteArrayInputStream(EMPTY_SEARCH.getBytes(StandardCharsets.UTF_8));
            return handler.handle(new TransportResponse() {
                @Override
                public int status() {
                    return 200;
                }

                @Override
                public Optional<String> header(String name) {
                    return name.equalsIgnoreCase("Content-Type") ? Optional.of("application/json") : Optional.empty();
                }

                @Override
                public InputStream body() {
                    return body;
                }
            });
        }

        @Override
        public void close() {
        }
    }
}
