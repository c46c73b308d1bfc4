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
    static NekorektenHttp.Builder client(String baseUrl, String key, Transport transport, RecordingSleeper sleeper) {
        return NekorektenHttp.builder()
                .baseUri(baseUrl)
                .apiKey(key)
                .transport(transport)
                .quota(QuotaPlan.perMinute(100_000))
                .connectTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(20))
                .clock(sleeper.clock())
                .sleeper(sleeper)
                .cache(CacheOptions.disabled());
    }

    /** A clock that stands still until advanced; starts at the real now, so deadlines stay real. */
    static final class TestClock extends Clock {
        private Instant now = Instant.now();

        @Override
        public synchronized Instant instant() {
            return now;
        }

        synchronized void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("a test clock has one zone");
        }
    }

    /** A sleeper that records each wait and advances its clock by it instead of sleeping. */
    static final class RecordingSleeper implements Sleeper {
        private final TestClock clock = new TestClock();
        private final List<Duration> sleeps = new ArrayList<>();

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            synchronized (this) {
                sleeps.add(duration);
            }
            clock.advance(duration);
        }

        TestClock clock() {
            return clock;
        }

        synchronized List<Duration> sleeps() {
            return List.copyOf(sleeps);
        }

        synchronized Duration total() {
            return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
        }
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
