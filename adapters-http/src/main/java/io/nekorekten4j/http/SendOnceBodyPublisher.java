package io.nekorekten4j.http;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The body publisher {@link JdkTransport} gives every request, so that the JDK client can write
 * the request to the wire at most once, and so that the transport learns when it was written.
 *
 * <p>Why: on a connection that breaks (EOF or reset) before the first byte of an answer, the JDK
 * client ({@code jdk.internal.net.http.MultiExchange}, Java 17 to 25 at least) re-sends a
 * {@code GET} or {@code HEAD} once by itself, on fresh connections as on pooled ones, and any
 * method when {@code jdk.httpclient.enableAllMethodRetry} is set anywhere in the JVM. That second
 * request bypasses the quota gate. No switch of the client turns it off; but the client asks the
 * body publisher for its {@link #contentLength()} each time it builds the head of a request, once
 * per transmission and before any byte of it is written ({@code Http1Request.headers()}, called
 * under a {@code catch (Throwable)} that closes the connection and fails the exchange). The first
 * call here answers; a second one throws {@link ResendRefusedException}, so the re-send dies
 * before it reaches the wire, and the call fails with the error of the first transmission's
 * broken connection instead.
 *
 * <p>Thread safe: the client calls it from its own threads.
 */
final class SendOnceBodyPublisher implements HttpRequest.BodyPublisher {

    /** What the transport learns about the transmission. Called on the JDK client's threads; must not block. */
    interface Listener {
        /**
         * The connection is open and the head of the request is about to be written.
         *
         * @throws TransmissionRefusedException to stop the request from being written at all
         *                                      (the call was aborted meanwhile)
         */
        void headWriting();

        /** The last byte of the body was handed to the connection (not called for an empty body). */
        void bodyHandedOver();
    }

    private final HttpRequest.BodyPublisher delegate;
    private final Listener listener;
    private final AtomicInteger transmissions = new AtomicInteger();

    /**
     * @param delegate the body as the JDK would publish it
     * @param listener told when the head and the body go out
     */
    SendOnceBodyPublisher(HttpRequest.BodyPublisher delegate, Listener listener) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * The body's length, for the first transmission only.
     *
     * @throws TransmissionRefusedException when the client is about to write the request a second
     *                                      time, or the listener refuses the first
     */
    @Override
    public long contentLength() {
        if (transmissions.incrementAndGet() > 1) {
            throw new TransmissionRefusedException(TransmissionRefusedException.RESEND);
        }
        listener.headWriting();
        return delegate.contentLength();
    }

    /** How many times the client started to write this request (refused ones included). */
    int transmissionsStarted() {
        return transmissions.get();
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        delegate.subscribe(new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscriber.onSubscribe(subscription);
            }

            @Override
            public void onNext(ByteBuffer item) {
                subscriber.onNext(item);
            }

            @Override
            public void onError(Throwable throwable) {
                subscriber.onError(throwable);
            }

            @Override
            public void onComplete() {
                listener.bodyHandedOver();
                subscriber.onComplete();
            }
        });
    }

    /**
     * Thrown into the JDK client to stop it writing a request. It never reaches a caller:
     * {@link JdkTransport} reports why the exchange ended instead (the first transmission's broken
     * connection, a timeout, the transport's close).
     */
    static final class TransmissionRefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** The message when the client tried to write the request a second time. */
        static final String RESEND = "the JDK HTTP client tried to send the request a second time; refused";

        /**
         * @param message why the transmission was refused
         */
        TransmissionRefusedException(String message) {
            // No stack trace: its origin is always the same place.
            super(message, null, false, false);
        }

        /** Whether this refused a second transmission (rather than a first one after an abort). */
        boolean refusedResend() {
            return RESEND.equals(getMessage());
        }
    }
}
