package io.nekorekten4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedInputStreamTest {

    /** A deadline no test run reaches. */
    private static final long FAR = System.nanoTime() + 3_600_000_000_000L;

    private final AtomicInteger aborts = new AtomicInteger();

    /** Counts reads and closes of the wire stream. */
    private static final class Wire extends InputStream {
        private final InputStream data;
        private final IOException failure;
        int reads;
        boolean closed;

        Wire(byte[] data) {
            this(data, null);
        }

        Wire(byte[] data, IOException failure) {
            this.data = new ByteArrayInputStream(data);
            this.failure = failure;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            reads++;
            int n = data.read(b, off, len);
            if (n == -1 && failure != null) {
                throw failure;
            }
            return n;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private BoundedInputStream bounded(Wire wire, long max, long deadline) {
        return new BoundedInputStream(wire, max, deadline, aborts::incrementAndGet);
    }

    @Test
    void aBodyUpToTheCapReadsWhole() throws IOException {
        Wire wire = new Wire(new byte[100]);
        BoundedInputStream body = bounded(wire, 100, FAR);

        assertThat(body.readAllBytes()).hasSize(100);
        assertThat(body.completed()).isTrue();
        body.close();
        assertThat(wire.closed).isTrue();
        assertThat(aborts).hasValue(0);
    }

    @Test
    void oneBytePastTheCapIsTooLargeAndAbortsTheExchange() {
        Wire wire = new Wire(new byte[101]);
        BoundedInputStream body = bounded(wire, 100, FAR);

        TransportIOException failure = catchThrowableOfType(TransportIOException.class, body::readAllBytes);

        assertThat(failure.kind()).isEqualTo(TransportIOException.Kind.TOO_LARGE);
        assertThat(failure).hasMessageContaining("100");
        assertThat(body.count()).isEqualTo(101);
        assertThat(aborts).hasValue(1);
    }

    @Test
    void neverAsksTheWireForMoreThanOneBytePastTheCap() throws IOException {
        Wire wire = new Wire(new byte[10_000]);
        BoundedInputStream body = bounded(wire, 10, FAR);

        catchThrowableOfType(TransportIOException.class, () -> body.read(new byte[8192], 0, 8192));

        assertThat(body.count()).isEqualTo(11);
        assertThat(wire.data.available()).isEqualTo(10_000 - 11);
    }

    @Test
    void afterAFailureItNeverReadsTheWireAgain() {
        Wire wire = new Wire(new byte[50]);
        BoundedInputStream body = bounded(wire, 10, FAR);
        catchThrowableOfType(TransportIOException.class, body::readAllBytes);
        int readsAtFailure = wire.reads;

        TransportIOException again = catchThrowableOfType(TransportIOException.class, body::read);
        TransportIOException skip = catchThrowableOfType(TransportIOException.class, () -> body.skip(5));

        assertThat(again.kind()).isEqualTo(TransportIOException.Kind.TOO_LARGE);
        assertThat(skip.kind()).isEqualTo(TransportIOException.Kind.TOO_LARGE);
        assertThat(wire.reads).isEqualTo(readsAtFailure);
    }

    @Test
    void aDeadlineAlreadyPassedIsATimeoutBeforeAnyRead() {
        Wire wire = new Wire(new byte[10]);
        BoundedInputStream body = bounded(wire, 100, System.nanoTime() - 1);

        TransportIOException failure = catchThrowableOfType(TransportIOException.class, body::read);

        assertThat(failure.kind()).isEqualTo(TransportIOException.Kind.TIMEOUT);
        assertThat(wire.reads).isZero();
        assertThat(aborts).hasValue(1);
    }

    @Test
    void anExpiredStreamIsATimeoutEvenWhenTheAbortedWireLooksLikeItsEnd() {
        // Closing the JDK's body stream from another thread makes a blocked read return -1.
        Wire wire = new Wire(new byte[0]);
        BoundedInputStream body = bounded(wire, 100, FAR);
        body.expire();

        TransportIOException failure = catchThrowableOfType(TransportIOException.class, body::read);

        assertThat(failure.kind()).isEqualTo(TransportIOException.Kind.TIMEOUT);
        assertThat(body.completed()).isFalse();
        assertThat(aborts.get()).isPositive();
    }

    @Test
    void aReadThatFailsBecauseTheWatchdogClosedTheWireIsATimeout() {
        BoundedInputStream[] holder = new BoundedInputStream[1];
        InputStream closedUnderTheRead = new InputStream() {
            @Override
            public int read() throws IOException {
                holder[0].expire();
                throw new IOException("closed");
            }
        };
        holder[0] = new BoundedInputStream(closedUnderTheRead, 100, FAR, aborts::incrementAndGet);

        TransportIOException failure = catchThrowableOfType(TransportIOException.class, holder[0]::read);

        assertThat(failure.kind()).isEqualTo(TransportIOException.Kind.TIMEOUT);
    }

    @Test
    void anIdleExpiryIsATimeoutToo() {
        BoundedInputStream body = bounded(new Wire(new byte[5]), 100, FAR);
        body.expireIdle();

        assertThat(catchThrowableOfType(TransportIOException.class, body::readAllBytes).kind())
                .isEqualTo(TransportIOException.Kind.TIMEOUT);
    }

    @Test
    void aBodyReadToItsEndCannotExpireAnyMore() throws IOException {
        BoundedInputStream body = bounded(new Wire(new byte[5]), 100, FAR);
        body.readAllBytes();

        body.expire();

        assertThat(body.completed()).isTrue();
        assertThat(aborts).hasValue(0);
    }

    @Test
    void aBrokenWireIsBrokenAndAReadTimeoutIsATimeout() {
        BoundedInputStream reset = bounded(new Wire(new byte[3], new SocketException("Connection reset")), 100, FAR);
        BoundedInputStream slow = bounded(new Wire(new byte[3], new SocketTimeoutException("Read timed out")), 100, FAR);

        assertThat(catchThrowableOfType(TransportIOException.class, reset::readAllBytes).kind())
                .isEqualTo(TransportIOException.Kind.BROKEN);
        assertThat(catchThrowableOfType(TransportIOException.class, slow::readAllBytes).kind())
                .isEqualTo(TransportIOException.Kind.TIMEOUT);
    }

    @Test
    void aWireFailurePastTheDeadlineIsATimeout() {
        TransportIOException failure = BoundedInputStream.classify(new SocketException("Socket closed"), true);

        assertThat(failure.kind()).isEqualTo(TransportIOException.Kind.TIMEOUT);
        assertThat(failure).hasCauseInstanceOf(SocketException.class);
    }

    @Test
    void closingBeforeTheEndAbortsInsteadOfClosingTheWire() throws IOException {
        Wire wire = new Wire(new byte[1000]);
        BoundedInputStream body = bounded(wire, 10_000, FAR);
        body.read();

        body.close();
        body.close();

        assertThat(wire.closed).isFalse();
        assertThat(aborts).hasValue(1);
        assertThat(catchThrowableOfType(IOException.class, body::read)).hasMessageContaining("closed");
    }

    @Test
    void skippedBytesCountTowardsTheCap() {
        BoundedInputStream body = bounded(new Wire(new byte[50]), 20, FAR);

        TransportIOException failure = catchThrowableOfType(TransportIOException.class, () -> body.skip(50));

        assertThat(failure.kind()).isEqualTo(TransportIOException.Kind.TOO_LARGE);
    }

    @Test
    void singleByteReadsAreCountedToo() throws IOException {
        BoundedInputStream body = bounded(new Wire(new byte[] {7, 8}), 1, FAR);

        assertThat(body.read()).isEqualTo(7);
        assertThat(catchThrowableOfType(TransportIOException.class, body::read).kind())
                .isEqualTo(TransportIOException.Kind.TOO_LARGE);
    }
}
