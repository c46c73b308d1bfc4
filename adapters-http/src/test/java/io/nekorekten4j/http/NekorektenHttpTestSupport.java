package io.nekorekten4j.http;

import io.nekorekten4j.cache.CacheOptions;
import io.nekorekten4j.ports.QuotaPlan;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Shared helpers of the client's tests: keys, fixtures, a virtual clock and a recording sleeper. */
final class NekorektenHttpTestSupport {

    private static final SecureRandom RANDOM = new SecureRandom();

    private NekorektenHttpTestSupport() {
    }

    /** A unique random API key: the quota gate is JVM-wide per key, so tests never share one. */
    static String randomKey() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "k3y" + HexFormat.of().formatHex(bytes);
    }

    /** A new transport of the named kind. */
    static Transport transport(String kind) {
        return switch (kind) {
            case "apache" -> ApacheTransport.builder().build();
            case "jdk" -> JdkTransport.builder().build();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** The fixture {@code name} under {@code src/test/resources/fixtures}, as text. */
    static String fixture(String name) {
        try (InputStream in = NekorektenHttpTestSupport.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A body stream over {@code text}, UTF-8, as a transport would hand it over. */
    static JsonCodec.BodyCapture body(String text) {
        return new JsonCodec.BodyCapture(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A body stream over raw bytes. */
    static JsonCodec.BodyCapture body(byte[] bytes) {
        return new JsonCodec.BodyCapture(new ByteArrayInputStream(bytes));
    }

    /**
     * A client builder for tests against {@code baseUrl}: a huge quota, no real sleeping, a test
     * clock, short timeouts, and no cache (every call is a request; the cache has its own tests).
     */
    static NekorektenHttp.Builder client(String baseUrl, String key, Transport transport, VirtualTime sleeper) {
        return NekorektenHttp.builder()
                .baseUri(baseUrl)
                .apiKey(key)
                .transport(transport)
                .quota(QuotaPlan.perMinute(100_000))
                .connectTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(20))
                .clock(sleeper)
                .sleeper(sleeper)
                .cache(CacheOptions.disabled());
    }

    /**
     * Captures what is written to {@link System#err} (where slf4j-simple logs) until closed, and
     * passes it on to the real stream then.
     */
    static final class StdErrCapture implements AutoCloseable {
        private final java.io.PrintStream original = System.err;
        private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();

        StdErrCapture() {
            System.setErr(new java.io.PrintStream(buffer, true, StandardCharsets.UTF_8));
        }

        /** Everything written so far. */
        String text() {
            System.err.flush();
            return buffer.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            String text = text();
            System.setErr(original);
            original.print(text);
        }
    }
}
