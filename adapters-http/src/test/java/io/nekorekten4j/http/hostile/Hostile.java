package io.nekorekten4j.http.hostile;

import io.nekorekten4j.cache.CacheOptions;
import io.nekorekten4j.http.ApacheTransport;
import io.nekorekten4j.http.CircuitBreakerOptions;
import io.nekorekten4j.http.JdkTransport;
import io.nekorekten4j.http.NekorektenHttp;
import io.nekorekten4j.http.RetryOptions;
import io.nekorekten4j.http.Transport;
import io.nekorekten4j.http.VirtualTime;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.QuotaPlan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/** What the hostile-server tests share: public API only, as an outside user would write it. */
final class Hostile {

    static final String[] TRANSPORTS = {"apache", "jdk"};
    private static final SecureRandom RANDOM = new SecureRandom();

    private Hostile() {
    }

    /** A fresh key per client: the quota is shared JVM-wide per (origin, key). */
    static String key() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "HOSTILE-" + HexFormat.of().formatHex(bytes);
    }

    static Transport transport(String kind) {
        return switch (kind) {
            case "apache" -> ApacheTransport.builder().build();
            case "jdk" -> JdkTransport.builder().build();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /**
     * A client of {@code baseUrl} with small timeouts, a large plan, no cache, retries as given and
     * virtual time for every wait (real time still passes underneath for the requests).
     */
    static NekorektenHttp.Builder client(String baseUrl, String key, String kind, RetryOptions retry, VirtualTime time) {
        return NekorektenHttp.builder()
                .baseUri(baseUrl)
                .apiKey(key)
                .transport(transport(kind))
                .quota(QuotaPlan.perMinute(100_000))
                .connectTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(2))
                .callTimeout(Duration.ofSeconds(4))
                .retry(retry)
                .circuitBreaker(CircuitBreakerOptions.disabled())
                .clock(time)
                .sleeper(time)
                .cache(CacheOptions.disabled());
    }

    /** Every text an exception shows: message, toString and context of it and of each cause. */
    static String everyText(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n').append(t).append('\n');
            if (t instanceof NekorektenException e) {
                all.append(e.context()).append('\n');
                e.context().bodyExcerpt().ifPresent(x -> all.append(x).append('\n'));
                e.context().serviceMessage().ifPresent(x -> all.append(x).append('\n'));
            }
            for (Throwable s : t.getSuppressed()) {
                all.append(everyText(s));
            }
        }
        return all.toString();
    }

    /** Whether {@code text} holds a character no message may carry: C0/C1 controls, DEL, bidi controls. */
    static boolean hasUnsafeCharacter(String text) {
        return text.codePoints().anyMatch(c -> (c < 0x20 && c != '\n') || (c >= 0x7F && c <= 0x9F)
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0x061C);
    }

    static String fixture(String name) {
        try (InputStream in = Hostile.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
