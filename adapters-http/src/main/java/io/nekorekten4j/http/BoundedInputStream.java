package io.nekorekten4j.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Objects;

/**
 * The body stream a transport hands to a handler: it counts bytes and fails with
 * {@link TransportIOException.Kind#TOO_LARGE} past the cap, with {@link TransportIOException.Kind#TIMEOUT}
 * past the call's deadline, and turns any failure of the wire into a {@link TransportIOException}.
 * Once it failed it never reads again: every later read repeats the failure.
 *
 * <p>On failure, on {@link #expire() expiry} and on a close before the end of the body it runs the
 * transport's {@code abort} action instead of closing the wire stream, because closing a pooled
 * response stream drains the rest of the body, and that rest may be huge or endless. Only a stream
 * read to its end is closed normally (so the connection may be reused).
 *
 * <p>Not thread safe for reading (one handler reads it), but {@link #expire()} may be called from a
 * watchdog thread while a read is blocked.
 */
final class BoundedInputStream extends InputStream {

    private final InputStream in;
    private final long maxBytes;
    private final long nanoDeadline;
    private final Runnable abort;

    private long count;
    private boolean eof;
    private boolean closed;
    private TransportIOException failure;

    /** Set by the watchdog; checked after every read, because an aborted read may look like EOF. */
    private volatile TransportIOException expiry;
    /** {@link System#nanoTime()} when the current blocked read began, or 0 when none is under way. */
    private volatile long readStartedNanos;

    /**
     * @param in           the wire stream
     * @param maxBytes     the largest body accepted
     * @param nanoDeadline the {@link System#nanoTime()} value after which reading fails
     * @param abort        discards the exchange without draining it; idempotent
     */
    BoundedInputStream(InputStream in, long maxBytes, long nanoDeadline, Runnable abort) {
        this.in = Objects.requireNonNull(in, "in");
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.nanoDeadline = nanoDeadline;
        this.abort = Objects.requireNonNull(abort, "abort");
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        ensureReadable();
        if (eof) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        // Never ask the wire for more than one byte past the cap: enough to detect the overflow.
        int wanted = (int) Math.min(length, maxBytes - count + 1);
        int n;
        readStartedNanos = System.nanoTime();
        try {
            n = in.read(buffer, offset, wanted);
        } catch (IOException e) {
            // An expiry closes the wire under a blocked read: report why it was closed, not the close.
            TransportIOException expired = expiry;
            throw fail(expired != null ? expired : classify(e, DeadlineWatchdog.passed(nanoDeadline)));
        } finally {
            readStartedNanos = 0;
        }
        TransportIOException expired = expiry;
        if (expired != null) {
            throw fail(expired);
        }
        if (n == -1) {
            eof = true;
            return -1;
        }
        count += n;
        if (count > maxBytes) {
            throw fail(new TransportIOException(TransportIOException.Kind.TOO_LARGE,
                    "the answer is larger than the cap of " + maxBytes + " bytes", null));
        }
        return n;
    }

    /** Skips by reading, so skipped bytes count towards the cap and the deadline still applies. */
    @Override
    public long skip(long n) throws IOException {
        if (n <= 0) {
            return 0;
        }
        byte[] sink = new byte[(int) Math.min(8192, n)];
        long skipped = 0;
        while (skipped < n) {
            int r = read(sink, 0, (int) Math.min(sink.length, n - skipped));
            if (r == -1) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public int available() throws IOException {
        if (closed || eof || failure != null || expiry != null) {
            return 0;
        }
        try {
            return in.available();
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Closes the wire stream when the body was read to its end; otherwise aborts the exchange, so
     * nothing drains the rest of the body.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (eof && failure == null && expiry == null) {
            in.close();
        } else {
            abort.run();
        }
    }

    /**
     * Called by the watchdog when the deadline passes: marks the stream timed out and aborts the
     * exchange, which also wakes a read blocked on the wire.
     */
    void expire() {
        expire(new TransportIOException(TransportIOException.Kind.TIMEOUT,
                "the call deadline passed while reading the answer", null));
    }

    /** Called by the watchdog when no byte came for a whole response timeout during a read. */
    void expireIdle() {
        expire(new TransportIOException(TransportIOException.Kind.TIMEOUT,
                "no byte of the answer came within the response timeout", null));
    }

    /**
     * Fails the stream with {@code why} (the transport was closed, say) and aborts the exchange,
     * waking a blocked read. Does nothing once the body was read to its end.
     */
    void expire(TransportIOException why) {
        if (expiry == null && !eof) {
            expiry = why;
            abort.run();
        }
    }

    /** {@link System#nanoTime()} when the read under way began, or 0 when no read is blocked. */
    long readStartedNanos() {
        return readStartedNanos;
    }

    /** Whether the body was read to its end without failure. */
    boolean completed() {
        return eof && failure == null && expiry == null;
    }

    /** Bytes read so far. */
    long count() {
        return count;
    }

    private void ensureReadable() throws IOException {
        if (failure != null) {
            throw repeat(failure);
        }
        TransportIOException expired = expiry;
        if (expired != null) {
            throw fail(expired);
        }
        if (closed) {
            throw new IOException("the body stream is closed");
        }
        if (!eof && DeadlineWatchdog.passed(nanoDeadline)) {
            throw fail(new TransportIOException(TransportIOException.Kind.TIMEOUT,
                    "the call deadline passed while reading the answer", null));
        }
    }

    private TransportIOException fail(TransportIOException why) {
        if (failure == null) {
            failure = why;
            abort.run();
            return why;
        }
        return repeat(failure);
    }

    /** A fresh exception each time, so a caught-and-rethrown one never gains odd suppressed entries. */
    private static TransportIOException repeat(TransportIOException original) {
        return new TransportIOException(original.kind(), original.getMessage(), original);
    }

    /**
     * Classifies a failure of the wire while reading a body: past the deadline or on a read
     * timeout it is {@link TransportIOException.Kind#TIMEOUT}; anything else means the answer broke
     * off ({@link TransportIOException.Kind#BROKEN}).
     */
    static TransportIOException classify(IOException e, boolean pastDeadline) {
        if (e instanceof TransportIOException transportException) {
            return transportException;
        }
        if (pastDeadline) {
            return new TransportIOException(TransportIOException.Kind.TIMEOUT,
                    "the call deadline passed while reading the answer", e);
        }
        if (e instanceof SocketTimeoutException || e instanceof HttpTimeoutException) {
            return new TransportIOException(TransportIOException.Kind.TIMEOUT,
                    "no byte of the answer came within the response timeout", e);
        }
        return new TransportIOException(TransportIOException.Kind.BROKEN,
                "the answer broke off (" + e.getClass().getSimpleName() + ")", e);
    }
}
