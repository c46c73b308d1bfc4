package io.nekorekten4j.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.propagation.Propagator;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.fakeserver.FakeServer;
import io.nekorekten4j.fakeserver.FakeServerExtension;
import io.nekorekten4j.http.ApacheTransport;
import io.nekorekten4j.http.NekorektenHttp;
import io.nekorekten4j.http.Transport;
import io.nekorekten4j.http.TransportRequest;
import io.nekorekten4j.ports.QuotaPlan;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Spans through Micrometer Tracing (its test tracer, with a W3C-style propagator): a client span
 * per call with the operation, attempts, quota wait and outcome — and its trace context sent to the
 * service only when the user opted in.
 */
@Timeout(60)
class TraceContextTest {

    @RegisterExtension
    static FakeServerExtension server = FakeServerExtension.of(() -> FakeServer.builder().seedDemoData());

    private final SimpleTracer tracer = new SimpleTracer();
    private final ObservationRegistry observations = ObservationRegistry.create();
    private final List<Map<String, String>> sentHeaders = new CopyOnWriteArrayList<>();

    TraceContextTest() {
        observations.observationConfig().observationHandler(
                new PropagatingSenderTracingObservationHandler<>(tracer, new W3cStylePropagator()));
    }

    private void search(FakeServer fake, boolean propagate) {
        Transport real = ApacheTransport.builder().build();
        Transport recording = new Transport() {
            @Override
            public <T> T execute(TransportRequest request, ResponseHandler<T> handler) throws IOException {
                sentHeaders.add(Map.copyOf(request.headers()));
                return real.execute(request, handler);
            }

            @Override
            public void close() {
                real.close();
            }
        };
        try (NekorektenHttp api = NekorektenHttp.builder().baseUri(fake.uri()).apiKey("trace-" + UUID.randomUUID())
                .quota(QuotaPlan.perMinute(1000)).transport(recording)
                .listener(NekorektenObservability.builder().observationRegistry(observations)
                        .propagateTraceContext(propagate).build())
                .build()) {
            api.search(SearchCriteria.builder().phone("0888 123 456").build());
        }
    }

    @Test
    void eachCallIsAClientSpanWithItsOperationAttemptsQuotaWaitAndOutcome(FakeServer fake) {
        search(fake, false);

        SimpleSpan span = tracer.onlySpan();
        assertThat(span.getName()).isEqualTo("nekorekten search");
        assertThat(span.getKind()).isEqualTo(Span.Kind.CLIENT);
        assertThat(span.getRemoteServiceName()).isEqualTo("nekorekten");
        assertThat(span.getTags()).containsEntry("operation", "search").containsEntry("outcome", "success")
                .containsEntry("error.code", "none").containsEntry("status.class", "2xx")
                .containsEntry("nekorekten.attempts", "1").containsEntry("nekorekten.quota.wait.ms", "0");
        assertThat(span.getEndTimestamp()).isNotNull();
    }

    @Test
    void noTraceHeaderReachesTheServiceByDefault(FakeServer fake) {
        search(fake, false);

        assertThat(sentHeaders).singleElement().satisfies(headers ->
                assertThat(headers.keySet()).doesNotContain("traceparent"));
    }

    @Test
    void theTraceContextIsSentWhenOptedIn(FakeServer fake) {
        search(fake, true);

        SimpleSpan span = tracer.onlySpan();
        assertThat(sentHeaders).singleElement().satisfies(headers -> assertThat(headers)
                .containsEntry("traceparent", "00-" + span.getTraceId() + "-" + span.getSpanId() + "-01"));
    }

    /** Writes a W3C {@code traceparent} from the span's context; reads nothing. */
    private static final class W3cStylePropagator implements Propagator {
        @Override
        public List<String> fields() {
            return List.of("traceparent");
        }

        @Override
        public <C> void inject(TraceContext context, C carrier, Setter<C> setter) {
            setter.set(carrier, "traceparent", "00-" + context.traceId() + "-" + context.spanId() + "-01");
        }

        @Override
        public <C> Span.Builder extract(C carrier, Getter<C> getter) {
            throw new UnsupportedOperationException("a client only injects");
        }
    }
}
