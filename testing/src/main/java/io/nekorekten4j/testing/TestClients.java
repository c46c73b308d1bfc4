package io.nekorekten4j.testing;

import io.nekorekten4j.http.ApacheTransport;
import io.nekorekten4j.http.JdkTransport;
import io.nekorekten4j.http.NekorektenHttp;
import io.nekorekten4j.http.RetryOptions;
import io.nekorekten4j.http.Sleeper;
import io.nekorekten4j.http.Transport;
import io.nekorekten4j.http.VirtualTime;
import io.nekorekten4j.ports.QuotaPlan;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Client presets for tests of code that uses {@link NekorektenHttp}: a builder already set up so
 * that every call is exactly one request on the wire and no test waits in real time, against a
 * stub or the fake server. Only the public builder is used, so whatever you add to the returned
 * builder wins.
 *
 * <pre>{@code
 * VirtualTime time = VirtualTime.create();
 * try (NekorektenHttp api = TestClients.oneRequestPerCall(fakeServer.baseUri(), TestClients.randomApiKey(),
 *         TestClients.Wire.APACHE, time).build()) {
 *     ...
 * }
 * }</pre>
 */
public final class TestClients {

    /** A quota so large that no test meets it: the client's own gate never delays a test call. */
    public static final QuotaPlan UNLIMITED_FOR_TESTS = QuotaPlan.perMinute(100_000);

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestClients() {
    }

    /** The transports the project ships, to run a test on each. */
    public enum Wire {
        /** Apache HttpClient 5, the client's default. */
        APACHE(() -> ApacheTransport.builder().build()),
        /** {@code java.net.http}. */
        JDK(() -> JdkTransport.builder().build());

        private final Supplier<Transport> transports;

        Wire(Supplier<Transport> transports) {
            this.transports = transports;
        }

        /** A new transport of this kind, with its defaults; the client that gets it closes it. */
        public Transport newTransport() {
            return transports.get();
        }
    }

    /**
     * A fresh random API key ({@code k3y} and 32 hex digits): clients share quota state per
     * (origin, key), so a key of its own keeps one test's quota away from another's.
     */
    public static String randomApiKey() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "k3y" + HexFormat.of().formatHex(bytes);
    }

    /**
     * A builder for a client of {@code baseUri} with {@code apiKey} on {@code wire}, on virtual
     * {@code time}: see {@link #oneRequestPerCall(URI, String, Wire, Clock, Sleeper)}.
     *
     * @throws NullPointerException when an argument is null
     */
    public static NekorektenHttp.Builder oneRequestPerCall(URI baseUri, String apiKey, Wire wire, VirtualTime time) {
        Objects.requireNonNull(time, "time");
        return oneRequestPerCall(baseUri, apiKey, wire, time, time);
    }

    /**
     * A builder for a client of {@code baseUri} with {@code apiKey} on {@code wire} where every
     * call is exactly one request: {@link #UNLIMITED_FOR_TESTS} as the plan and no retries. Its
     * socket timeouts (connect 2 s, response 10 s) are real time and leave room for a loaded build
     * machine; a test of a stalling server sets shorter ones. A quota wait may last 10 minutes of
     * {@code clock} (a 429's {@code Retry-After} is honoured in full, in no real time when
     * {@code clock} and {@code sleeper} are virtual) and a whole call 11. The result cache is left
     * at the builder's default.
     *
     * @throws NullPointerException when an argument is null
     */
    public static NekorektenHttp.Builder oneRequestPerCall(URI baseUri, String apiKey, Wire wire, Clock clock,
                                                           Sleeper sleeper) {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(wire, "wire");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        return NekorektenHttp.builder()
                .baseUri(baseUri)
                .apiKey(apiKey)
                .transport(wire.newTransport())
                .quota(UNLIMITED_FOR_TESTS)
                .retry(RetryOptions.disabled())
                .connectTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(10))
                .permitWaitTimeout(Duration.ofMinutes(10))
                .callTimeout(Duration.ofMinutes(11))
                .clock(clock)
                .sleeper(sleeper);
    }
}
