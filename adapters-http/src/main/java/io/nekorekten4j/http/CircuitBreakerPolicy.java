package io.nekorekten4j.http;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.nekorekten4j.ports.CallTimeoutException;
import io.nekorekten4j.ports.CircuitOpenException;
import io.nekorekten4j.ports.ServiceUnavailableException;
import io.nekorekten4j.ports.TransportException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The circuit-breaker step: after {@code failureThreshold} calls in a row failed for the service's
 * side (5xx, timeouts, transport failures), calls fail at once with {@link CircuitOpenException}
 * and send nothing until the open duration has passed; then trial calls decide. Every other
 * outcome (4xx, 429, the daily quota, local refusals, unusable answers) is ignored. It sits outside
 * the retry step, so it sees each call once however often it was retried.
 *
 * <p>Resilience4j earns its place here, unlike in retries (which are a loop and a sleep, see
 * {@link RetryPolicy}): a breaker is a concurrent state machine — closed, open, half-open with a
 * bounded number of probing calls racing from many threads — over a sliding window of outcomes,
 * with clock-driven transitions and events. That is subtle to get right and Resilience4j's is
 * proven. No Resilience4j type leaves this class.
 */
final class CircuitBreakerPolicy implements Pipeline.Step {

    private static final Logger LOG = LoggerFactory.getLogger(NekorektenHttp.class);

    /** Calls are never "slow" for the breaker: the call timeout already bounds them. */
    private static final Duration NEVER_SLOW = Duration.ofDays(365);

    /** {@code null} when the options disable the breaker: then this step only passes calls on. */
    private final CircuitBreaker breaker;

    /** A breaker of {@code options} on {@code clock}, whose transitions are logged and told to {@code listeners}. */
    CircuitBreakerPolicy(CircuitBreakerOptions options, Clock clock, Listeners listeners) {
        Objects.requireNonNull(listeners, "listeners");
        this.breaker = options.enabled() ? breaker(options, clock) : null;
        if (breaker != null && !listeners.isEmpty()) {
            breaker.getEventPublisher().onStateTransition(event -> listeners.circuitStateChanged(
                    circuitState(event.getStateTransition().getFromState()),
                    circuitState(event.getStateTransition().getToState())));
        }
    }

    @Override
    public <T> T handle(Pipeline.Link<T> link) {
        if (breaker == null) {
            return link.proceed();
        }
        try {
            return breaker.executeSupplier(link::proceed);
        } catch (CallNotPermittedException open) {
            throw new CircuitOpenException("The circuit breaker is open after repeated failures of the service; "
                    + "nothing was sent", link.run().stamped(), null);
        }
    }

    /** The breaker's state now. */
    CircuitState state() {
        return breaker == null ? CircuitState.DISABLED : circuitState(breaker.getState());
    }

    /** A 5xx answer, a timeout or a transport failure: the failures that open the circuit. */
    static boolean countsAgainstService(Throwable failure) {
        return failure instanceof ServiceUnavailableException || failure instanceof CallTimeoutException
                || failure instanceof TransportException;
    }

    private static CircuitBreaker breaker(CircuitBreakerOptions options, Clock clock) {
        // A count-based window of failureThreshold calls, all of which must have failed.
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(options.failureThreshold())
                .minimumNumberOfCalls(options.failureThreshold())
                .failureRateThreshold(100f)
                .slowCallDurationThreshold(NEVER_SLOW)
                .waitDurationInOpenState(options.openDuration())
                .permittedNumberOfCallsInHalfOpenState(options.halfOpenTrialCalls())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordException(CircuitBreakerPolicy::countsAgainstService)
                .ignoreException(failure -> !countsAgainstService(failure))
                .clock(Objects.requireNonNull(clock, "clock"))
                .build();
        CircuitBreaker breaker = CircuitBreaker.of("nekorekten", config);
        breaker.getEventPublisher().onStateTransition(event ->
                LOG.warn("nekorekten circuit breaker: {}", event.getStateTransition()));
        return breaker;
    }

    private static CircuitState circuitState(CircuitBreaker.State state) {
        return switch (state) {
            case CLOSED, METRICS_ONLY -> CircuitState.CLOSED;
            case HALF_OPEN -> CircuitState.HALF_OPEN;
            case OPEN, FORCED_OPEN -> CircuitState.OPEN;
            case DISABLED -> CircuitState.DISABLED;
        };
    }
}
