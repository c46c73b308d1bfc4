package io.nekorekten4j.http;

import io.nekorekten4j.http.ErrorMapper.Redactor;
import io.nekorekten4j.http.JsonCodec.BodyCapture;
import io.nekorekten4j.http.JsonCodec.Malformed;
import io.nekorekten4j.http.RetryPolicy.Outcome;
import io.nekorekten4j.ports.CallTimeoutException;
import io.nekorekten4j.ports.ErrorContext;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.ProxyAuthenticationException;
import io.nekorekten4j.ports.RateLimitedException;
import io.nekorekten4j.ports.RequestOutcome;
import io.nekorekten4j.ports.ServiceFacts;
import io.nekorekten4j.ports.ServiceUnavailableException;
import io.nekorekten4j.ports.TlsFailureException;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The transport step, last in the pipeline, once per attempt: it puts the key and the headers on
 * the request, hands it to the {@link Transport} with what is left of the call's deadline, reads a
 * 2xx answer through the call's reader and anything else as the ports' exception — and judges each
 * failure for the retry step ({@link CallRun#judged}). The only step that sees the key.
 */
final class TransportPolicy implements Pipeline.Step {

    /** The header that carries the key; marked sensitive for the transport. */
    static final String API_KEY_HEADER = ServiceFacts.API_KEY_HEADER;

    private final Transport transport;
    private final Pipeline.Settings settings;
    private final WireAnswers wire;

    /**
     * @param transport the wire
     * @param settings  timeouts, limits and the {@code User-Agent}
     * @param wire      reads error bodies
     */
    TransportPolicy(Transport transport, Pipeline.Settings settings, WireAnswers wire) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.wire = Objects.requireNonNull(wire, "wire");
    }

    @Override
    public <T> T handle(Pipeline.Link<T> link) {
        CallRun<T> run = link.run();
        Pipeline.Call<T> call = run.call();
        CallTrace trace = run.trace();
        int attempt = run.attempt();
        String key = run.key();
        // The deadline runs on the client's clock, which may be virtual (VirtualTime, a fixed clock); the
        // transport times real I/O on the system clock: hand it what is left of the call, from now.
        Instant transportDeadline = Instant.now().plus(run.remaining());
        Optional<RequestBody> body = run.body();
        TransportRequest request = new TransportRequest(call.method(), call.uri(),
                headers(key, settings.userAgent(), body, attempt, trace), List.of(API_KEY_HEADER), body,
                settings.connectTimeout(), settings.responseTimeout(), transportDeadline, settings.maxResponseBytes());
        run.progress().sending();
        ErrorContext sent = run.stamped();
        try {
            Redactor redactor = Redactor.of(key, call.personalData());
            return transport.execute(request, response -> read(call, response, sent, redactor, trace));
        } catch (TransportIOException e) {
            throw failed(run, sent, e);
        } catch (IOException e) {
            throw failed(run, sent, new TransportIOException(
                    TransportIOException.Kind.BROKEN, "the exchange failed", e));
        } catch (RateLimitedException e) {
            trace.rateLimited(attempt, e.retryAfter());
            run.judged(e, Outcome.RATE_LIMITED, e.retryAfter());
            throw e;
        } catch (ServiceUnavailableException e) {
            // 501 and 505 say the service will never serve this request as sent: a retry only spends a permit.
            boolean permanent = e.context().status().stream().anyMatch(s -> s == 501 || s == 505);
            run.judged(e, permanent ? Outcome.FINAL : Outcome.SERVER_ERROR, Optional.empty());
            throw e;
        }
    }

    /** A transport failure as the ports' exception, stamped with the call's outcome, judged for a retry. */
    private NekorektenException failed(CallRun<?> run, ErrorContext context,
                                       TransportIOException e) {
        if (e.kind() != TransportIOException.Kind.NOT_SENT
                && e.kind() != TransportIOException.Kind.TLS
                && e.kind() != TransportIOException.Kind.PROXY_AUTHENTICATION) {
            run.trace().mayHaveReached();
        }
        NekorektenException failure;
        Outcome outcome;
        switch (e.kind()) {
            case TLS -> {
                // Permanent: a retry would spend another permit on another failed handshake.
                outcome = Outcome.FINAL;
                TlsFailureException.Reason reason =
                        TlsFailures.classify(e).orElse(TlsFailureException.Reason.HANDSHAKE);
                ErrorContext after = CallProgress.after(context, RequestOutcome.NOT_SENT);
                failure = new TlsFailureException("The secure connection to the service failed: "
                        + TlsFailures.describe(reason) + "; " + CallProgress.sentence(after.outcome().orElseThrow())
                        + ". Not retried: this lasts until the certificate, the trust store or the base URI is fixed",
                        after, reason, e);
            }
            case PROXY_AUTHENTICATION -> {
                // Permanent: the proxy answers the same until its credentials are fixed.
                outcome = Outcome.FINAL;
                ErrorContext after = CallProgress.after(context, RequestOutcome.NOT_SENT);
                failure = new ProxyAuthenticationException("The proxy refused the connection to the service: "
                        + e.getMessage() + ". Not retried: this lasts until the proxy credentials are fixed", after, e);
            }
            case NOT_SENT -> {
                outcome = Outcome.NOT_SENT;
                ErrorContext after = CallProgress.after(context, RequestOutcome.NOT_SENT);
                failure = new io.nekorekten4j.ports.TransportException("Could not connect to the service; "
                        + CallProgress.sentence(after.outcome().orElseThrow()), after, e);
            }
            case BROKEN -> {
                outcome = Outcome.BROKEN;
                failure = new io.nekorekten4j.ports.TransportException(
                        "The connection failed; the request may have reached the service",
                        CallProgress.after(context, RequestOutcome.MAY_HAVE_BEEN_APPLIED), e);
            }
            case TIMEOUT -> {
                outcome = Outcome.TIMEOUT;
                failure = new CallTimeoutException("No answer in time; the request may have reached the service",
                        CallProgress.after(context, RequestOutcome.MAY_HAVE_BEEN_APPLIED), e);
            }
            default -> {
                outcome = Outcome.FINAL;
                failure = ErrorMapper.unexpected(context, "The answer is larger than the limit of "
                        + settings.maxResponseBytes() + " bytes", null, new Redactor(List.of()), e);
            }
        }
        run.judged(failure, outcome, Optional.empty());
        return failure;
    }

    /** Reads an answer inside the exchange: a 2xx through the call's reader, anything else as an error. */
    private <T> T read(Pipeline.Call<T> call, TransportResponse response, ErrorContext context, Redactor redactor,
                       CallTrace trace) throws IOException {
        int status = response.status();
        trace.answered(status);
        BodyCapture body = new BodyCapture(response.body());
        ErrorContext withStatus = context.withStatus(status);
        Optional<String> retryAfter = response.header("Retry-After");
        try {
            if (status >= 200 && status <= 299) {
                try {
                    return call.reader().read(body);
                } catch (Malformed m) {
                    throw ErrorMapper.unexpected(withStatus, "The answer could not be read: " + m.getMessage(),
                            body.excerpt(), redactor, m);
                } catch (ErrorInBody e) {
                    throw ErrorMapper.fromBody(context, status, retryAfter, e.envelope(), body.excerpt(),
                            settings.clock().instant(), redactor);
                } catch (RuntimeException e) {
                    if (e instanceof NekorektenException) {
                        throw e;
                    }
                    // A value the domain refused that the mapper did not foresee: still an unusable
                    // answer, never an exception outside the ports' hierarchy.
                    throw ErrorMapper.unexpected(withStatus, "The answer could not be mapped", body.excerpt(),
                            redactor, e);
                }
            }
            if (status >= 300 && status <= 399) {
                // Never read on: a redirect's body and Location may carry another URL's query.
                throw ErrorMapper.fromStatus(context, status, Optional.empty(), Envelope.EMPTY, null,
                        settings.clock().instant(), redactor);
            }
            Envelope envelope = wire.errorEnvelope(body);
            throw ErrorMapper.fromStatus(context, status, retryAfter, envelope, body.excerpt(),
                    settings.clock().instant(), redactor);
        } catch (TransportIOException e) {
            if (e.kind() == TransportIOException.Kind.TOO_LARGE) {
                throw ErrorMapper.unexpected(withStatus, "The answer is larger than the limit of "
                        + settings.maxResponseBytes() + " bytes", body.excerpt(), redactor, e);
            }
            throw e;
        }
    }

    private static Map<String, String> headers(String key, String userAgent, Optional<RequestBody> body,
                                               int attempt, CallTrace trace) {
        Map<String, String> headers = new HashMap<>(8);
        headers.put(API_KEY_HEADER, key);
        headers.put("User-Agent", userAgent);
        headers.put("Accept", "application/json");
        if (body.orElse(null) instanceof RequestBody.Json) {
            headers.put("Content-Type", "application/json; charset=UTF-8");
        }
        Map<String, String> extra = trace.requestHeaders(attempt);
        if (!extra.isEmpty()) {
            // A listener's header (trace context, when the user opted in) never replaces one of ours.
            Set<String> ours = new HashSet<>();
            headers.keySet().forEach(name -> ours.add(name.toLowerCase(Locale.ROOT)));
            extra.forEach((name, value) -> {
                if (!ours.contains(name.toLowerCase(Locale.ROOT))) {
                    headers.put(name, value);
                }
            });
        }
        return headers;
    }
}
