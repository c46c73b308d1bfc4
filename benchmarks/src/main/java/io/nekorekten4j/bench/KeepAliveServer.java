package io.nekorekten4j.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The smallest HTTP/1.1 server that serves the benchmarks: a {@link ServerSocket} on 127.0.0.1
 * that answers every request, whatever its method and path, with one fixed {@code 200} JSON body,
 * and keeps the connection open (keep-alive) until the client closes it or asks
 * {@code Connection: close}.
 *
 * <p>It is deliberately not WireMock or any framework: its own cost per request is a few header
 * reads and one write of a precomputed byte array, so a benchmark measures the client. It counts
 * the connections it accepted and the requests it answered, which is how connection reuse is
 * measured. One thread per connection; start with {@link #start(byte[])}, stop with
 * {@link #close()}.
 */
public final class KeepAliveServer implements AutoCloseable {

    /** The longest request head accepted; the clients under test send a few hundred bytes. */
    private static final int MAX_HEAD_BYTES = 64 * 1024;

    private final ServerSocket socket;
    private final byte[] response;
    private final Thread acceptor;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile String lastTarget;
    private volatile boolean closed;

    private KeepAliveServer(ServerSocket socket, byte[] body) {
        this.socket = socket;
        this.response = responseBytes(body);
        this.acceptor = new Thread(this::acceptLoop, "keep-alive-server-acceptor");
        this.acceptor.setDaemon(true);
    }

    /**
     * Starts a server on an ephemeral port of 127.0.0.1 that answers {@code body} (UTF-8 JSON).
     *
     * @throws IOException when the port cannot be opened
     */
    public static KeepAliveServer start(byte[] body) throws IOException {
        Objects.requireNonNull(body, "body");
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        KeepAliveServer server = new KeepAliveServer(socket, body.clone());
        server.acceptor.start();
        return server;
    }

    /** {@code http://127.0.0.1:<port>}: the base URI to give a client. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    /** How many connections were accepted since the start. */
    public long acceptedConnections() {
        return accepted.get();
    }

    /** How many requests were answered since the start. */
    public long requests() {
        return requests.get();
    }

    /**
     * The request target (path and query, as on the request line) of the last request answered,
     * if any: how a benchmark checks that two clients ask the same question.
     */
    public Optional<String> lastRequestTarget() {
        return Optional.ofNullable(lastTarget);
    }

    /** Stops accepting and closes every open connection. Idempotent. */
    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // Closing a listening socket fails only when it is already closed.
        }
        for (Socket s : open) {
            closeQuietly(s);
        }
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket connection;
            try {
                connection = socket.accept();
            } catch (IOException e) {
                return; // closed
            }
            accepted.incrementAndGet();
            open.add(connection);
            Thread worker = new Thread(() -> serve(connection), "keep-alive-server-connection");
            worker.setDaemon(true);
            worker.start();
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            connection.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(connection.getInputStream(), 8192);
            OutputStream out = connection.getOutputStream();
            while (!closed) {
                Head head = readHead(in);
                if (head == null) {
                    return; // the client closed the connection
                }
                skip(in, head.contentLength);
                lastTarget = head.target;
                // Counted before the answer leaves, so a client that has its answer sees the count.
                requests.incrementAndGet();
                out.write(response);
                out.flush();
                if (head.close) {
                    return;
                }
            }
        } catch (SocketException e) {
            // The client or close() dropped the connection.
        } catch (IOException e) {
            // A broken request: drop the connection, as a real server would.
        } finally {
            open.remove(connection);
        }
    }

    /** Reads a request head; {@code null} at a clean end of stream before any byte. */
    private static Head readHead(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(128);
        long contentLength = 0;
        boolean close = false;
        String target = null;
        boolean first = true;
        int total = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (first && line.length() == 0) {
                    return null;
                }
                throw new IOException("the request head ended early");
            }
            if (++total > MAX_HEAD_BYTES) {
                throw new IOException("the request head is too long");
            }
            if (b == '\n') {
                int end = line.length() > 0 && line.charAt(line.length() - 1) == '\r' ? line.length() - 1 : line.length();
                String text = line.substring(0, end);
                line.setLength(0);
                if (text.isEmpty()) {
                    if (first) {
                        continue; // tolerate a stray empty line between requests
                    }
                    return new Head(target, contentLength, close);
                }
                if (first) {
                    target = requestTarget(text);
                } else {
                    int colon = text.indexOf(':');
                    if (colon > 0) {
                        String name = text.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                        String value = text.substring(colon + 1).trim();
                        if (name.equals("content-length")) {
                            contentLength = Long.parseLong(value);
                        } else if (name.equals("connection") && value.toLowerCase(Locale.ROOT).contains("close")) {
                            close = true;
                        }
                    }
                }
                first = false;
            } else {
                line.append((char) b);
            }
        }
    }

    /** The target of a request line {@code METHOD SP target SP version}. */
    private static String requestTarget(String requestLine) throws IOException {
        int start = requestLine.indexOf(' ');
        int end = requestLine.lastIndexOf(' ');
        if (start < 0 || end <= start) {
            throw new IOException("not a request line");
        }
        return requestLine.substring(start + 1, end);
    }

    private static void skip(InputStream in, long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long n = in.skip(left);
            if (n <= 0) {
                if (in.read() < 0) {
                    throw new IOException("the request body ended early");
                }
                n = 1;
            }
            left -= n;
        }
    }

    private static byte[] responseBytes(byte[] body) {
        byte[] head = ("HTTP/1.1 200 OK\r\n"
                + "Content-Type: application/json; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: keep-alive\r\n"
                + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // Already closed by its worker.
        }
    }

    private record Head(String target, long contentLength, boolean close) {
    }
}
