package io.nekorekten4j.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP {@code CONNECT} proxy on loopback, small enough to read: it accepts tunnels to
 * loopback ports only (a test never reaches another host), can demand a {@code Proxy-Authorization}
 * (answering 407 with a Basic challenge, keeping the connection open for the retry), then pipes
 * bytes both ways. It records what a test asserts on: each {@code CONNECT} target, the
 * {@code Proxy-Authorization} values it was offered, its 407s, and every byte a client sent it
 * (request heads and tunnelled bytes alike).
 */
final class ConnectProxy implements AutoCloseable {

    private static final int MAX_HEAD = 16 * 1024;

    private final ServerSocket server;
    private final Optional<String> requiredAuthorization;
    private final List<String> tunnels = new CopyOnWriteArrayList<>();
    private final List<String> authorizationsOffered = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger challenges = new AtomicInteger();
    private final ByteArrayOutputStream fromClients = new ByteArrayOutputStream();
    private final Thread acceptor;

    /** A proxy that lets anyone through. */
    static ConnectProxy open() {
        return new ConnectProxy(Optional.empty());
    }

    /** A proxy that demands {@code Proxy-Authorization: Basic base64(user:password)}. */
    static ConnectProxy requiring(String user, String password) {
        String token = java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new ConnectProxy(Optional.of("Basic " + token));
    }

    private ConnectProxy(Optional<String> requiredAuthorization) {
        this.requiredAuthorization = requiredAuthorization;
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the test proxy", e);
        }
        this.acceptor = new Thread(this::acceptLoop, "test-connect-proxy-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The port it listens on, at 127.0.0.1. */
    int port() {
        return server.getLocalPort();
    }

    /** The {@code host:port} of every tunnel opened, in order. */
    List<String> tunnels() {
        return List.copyOf(tunnels);
    }

    /** Every {@code Proxy-Authorization} value offered, in order. */
    List<String> authorizationsOffered() {
        return List.copyOf(authorizationsOffered);
    }

    /** How many 407s it answered. */
    int challenges() {
        return challenges.get();
    }

    /** How many connections clients opened to it. */
    int connections() {
        return connections.get();
    }

    /** Every byte clients sent it, heads and tunnelled bytes, as ISO-8859-1 text (for searching). */
    String bytesFromClients() {
        synchronized (fromClients) {
            return fromClients.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            for (Socket socket : sockets) {
                closeQuietly(socket);
            }
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                connections.incrementAndGet();
                sockets.add(client);
                Thread handler = new Thread(() -> serve(client), "test-connect-proxy-conn");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                Optional<String> head = readHead(in);
                if (head.isEmpty()) {
                    return;
                }
                String[] lines = head.get().split("\r\n");
                String[] requestLine = lines[0].split(" ");
                Map<String, String> headers = new HashMap<>();
                for (int i = 1; i < lines.length; i++) {
                    int colon = lines[i].indexOf(':');
                    if (colon > 0) {
                        headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                                lines[i].substring(colon + 1).trim());
                    }
                }
                if (requestLine.length != 3 || !requestLine[0].equals("CONNECT")) {
                    answer(out, "405 Method Not Allowed", "Connection: close\r\n");
                    return;
                }
                String offered = headers.get("proxy-authorization");
                if (offered != null) {
                    authorizationsOffered.add(offered);
                }
                if (requiredAuthorization.isPresent() && !requiredAuthorization.get().equals(offered)) {
                    challenges.incrementAndGet();
                    answer(out, "407 Proxy Authentication Required",
                            "Proxy-Authenticate: Basic realm=\"test-proxy\"\r\n");
                    continue; // the client may retry on this connection, or close it
                }
                tunnel(client, out, requestLine[1]);
                return;
            }
        } catch (IOException e) {
            // The client or the upstream went away: the test asserts on what was recorded.
        }
    }

    private void tunnel(Socket client, OutputStream out, String target) throws IOException {
        int colon = target.lastIndexOf(':');
        String host = target.substring(0, colon);
        int port = Integer.parseInt(target.substring(colon + 1));
        if (!(host.equals("localhost") || host.equals("127.0.0.1"))) {
            answer(out, "403 Forbidden", "Connection: close\r\n");
            return;
        }
        try (Socket upstream = new Socket()) {
            sockets.add(upstream);
            upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            tunnels.add(target);
            out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread up = new Thread(() -> pipe(client, upstream, true), "test-connect-proxy-up");
            up.setDaemon(true);
            up.start();
            pipe(upstream, client, false);
            try {
                up.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void pipe(Socket from, Socket to, boolean record) {
        byte[] buffer = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) != -1) {
                if (record) {
                    synchronized (fromClients) {
                        fromClients.write(buffer, 0, n);
                    }
                }
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private Optional<String> readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b == -1) {
                return Optional.empty();
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (head.size() > MAX_HEAD) {
                throw new IOException("request head too long");
            }
        }
        byte[] bytes = head.toByteArray();
        synchronized (fromClients) {
            fromClients.write(bytes, 0, bytes.length);
        }
        return Optional.of(new String(bytes, 0, bytes.length - 4, StandardCharsets.ISO_8859_1));
    }

    private static void answer(OutputStream out, String status, String extraHeaders) throws IOException {
        out.write(("HTTP/1.1 " + status + "\r\n" + extraHeaders + "Content-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public String toString() {
        return "ConnectProxy[port=" + port() + ", tunnels=" + tunnels + "]";
    }
}
