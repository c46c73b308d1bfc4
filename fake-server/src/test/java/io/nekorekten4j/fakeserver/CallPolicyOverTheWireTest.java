package io.nekorekten4j.fakeserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.http.CallPolicy;
import io.nekorekten4j.http.NekorektenHttp;
import io.nekorekten4j.http.PipelineStage;
import io.nekorekten4j.http.RetryOptions;
import io.nekorekten4j.http.VirtualTime;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.Nekorekten;
import io.nekorekten4j.ports.Operation;
import io.nekorekten4j.ports.ServiceUnavailableException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A user's {@link CallPolicy}, added through the public builder only (this package is not the
 * adapter's), against the fake server on the real wire: where it is added decides what it sees,
 * as {@link PipelineStage} promises — every call at {@code CACHE}, each call that goes out once at
 * {@code RETRY}, each request on the wire at {@code QUOTA}.
 */
class CallPolicyOverTheWireTest {

    private static final SearchCriteria BUYER = SearchCriteria.builder().phone("0888 123 456").build();

    private final VirtualTime time = VirtualTime.create();
    private FakeServer server;

    @BeforeEach
    void start() {
        server = FakeServer.builder().seedDemoData().build().start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Nekorekten client(RetryOptions retry, Object... stagesAndPolicies) {
        NekorektenHttp.Builder builder = NekorektenHttp.builder().baseUri(server.uri()).apiKey("policy-key")
                .retry(retry).clock(time).sleeper(time);
        for (int i = 0; i < stagesAndPolicies.length; i += 2) {
            builder.addPolicy((PipelineStage) stagesAndPolicies[i], (CallPolicy) stagesAndPolicies[i + 1]);
        }
        return builder.build();
    }

    @Test
    void eachStageSeesWhatItPromisesCacheHitsRetriesAndRequestsOnTheWire() {
        Seen perCall = new Seen();
        Seen perCallGoingOut = new Seen();
        Seen perRequest = new Seen();
        server.fake().failNext(1, ErrorCode.SERVICE_UNAVAILABLE);

        try (Nekorekten api = client(RetryOptions.defaults(), PipelineStage.CACHE, perCall,
                PipelineStage.RETRY, perCallGoingOut, PipelineStage.QUOTA, perRequest)) {
            api.search(BUYER); // a 503, then the answer
            api.search(BUYER); // from the cache
        }

        assertThat(perCall.seen).containsExactly("SEARCH attempt 0", "SEARCH attempt 0");
        assertThat(perCallGoingOut.seen).containsExactly("SEARCH attempt 0");
        assertThat(perRequest.seen).containsExactly("SEARCH attempt 1", "SEARCH attempt 2");
        assertThat(server.requestCount()).as("requests the server saw = what the QUOTA policy saw").isEqualTo(2);
    }

    @Test
    void aPolicyThatStopsAWriteSendsNothingAndItsExceptionReachesTheCaller() {
        CallPolicy readOnly = new CallPolicy() {
            @Override
            public <T> T handle(CallPolicy.Chain<T> chain) {
                if (chain.operation() != Operation.SEARCH && chain.operation() != Operation.CITIES) {
                    throw new IllegalStateException("this deployment is read-only: " + chain.operation());
                }
                return chain.proceed();
            }
        };

        try (Nekorekten api = client(RetryOptions.defaults(), PipelineStage.CACHE, readOnly)) {
            assertThatThrownBy(() -> api.create(ReportDraft.builder().phone("0888 123 456")
                    .text("Refused a cash-on-delivery parcel.").build()))
                    .isInstanceOf(IllegalStateException.class).hasMessage("this deployment is read-only: CREATE");
            assertThat(api.search(BUYER).reports()).isNotNull();
        }

        assertThat(server.requestCount()).as("only the search").isEqualTo(1);
    }

    @Test
    void aPolicyPastTheRetryStageCannotRepeatACreate() {
        CallPolicy resending = new CallPolicy() {
            @Override
            public <T> T handle(CallPolicy.Chain<T> chain) {
                try {
                    return chain.proceed();
                } catch (ServiceUnavailableException e) {
                    return chain.proceed();
                }
            }
        };
        server.fake().failNext(1, ErrorCode.SERVICE_UNAVAILABLE);

        try (Nekorekten api = client(RetryOptions.defaults(), PipelineStage.TRANSPORT, resending)) {
            assertThatThrownBy(() -> api.create(ReportDraft.builder().phone("0888 123 456")
                    .text("Refused a cash-on-delivery parcel.").build()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("proceed() twice");
        }

        assertThat(server.requestCount()).as("the create went out once").isEqualTo(1);
    }

    /** Records the operation and the attempt of what it sees, and passes it on. */
    private static final class Seen implements CallPolicy {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public <T> T handle(CallPolicy.Chain<T> chain) {
            seen.add(chain.operation() + " attempt " + chain.attempt());
            return chain.proceed();
        }
    }
}
