package io.nekorekten4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nekorekten4j.cache.CacheOptions;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.ports.CircuitOpenException;
import io.nekorekten4j.ports.QuotaPlan;
import io.nekorekten4j.ports.ServiceUnavailableException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The call pipeline: its order is {@link PipelineStage}'s, and a user's {@link CallPolicy} added or
 * put in place of a step through the public builder sees exactly what its stage promises — and
 * never the key. The wire is a scripted in-memory transport; time is virtual.
 */
class PipelineTest {

    private static final String KEY = "pipeline-test-key-0123456789";
    private static final SearchCriteria CRITERIA = SearchCriteria.builder().phone("0888 123 456").build();
    private static final String EMPTY_SEARCH = "{\"message\":null,\"items\":[],\"count\":0,\"currentPage\":1,"
            + "\"itemsPerPage\":20,\"server\":{\"date\":\"2026-02-27 20:22:33\",\"httpCode\":200}}";

    private final VirtualTime time = VirtualTime.startingAt(Instant.parse("2026-03-02T10:00:00Z"));
    private final ScriptedTransport wire = new ScriptedTransport();
    private NekorektenHttp api;

    @AfterEach
    void close() {
        if (api != null) {
            api.close();
        }
    }

    private NekorektenHttp api(Consumer<NekorektenHttp.Builder> settings) {
        NekorektenHttp.Builder builder = NekorektenHttp.builder()
                .baseUri("http://127.0.0.1:9")
                .apiKey(KEY)
                .transport(wire)
                .quota(QuotaPlan.perMinute(100_000))
                .cache(CacheOptions.disabled())
                .clock(time)
                .sleeper(time);
        settings.accept(builder);
        api = builder.build();
        return api;
    }

    @Test
    void theStagesAreDeclaredInTheOrderACallPassesThem() {
        assertThat(PipelineStage.values()).containsExactly(PipelineStage.VALIDATION, PipelineStage.OBSERVATION,
                PipelineStage.CACHE, PipelineStage.CIRCUIT_BREAKER, PipelineStage.RETRY, PipelineStage.QUOTA,
                PipelineStage.TRANSPORT);

        assertThat(api(b -> { }).pipeline().describe()).containsExactly(
                "VALIDATION:ValidationPolicy", "OBSERVATION:ObservationPolicy", "CACHE:CachePolicy",
                "CIRCUIT_BREAKER:CircuitBreakerPolicy", "RETRY:RetryPolicy", "QUOTA:QuotaPolicy",
                "TRANSPORT:TransportPolicy");
    }

    @Test
    void addedPoliciesRunJustBeforeTheBuiltInStepOfTheirStageInTheOrderAdded() {
        Recorder first = new Recorder();
        Recorder second = new Recorder();
        Recorder onTheWire = new Recorder();

        List<String> order = api(b -> b.addPolicy(PipelineStage.RETRY, first).addPolicy(PipelineStage.RETRY, second)
                .addPolicy(PipelineStage.TRANSPORT, onTheWire)).pipeline().describe();

        String recorder = Recorder.class.getName();
        assertThat(order).containsExactly(
                "VALIDATION:ValidationPolicy", "OBSERVATION:ObservationPolicy", "CACHE:CachePolicy",
                "CIRCUIT_BREAKER:CircuitBreakerPolicy", "RETRY:" + recorder, "RETRY:" + recorder, "RETRY:RetryPolicy",
                "QUOTA:QuotaPolicy", "TRANSPORT:" + recorder, "TRANSPORT:TransportPolicy");
    }

    @Test
    void aPolicyAtTheRetryStageSeesEachCallOnceAndOneAtTheQuotaStageEachAttempt() {
        wire.answer(503, 503, 200);
        Recorder perCall = new Recorder();
        Recorder perAttempt = new Recorder();

        api(b -> b.addPolicy(PipelineStage.RETRY, perCall).addPolicy(PipelineStage.QUOTA, perAttempt))
                .search(CRITERIA);

        assertThat(wire.requests()).isEqualTo(3);
        assertThat(perCall.seen).containsExactly("SEARCH attempt 0");
        assertThat(perAttempt.seen).containsExactly("SEARCH attempt 1", "SEARCH attempt 2", "SEARCH attempt 3");
    }

    @Test
    void aPolicyAtTheCacheStageSeesCacheHitsAndOneAtTheCircuitBreakerStageOnlyCallsThatGoOut() {
        wire.answer(200);
        Recorder everyCall = new Recorder();
        Recorder outgoing = new Recorder();
        api(b -> b.cache(CacheOptions.defaults()).addPolicy(PipelineStage.CACHE, everyCall)
                .addPolicy(PipelineStage.CIRCUIT_BREAKER, outgoing));

        api.search(CRITERIA);
        api.search(CRITERIA);

        assertThat(wire.requests()).isEqualTo(1);
        assertThat(everyCall.seen).containsExactly("SEARCH attempt 0", "SEARCH attempt 0");
        assertThat(outgoing.seen).containsExactly("SEARCH attempt 0");
    }

    @Test
    void aReplacedCircuitBreakerTakesTheBuiltInStepsPlace() {
        wire.answer(503, 503, 503, 503, 503, 503, 503);
        Recorder ownBreaker = new Recorder();
        api(b -> b.retry(RetryOptions.disabled()).replacePolicy(PipelineStage.CIRCUIT_BREAKER, ownBreaker));

        for (int i = 0; i < 7; i++) {
            // The built-in breaker would open after 5; the replacement lets every call through.
            assertThatThrownBy(() -> api.search(CRITERIA)).isInstanceOf(ServiceUnavailableException.class)
                    .isNotInstanceOf(CircuitOpenException.class);
        }

        assertThat(wire.requests()).isEqualTo(7);
        assertThat(ownBreaker.seen).hasSize(7);
        assertThat(api.pipeline().describe()).contains("CIRCUIT_BREAKER:" + Recorder.class.getName())
                .doesNotContain("CIRCUIT_BREAKER:CircuitBreakerPolicy");
        assertThat(api.state().circuitState()).isEqualTo(CircuitState.DISABLED);
    }

    @Test
    void aReplacedRetryStepStillNumbersEachAttempt() {
        wire.answer(503, 200);
        Recorder perAttempt = new Recorder();
        CallPolicy twice = new CallPolicy() {
            @Override
            public <T> T handle(CallPolicy.Chain<T> chain) {
                try {
                    return chain.proceed();
                } catch (ServiceUnavailableException once) {
                    return chain.proceed();
                }
            }
        };

        api(b -> b.replacePolicy(PipelineStage.RETRY, twice).addPolicy(PipelineStage.QUOTA, perAttempt))
                .search(CRITERIA);

        assertThat(perAttempt.seen).containsExactly("SEARCH attempt 1", "SEARCH attempt 2");
        assertThat(time.sleeps()).as("the replacement does not wait; the built-in step would have").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = PipelineStage.class, names = {"QUOTA", "TRANSPORT"})
    void aPolicyPastTheRetryStageCannotSendAnAttemptTwice(PipelineStage stage) {
        wire.answer(503, 200);
        CallPolicy resending = new CallPolicy() {
            @Override
            public <T> T handle(CallPolicy.Chain<T> chain) {
                try {
                    return chain.proceed();
                } catch (ServiceUnavailableException once) {
                    return chain.proceed();
                }
            }
        };

        api(b -> b.addPolicy(stage, resending).retry(RetryOptions.disabled()));

        assertThatThrownBy(() -> api.search(CRITERIA)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at stage " + stage).hasMessageContaining("proceed() twice")
                .hasMessageContaining("RETRY or earlier");
        assertThat(wire.requests()).as("the second proceed sent nothing").isEqualTo(1);
    }

    @Test
    void validationAndTransportCannotBeReplaced() {
        NekorektenHttp.Builder builder = NekorektenHttp.builder();

        assertThatThrownBy(() -> builder.replacePolicy(PipelineStage.VALIDATION, new Recorder()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VALIDATION step cannot be replaced").hasMessageContaining("addPolicy");
        assertThatThrownBy(() -> builder.replacePolicy(PipelineStage.TRANSPORT, new Recorder()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TRANSPORT step cannot be replaced").hasMessageContaining("Transport");
    }

    @Test
    void aPolicyCannotSeeTheKeyOrTheBuyersData() {
        wire.answer(200);
        List<String> shown = new CopyOnWriteArrayList<>();
        CallPolicy peeking = new CallPolicy() {
            @Override
            public <T> T handle(CallPolicy.Chain<T> chain) {
                shown.add(chain.toString());
                return chain.proceed();
            }
        };

        api(b -> b.addPolicy(PipelineStage.TRANSPORT, peeking)).search(CRITERIA);

        assertThat(Arrays.stream(CallPolicy.Chain.class.getMethods()).map(Method::getName))
                .containsExactlyInAnyOrder("operation", "attempt", "proceed");
        assertThat(shown).singleElement().asString()
                .contains("SEARCH", "TRANSPORT", "attempt 1")
                .doesNotContain(KEY, "888123456", "?");
        assertThat(wire.keys).containsExactly(KEY);
    }

    @Test
    void aPolicyThatThrowsFailsTheCallWithItsOwnExceptionAndNothingIsSent() {
        wire.answer(200);
        IllegalStateException refusal = new IllegalStateException("refused by the company's policy");
        AtomicInteger calls = new AtomicInteger();
        CallPolicy refusing = new CallPolicy() {
            @Override
            public <T> T handle(CallPolicy.Chain<T> chain) {
                calls.incrementAndGet();
                throw refusal;
            }
        };

        api(b -> b.addPolicy(PipelineStage.QUOTA, refusing));

        assertThatThrownBy(() -> api.search(CRITERIA)).isSameAs(refusal);
        assertThat(calls).as("not retried").hasValue(1);
        assertThat(wire.requests()).isZero();
    }

    @Test
    void nullArgumentsAreRefusedByName() {
        NekorektenHttp.Builder builder = NekorektenHttp.builder();
        CallPolicy policy = new Recorder();

        assertThatThrownBy(() -> builder.addPolicy(null, policy)).isInstanceOf(NullPointerException.class)
                .hasMessage("stage");
        assertThatThrownBy(() -> builder.addPolicy(PipelineStage.QUOTA, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("policy");
        assertThatThrownBy(() -> builder.replacePolicy(null, policy)).isInstanceOf(NullPointerException.class)
                .hasMessage("stage");
        assertThatThrownBy(() -> builder.replacePolicy(PipelineStage.QUOTA, null))
                .isInstanceOf(NullPointerException.class).hasMessage("policy");
    }

    /** Records the operation and attempt of every call or attempt it sees, and passes it on. */
    private static final class Recorder implements CallPolicy {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public <T> T handle(CallPolicy.Chain<T> chain) {
            seen.add(chain.operation() + " attempt " + chain.attempt());
            return chain.proceed();
        }
    }

    /** Answers each request with the next scripted status (a 2xx with an empty search); records the keys sent. */
    private static final class ScriptedTransport implements Transport {
        private final Deque<Integer> statuses = new ArrayDeque<>();
        final List<String> keys = new CopyOnWriteArrayList<>();
        private final AtomicInteger requests = new AtomicInteger();

        void answer(Integer... script) {
            statuses.addAll(List.of(script));
        }

        int requests() {
            return requests.get();
        }

        @Override
        public synchronized <T> T execute(TransportRequest request, ResponseHandler<T> handler)
                throws java.io.IOException {
            requests.incrementAndGet();
            keys.add(request.headers().get(TransportPolicy.API_KEY_HEADER));
            int status = statuses.isEmpty() ? 500 : statuses.poll();
            byte[] body = (status == 200 ? EMPTY_SEARCH : "{}").getBytes(StandardCharsets.UTF_8);
            InputStream stream = new ByteArrayInputStream(body);
            return handler.handle(new TransportResponse() {
                @Override
                public int status() {
                    return status;
                }

                @Override
                public Optional<String> header(String name) {
                    return name.equalsIgnoreCase("Content-Type") ? Optional.of("application/json") : Optional.empty();
                }

                @Override
                public InputStream body() {
                    return stream;
                }
            });
        }

        @Override
        public void close() {
        }
    }
}
