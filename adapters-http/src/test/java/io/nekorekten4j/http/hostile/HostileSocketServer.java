package io.nekorekten4j.http.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback server that misbehaves in ways WireMock cannot: each connection reads one request
 * (head, and body by {@code Content-Length} when told to) and hands the socket to a script. It
 * records every request head it read, so a test counts what reached the server. Closing it closes
 * every connection it holds.
 */
final class HostileSocketServer implements AutoCloseable {

    /** What the server does with one connection after reading its request. */
    @FunctionalInterface
    interface Script {
        /** Answers (or does not) on {@code out}; {@code in} is positioned after the request head. */
        void run(Request request, InputStream in, OutputStream out) throws IOException, InterruptedException;
    }

    /** A request head as read, and the body bytes read with it. */
    record Request(String head, byte[] body) {
        String requestLine() {
            return head.lines().findFirst().orElse("");
        }

        String header(String name) {
            return head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":"))
                    .map(l -> l.substring(name.length() + 1).strip()).findFirst().orElse(null);
        }
    }

    private final ServerSocket listening;
    private final Thread acceptor;
    private final boolean readBody;
    private final Script script;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final List<Thread> handlers = new CopyOnWriteArrayList<>();

    private HostileSocketServer(boolean readBody, Script script) throws IOException {
        this.readBody = readBody;
        this.script = script;
        this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "hostile-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A server that reads each request's head and body, then runs {@code script}. */
    static HostileSocketServer start(Script script) throws IOException {
        return new HostileSocketServer(true, script);
    }

    /**
     * A server that reads only the first request's head of each connection (its body stays
     * unread), runs {@code script}, then discards whatever else the client sends.
     */
    static HostileSocketServer startReadingHeadsOnly(Script script) throws IOException {
        return new HostileSocketServer(false, script);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + listening.getLocalPort();
    }

    /** The requests read so far, in order. */
    List<Request> requests() {
        return new ArrayList<>(requests);
    }

    private void accept() {
        while (!listening.isClosed()) {
            try {
                Socket connection = listening.accept();
                connections.add(connection);
                Thread handler = new Thread(() -> handle(connection), "hostile-connection");
                handler.setDaemon(true);
                handlers.add(handler);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            while (!connection.isClosed()) {
                String head = readHead(in);
                if (head.isEmpty()) {
                    return;
                }
                byte[] body = new byte[0];
                Request partial = new Request(head, body);
                if (readBody) {
                    String length = partial.header("Content-Length");
                    if (length != null) {
                        body = in.readNBytes(Integer.parseInt(length));
                    }
                }
                Request request = new Request(head, body);
                requests.add(request);
                script.run(request, in, out);
                out.flush();
                if (!readBody) {
                    // The body was not read, so the next bytes are not a request head: hold the
                    // connection open, silent, until the client or the test closes it.
                    while (in.read() != -1) {
                        // discard
                    }
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // The client went away or the test closed the server: nothing to answer.
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int c;
        while ((c = in.read()) != -1) {
            head.write(c);
            matched = (c == '\r' && (matched == 0 || matched == 2)) || (c == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : (c == '\r' ? 1 : 0);
            if (matched == 4) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Writes {@code text} as ISO-8859-1 bytes and flushes. */
    static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Blocks until the test closes the server (the connection stays open, silent). */
    static void hang() throws InterruptedException {
        Thread.sleep(Long.MAX_VALUE);
    }

    @Override
    public void close() throws IOException {
        listening.close();
        for (Socket connection : connections) {
            connection.close();
        }
        handlers.forEach(Thread::interrupt);
    }
}
