package io.nekorekten4j.bench;

import io.nekorekten4j.conformance.ServerWindow;
import io.nekorekten4j.http.Transport;
import io.nekorekten4j.http.TransportRequest;
import io.nekorekten4j.http.TransportResponse;
import io.nekorekten4j.http.VirtualTime;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;

/**
 * The service on virtual time, plugged in as the client's {@link Transport}: it answers
 * {@code GET /api/v1/reports} from a set of reported buyers and counts what a real server would
 * see. Each request leaves at the virtual instant the client sends it, reaches the server after a
 * seeded one-way latency, is judged there by a {@link ServerWindow} model (429 when refused) and
 * its answer comes back after another one-way latency — by which the transport advances the
 * clock, so the caller sees the round trip as time passing. No thread sleeps.
 *
 * <p>For the concurrency scenario the clock is not advanced (several real threads call at once) and
 * the first request can be held until the test releases it.
 */
final class VirtualServer implements Transport {

    static final int MIN_LATENCY_MS = 5;
    static final int MAX_LATENCY_MS = 500;
    static final int MAX_HEAVY_LATENCY_MS = 10_000;

    private final VirtualTime clock;
    private final ServerWindow window;
    private final Set<String> reportedPhones;
    private final Set<String> reportedEmails;
    private final Random latency;
    private final boolean advanceClock;
    private final CountDownLatch hold;
    private final boolean heavyTailed;

    // Guarded by this.
    private final List<Instant> sends = new ArrayList<>();
    private final Map<String, Integer> byQuery = new HashMap<>();
    private int refused;

    private VirtualServer(VirtualTime clock, ServerWindow window, Set<String> reportedPhones, Set<String> reportedEmails,
                          long seed, boolean advanceClock, CountDownLatch hold, boolean heavyTailed) {
        this.clock = clock;
        this.window = window;
        this.reportedPhones = Set.copyOf(reportedPhones);
        this.reportedEmails = Set.copyOf(reportedEmails);
        this.latency = new Random(seed);
        this.advanceClock = advanceClock;
        this.hold = hold;
        this.heavyTailed = heavyTailed;
    }

    /**
     * A server whose reported buyers are those phones ({@code 359…} digits) and e-mails (lower
     * case), counting in {@code window}; the round trip advances {@code clock}.
     */
    static VirtualServer sequential(VirtualTime clock, ServerWindow window, Set<String> reportedPhones,
                                    Set<String> reportedEmails, long seed) {
        return new VirtualServer(clock, window, reportedPhones, reportedEmails, seed, true, null, false);
    }

    /**
     * As {@link #sequential}, but one one-way latency in ten is heavy-tailed: Pareto (shape 1.1,
     * from 0.5 s), capped at {@value #MAX_HEAVY_LATENCY_MS} ms — retransmitted SYNs, stalled proxies.
     */
    static VirtualServer heavyTailed(VirtualTime clock, ServerWindow window, Set<String> reportedPhones,
                                     Set<String> reportedEmails, long seed) {
        return new VirtualServer(clock, window, reportedPhones, reportedEmails, seed, true, null, true);
    }

    /** A server for concurrent callers: the clock stands still and every request waits for {@code hold}. */
    static VirtualServer holding(VirtualTime clock, ServerWindow window, Set<String> reportedPhones,
                                 Set<String> reportedEmails, CountDownLatch hold) {
        return new VirtualServer(clock, window, reportedPhones, reportedEmails, 1, false, hold, false);
    }

    @Override
    public <T> T execute(TransportRequest request, ResponseHandler<T> handler) throws IOException {
        Map<String, String> query = query(request.uri().getRawQuery());
        int status;
        byte[] body;
        synchronized (this) {
            Instant sent = clock.instant();
            sends.add(sent);
            byQuery.merge(String.join("+", new TreeSet<>(query.keySet())), 1, Integer::sum);
            long out = oneWayMillis();
            long back = oneWayMillis();
            Instant arrival = sent.plusMillis(out);
            if (window.admit(arrival.getEpochSecond() * 1_000_000_000L + arrival.getNano())) {
                status = 200;
                body = searchAnswer(query);
            } else {
                refused++;
                status = 429;
                body = "{\"message\":\"Too many requests.\",\"server\":{\"date\":\"2026-02-27 20:22:33\",\"httpCode\":429}}"
                        .getBytes(StandardCharsets.UTF_8);
            }
            if (advanceClock) {
                clock.advance(Duration.ofMillis(out + back));
            }
        }
        if (hold != null) {
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while held");
            }
        }
        int code = status;
        InputStream in = new ByteArrayInputStream(body);
        return handler.handle(new TransportResponse() {
            @Override
            public int status() {
                return code;
            }

            @Override
            public Optional<String> header(String name) {
                if (code == 429 && name.equalsIgnoreCase("Retry-After")) {
                    return Optional.of("60");
                }
                if (name.equalsIgnoreCase("Content-Type")) {
                    return Optional.of("application/json; charset=utf-8");
                }
                return Optional.empty();
            }

            @Override
            public InputStream body() {
                return in;
            }
        });
    }

    @Override
    public void close() {
        // Nothing to release.
    }

    /** The instants at which the client sent each request, in order. */
    synchronized List<Instant> sends() {
        return List.copyOf(sends);
    }

    /** How many requests reached the server. */
    synchronized int requests() {
        return sends.size();
    }

    /** How many were answered 429. */
    synchronized int refused() {
        return refused;
    }

    /** Requests by the set of query parameters they carried, e.g. {@code email+phone+searchMode}. */
    synchronized Map<String, Integer> requestsByQuery() {
        return Map.copyOf(byQuery);
    }

    private long oneWayMillis() {
        long ordinary = MIN_LATENCY_MS + latency.nextInt(MAX_LATENCY_MS - MIN_LATENCY_MS + 1);
        if (!heavyTailed || latency.nextInt(10) != 0) {
            return ordinary;
        }
        return Math.min(MAX_HEAVY_LATENCY_MS, Math.round(500.0 / Math.pow(1.0 - latency.nextDouble(), 1.0 / 1.1)));
    }

    /** Every reported buyer has one report carrying both their phone and their e-mail. */
    private byte[] searchAnswer(Map<String, String> query) {
        String phone = query.get("phone");
        String email = query.get("email") == null ? null : query.get("email").toLowerCase(Locale.ROOT);
        boolean phoneHit = phone != null && reportedPhones.contains(phone);
        boolean emailHit = email != null && reportedEmails.contains(email);
        boolean oneOf = "one-of".equals(query.get("searchMode"));
        boolean hit;
        if (phone != null && email != null) {
            hit = oneOf ? phoneHit || emailHit : phoneHit && emailHit;
        } else {
            hit = phoneHit || emailHit;
        }
        StringBuilder json = new StringBuilder("{\"message\":null,\"items\":[");
        if (hit) {
            String digits = phone != null && phoneHit ? phone : "359888000000";
            json.append("{\"id\":\"R").append(digits).append("\",\"firstName\":\"Ив**\",\"lastName\":\"Пет***\",")
                    .append("\"email\":\"bu***@example.bg\",\"phone\":\"+").append(digits).append("\",")
                    .append("\"text\":\"Отказа пратка с наложен платеж.\",\"user\":{\"id\":\"V4pAbCdEfG\"},")
                    .append("\"children\":[],\"files\":[],\"createDate\":\"2025-01-11T21:22:21+00:00\",")
                    .append("\"views\":1,\"liked\":0}");
        }
        json.append("],\"count\":").append(hit ? 1 : 0)
                .append(",\"currentPage\":1,\"itemsPerPage\":20,")
                .append("\"server\":{\"date\":\"2026-02-27 20:22:33\",\"httpCode\":200}}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
