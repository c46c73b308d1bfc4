package io.nekorekten4j.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A hostile HTTP/1.1 server on a raw socket on 127.0.0.1, for what WireMock cannot do: reset or
 * close a connection after reading a request head, hold a request forever, answer a head and then
 * stall. It counts every request head it reads (with the time), the connections open now and the
 * most ever open at once.
 *
 * <p>What it does with the n-th request (1-based, over all connections) is decided by a function
 * given at start; after {@link Behaviour#OK} the connection is kept alive for the next request.
 */
final class RawSocketServer implements AutoCloseable {

    /** What the server does with one request. */
    enum Behaviour {
        /** Resets the connection (RST) without a byte of answer. */
        RESET,
        /** Closes the connection (FIN, an EOF for the client) without a byte of answer. */
        CLOSE,
        /** Reads on and never answers, until the client closes the connection or the server stops. */
        HANG,
        /** Answers {@code 200} with the body {@code {}}, keeping the connection alive. */
        OK,
        /** Holds the request {@link #HOLD} and then answers like {@link #OK}. */
        OK_AFTER_HOLD,
        /** Sends a {@code 200} head announcing 100 bytes, two of them, then stalls like {@link #HANG}. */
        HEAD_THEN_STALL
    }

    /** How long {@link Behaviour#OK_AFTER_HOLD} holds a request. */
    static final Duration HOLD = Duration.ofMillis(150);

    private final ServerSocket socket;
    private final IntFunction<Behaviour> script;
    private final Thread acceptor;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<Long> requestNanos = new CopyOnWriteArrayList<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger maxOpen = new AtomicInteger();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile CountDownLatch requestSeen = new CountDownLatch(1);

    private RawSocketServer(IntFunction<Behaviour> script) throws IOException {
        this.socket = new ServerSocket(0, 64, InetAddress.getByName("127.0.0.1"));
        this.script = script;
        this.acceptor = new Thread(this::acceptLoop, "raw-socket-server-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a server that treats the n-th request (1-based) as {@code script} says. */
    static RawSocketServer start(IntFunction<Behaviour> script) throws IOException {
        return new RawSocketServer(script);
    }

    /** Starts a server that treats every request alike. */
    static RawSocketServer always(Behaviour behaviour) throws IOException {
        return new RawSocketServer(n -> behaviour);
    }

    /** {@code http://127.0.0.1:port} plus {@code pathAndQuery}. */
    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + pathAndQuery);
    }

    /** Request heads read so far. */
    int requests() {
        return requests.get();
    }

    /** The most request heads read within any {@code window}. */
    int mostRequestsWithin(Duration window) {
        List<Long> times = new ArrayList<>(requestNanos);
        times.sort(Long::compare);
        int most = 0;
        int from = 0;
        for (int to = 0; to < times.size(); to++) {
            while (times.get(to) - times.get(from) >= window.toNanos()) {
                from++;
            }
            most = Math.max(most, to - from + 1);
        }
        return most;
    }

    /** Connections open now (closed by neither side). */
    int openConnections() {
        return open.get();
    }

    /** The most connections ever open at once. */
    int mostConnectionsAtOnce() {
        return maxOpen.get();
    }

    /** Waits until the next request head arrives (or one arrived since the last call). */
    boolean awaitRequest(Duration timeout) throws InterruptedException {
        boolean seen = requestSeen.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        requestSeen = new CountDownLatch(1);
        return seen;
    }

    /** Waits until no connection is open, for at most {@code timeout}; whether that happened. */
    boolean awaitNoOpenConnection(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (open.get() > 0) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        stopped.countDown();
        socket.close();
        for (Socket s : sockets) {
            s.close();
        }
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                return;
            }
            sockets.add(client);
            maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
            Thread worker = new Thread(() -> serve(client), "raw-socket-connection");
            worker.setDaemon(true);
            worker.start();
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                skipBody(in, head);
                int n = requests.incrementAndGet();
                requestNanos.add(System.nanoTime());
                requestSeen.countDown();
                switch (script.apply(n)) {
                    case RESET -> {
                        client.setSoLinger(true, 0);
                        return;
                    }
                    case CLOSE -> {
                        return;
                    }
                    case HANG -> {
                        drainUntilClosed(in);
                        return;
                    }
                    case OK -> answer(out);
                    case OK_AFTER_HOLD -> {
                        if (stopped.await(HOLD.toMillis(), TimeUnit.MILLISECONDS)) {
                            return;
                        }
                        answer(out);
                    }
                    case HEAD_THEN_STALL -> {
                        out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\""
                                .getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        drainUntilClosed(in);
                        return;
                    }
                    default -> throw new IllegalStateException("unknown behaviour");
                }
            }
        } catch (IOException | InterruptedException e) {
            // The client went away or the server stopped: the connection is over either way.
        } finally {
            sockets.remove(client);
            open.decrementAndGet();
        }
    }

    private static void answer(OutputStream out) throws IOException {
        out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads until the client closes (or resets) the connection. */
    private static void drainUntilClosed(InputStream in) throws IOException {
        byte[] sink = new byte[1024];
        try {
            while (in.read(sink) != -1) {
                // discard
            }
        } catch (SocketException e) {
            // reset by the client: closed all the same
        }
    }

    /** The request head up to the blank line, or {@code null} when the connection ended first. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b;
            try {
                b = in.read();
            } catch (SocketException e) {
                return null;
            }
            if (b == -1) {
                return null;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static void skipBody(InputStream in, String head) throws IOException {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                long length = Long.parseLong(line.substring("content-length:".length()).trim());
                in.readNBytes((int) length);
            }
        }
    }
}
