package io.nekorekten4j.diagnostics;

import io.nekorekten4j.apicontract.OpenApiContract;
import io.nekorekten4j.diagnostics.ContractDrift.LibraryReading;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.domain.Violation;
import io.nekorekten4j.http.ApacheTransport;
import io.nekorekten4j.cache.CacheOptions;
import io.nekorekten4j.http.NekorektenHttp;
import io.nekorekten4j.http.RemainingQuota;
import io.nekorekten4j.http.RetryOptions;
import io.nekorekten4j.http.Transport;
import io.nekorekten4j.ports.ApiPaths;
import io.nekorekten4j.ports.ForbiddenException;
import io.nekorekten4j.ports.InvalidApiKeyException;
import io.nekorekten4j.ports.IpNotWhitelistedException;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.QuotaExhaustedException;
import io.nekorekten4j.ports.QuotaPlan;
import io.nekorekten4j.ports.RateLimitWaitExceededException;
import io.nekorekten4j.ports.RateLimitedException;
import io.nekorekten4j.ports.UnexpectedResponseException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * Checks a real key against the live service — what {@code nekorekten doctor} runs — with at most
 * <b>two</b> requests, and tells its user whether the service still answers the way this library
 * expects.
 *
 * <h2>What it sends, and what that costs</h2>
 * <ol>
 *   <li>{@code GET /api/v1/cities} — one request of the key's per-minute limit (whether the service
 *       also counts it against the plan's daily lookups is unknown); checks the key, the IP
 *       whitelist, the time to first byte and the cities answer's shape;</li>
 *   <li>{@code GET /api/v1/reports?name=Иван} (the {@linkplain Builder#probe probe search}) — one
 *       request of the per-minute limit and one lookup of the plan's daily quota; checks the search
 *       answer's shape against the contract, report by report. Sent only when the first was answered
 *       with a success.</li>
 * </ol>
 * Before them, with no request and no quota: DNS, a TCP connection and a TLS handshake with the
 * service's host. Requests go through a {@link NekorektenHttp} client built for the purpose — the
 * same quota gate (scoped by service origin and key, shared with every other client of the JVM), the
 * same key handling — with retries and the result cache off, so the cost above is exact.
 * {@link #plan()} lists the requests without sending anything.
 *
 * <h2>What it reports</h2>
 * One {@link Check} per line: {@code dns}, {@code tcp}, {@code tls}, {@code key}, {@code ip-whitelist}
 * (with the address the service saw, when it refused it), {@code http} (time to first byte),
 * {@code contract.cities} and {@code contract.search} — every difference between the raw answers and
 * {@code openapi/nekorekten-api.yaml}, each marked by what the library does with it ({@link Effect}) —
 * and {@code quota}: the local view of what is left this minute and today, and any pause a 429's
 * {@code Retry-After} imposed (read from the client, without another request).
 * A difference that breaks parsing, or could hide reports, is a {@link Status#FAILURE}.
 * The key is never part of a report.
 *
 * <pre>{@code
 * DiagnosticsReport report = Diagnostics.builder().apiKey(System.getenv("NEKOREKTEN_API_KEY")).build().run();
 * System.out.print(report.toText());
 * }</pre>
 */
public final class Diagnostics {

    /** The default probe: a common first name, likely to find reports whose shape can be checked. */
    public static final String DEFAULT_PROBE_NAME = "Иван";

    private static final String CITIES = ApiPaths.CITIES;
    private static final String REPORTS = ApiPaths.REPORTS;

    private final String apiKey;
    private final URI baseUri;
    private final Supplier<Transport> transport;
    private final boolean ownsTransport;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final QuotaPlan quota;
    private final Duration permitWaitTimeout;
    private final SearchCriteria probe;
    private final Clock clock;

    private Diagnostics(Builder b, URI baseUri) {
        this.apiKey = b.apiKey;
        this.baseUri = baseUri;
        this.ownsTransport = b.transport == null;
        Transport given = b.transport;
        this.transport = given != null ? () -> given : () -> ApacheTransport.builder().build();
        this.connectTimeout = b.connectTimeout;
        this.responseTimeout = b.responseTimeout;
        this.quota = b.quota;
        this.permitWaitTimeout = b.permitWaitTimeout;
        this.probe = b.probe;
        this.clock = b.clock;
    }

    /** A builder; only the key is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The requests {@link #run()} may send, with their cost; sends nothing. */
    public List<PlannedRequest> plan() {
        return plan(probe);
    }

    /**
     * The requests a doctor with the probe search {@code probe} may send, with their cost; needs no
     * key and sends nothing ({@code nekorekten doctor --dry-run}).
     */
    public static List<PlannedRequest> plan(SearchCriteria probe) {
        Objects.requireNonNull(probe, "probe");
        return List.of(
                new PlannedRequest("GET", CITIES, "1 request of the per-minute limit (whether it counts against the"
                        + " daily lookups is unknown)", "the key, the IP whitelist, time to first byte, the cities answer"),
                new PlannedRequest("GET", REPORTS + "?" + probeQuery(probe), "1 request of the per-minute limit and 1"
                        + " lookup of the daily quota; only if the first succeeded", "the search answer, report by report"));
    }

    /** The default probe search: {@code name=}{@value #DEFAULT_PROBE_NAME}. */
    public static SearchCriteria defaultProbe() {
        return SearchCriteria.builder().name(DEFAULT_PROBE_NAME).build();
    }

    /** The base URI checked. */
    public URI baseUri() {
        return baseUri;
    }

    /**
     * Runs the checks: first those that cost nothing, then at most the two requests of {@link #plan()}.
     * Never throws for what it finds — a refused key or an unreachable service is a failed check —
     * only for a bug or a broken environment (no TLS provider).
     */
    public DiagnosticsReport run() {
        List<Check> checks = new ArrayList<>(new Reachability(baseUri, connectTimeout, defaultTls(), clock).run());
        boolean reachable = checks.stream().noneMatch(c -> c.status() == Status.FAILURE);
        RecordingTransport recorder = new RecordingTransport(transport.get(), ownsTransport);
        if (!reachable) {
            recorder.close();
            for (String id : List.of("key", "ip-whitelist", "http", "contract.cities", "contract.search", "quota")) {
                checks.add(Check.skipped(id, "not checked: the service cannot be reached; nothing was sent"));
            }
            return new DiagnosticsReport(baseUri, checks, 0, apiKey);
        }
        ContractDrift drift = new ContractDrift(OpenApiContract.load(), ContractSchemas.load());
        try (NekorektenHttp client = NekorektenHttp.builder().apiKey(apiKey).baseUri(baseUri).transport(recorder)
                .connectTimeout(connectTimeout).responseTimeout(responseTimeout).quota(quota)
                .permitWaitTimeout(permitWaitTimeout).retry(RetryOptions.disabled()).cache(CacheOptions.disabled())
                .clock(clock).build()) {
            Attempt cities = Attempt.of(() -> client.cities().size());
            Optional<Exchange> first = recorder.last(CITIES);
            checks.addAll(accessChecks(cities, first));
            checks.add(firstByte(first));
            checks.add(contractCheck("contract.cities", first, cities, drift, false));
            boolean firstSucceeded = first.flatMap(Exchange::status).filter(s -> s >= 200 && s < 300).isPresent();
            if (firstSucceeded) {
                Attempt search = Attempt.of(() -> client.search(probe).reports().size());
                checks.add(contractCheck("contract.search", recorder.last(REPORTS), search, drift, true));
            } else {
                checks.add(Check.skipped("contract.search", "not checked: the first request was not answered with a"
                        + " success, so the search was not sent (no lookup spent)"));
            }
            checks.add(quotaCheck(client.state().quota()));
            return new DiagnosticsReport(baseUri, checks, recorder.exchanges().size(), apiKey);
        }
    }

    /** The local view of the key's quota after the run: what is left, and any pause the service asked for. */
    private static Check quotaCheck(Optional<RemainingQuota> view) {
        if (view.isEmpty()) {
            return Check.skipped("quota", "no local view of the key's quota");
        }
        RemainingQuota q = view.get();
        String today = q.perDay().isPresent()
                ? q.leftToday().getAsInt() + " of " + q.perDay().getAsInt() + " left today"
                : "no daily cap in the plan";
        String summary = q.leftThisMinute() + " of " + q.perMinute() + " requests left this minute, " + today
                + " (this JVM's view; other processes using the key are not counted)";
        if (q.pausedUntil().isPresent()) {
            return Check.warning("quota", summary + "; the service asked for a pause until " + q.pausedUntil().get()
                            + " (a Retry-After is honoured up to the next Sofia midnight, never more than 24 h)",
                    "wait until the pause ends; a call made now would wait " + q.waitForPermit().toSeconds() + " s");
        }
        if (q.dailyCapSpent()) {
            return Check.warning("quota", summary, "the plan's daily lookups are spent: calls fail until the day resets");
        }
        return Check.ok("quota", summary);
    }

    /** The key and IP checks, from how the first request went. */
    private static List<Check> accessChecks(Attempt cities, Optional<Exchange> exchange) {
        Optional<Integer> status = exchange.flatMap(Exchange::status);
        if (status.filter(s -> s >= 200 && s < 300).isPresent()) {
            return List.of(Check.ok("key", "accepted (GET " + CITIES + " answered " + status.get() + ")"),
                    Check.ok("ip-whitelist", "this machine's address is allowed for the key"));
        }
        NekorektenException e = cities.failure().orElse(null);
        if (e instanceof IpNotWhitelistedException ip) {
            String seen = ip.ipAddress().map(Printable::of).orElse("an address the answer did not name");
            return List.of(Check.skipped("key", "not known: the service refused this machine's address first"),
                    Check.failure("ip-whitelist", "the service refused the key from " + seen,
                            "add " + seen + " to the key's allowed IP addresses in the nekorekten.com profile"
                                    + " (API keys), or run from a whitelisted machine"));
        }
        if (e instanceof InvalidApiKeyException) {
            return List.of(Check.failure("key", "refused (HTTP " + status.map(String::valueOf).orElse("401")
                            + "): the key is wrong, revoked or expired",
                    "generate a new key in the nekorekten.com profile and set NEKOREKTEN_API_KEY"),
                    Check.skipped("ip-whitelist", "not known: the key was refused"));
        }
        if (e instanceof ForbiddenException) {
            return List.of(Check.failure("key", "forbidden (HTTP " + status.map(String::valueOf).orElse("403")
                            + "): " + Printable.of(e.getMessage()),
                    "check the key's permissions and allowed IP addresses in the nekorekten.com profile"),
                    Check.skipped("ip-whitelist", "not known: the answer did not name an address"));
        }
        if (e instanceof RateLimitedException || e instanceof QuotaExhaustedException
                || e instanceof RateLimitWaitExceededException) {
            return List.of(Check.warning("key", "not checked: " + Printable.of(e.getMessage()),
                    "run the doctor again when the key's quota allows a request"),
                    Check.skipped("ip-whitelist", "not checked: no request was answered"));
        }
        if (status.isPresent()) {
            return List.of(Check.warning("key", "not known: GET " + CITIES + " answered " + status.get(),
                    "see the http and contract checks"),
                    Check.skipped("ip-whitelist", "not known: the answer was not a success"));
        }
        String why = e == null ? "no answer" : Printable.of(e.getMessage());
        return List.of(Check.skipped("key", "not checked: " + why),
                Check.skipped("ip-whitelist", "not checked: " + why));
    }

    private static Check firstByte(Optional<Exchange> exchange) {
        if (exchange.isEmpty()) {
            return Check.skipped("http", "no request was sent (refused before sending: quota or circuit)");
        }
        Exchange e = exchange.get();
        if (e.timeToFirstByte().isPresent()) {
            return Check.ok("http", "first byte of the answer after " + e.timeToFirstByte().get().toMillis() + " ms");
        }
        String why = e.failure().map(f -> Printable.of(String.valueOf(f.getMessage()))).orElse("no answer");
        return Check.failure("http", "GET " + CITIES + " got no answer: " + why,
                "check proxies and firewalls; raise the response timeout if the service is slow");
    }

    private static Check contractCheck(String id, Optional<Exchange> exchange, Attempt attempt, ContractDrift drift,
                                       boolean search) {
        if (exchange.isEmpty() || exchange.get().status().isEmpty()) {
            return Check.skipped(id, "not checked: no answer came"
                    + attempt.failure().map(f -> " (" + Printable.of(f.getMessage()) + ")").orElse(""));
        }
        Exchange e = exchange.get();
        LibraryReading reading = attempt.failure()
                .filter(f -> f instanceof UnexpectedResponseException)
                .map(f -> LibraryReading.refused(f.getMessage()))
                .orElseGet(() -> LibraryReading.accepted(attempt.presented()));
        List<Drift> drifts = search ? drift.search(e, reading) : drift.cities(e, reading);
        Status status = drifts.stream().map(d -> d.effect().status()).reduce(Status.OK, Status::worst);
        String what = "GET " + e.path() + " → " + e.status().get();
        if (drifts.isEmpty()) {
            return Check.ok(id, what + ": matches the contract");
        }
        long failing = drifts.stream().filter(d -> d.effect().status() == Status.FAILURE).count();
        String summary = what + ": " + drifts.size() + " difference" + (drifts.size() == 1 ? "" : "s")
                + " from the contract" + (failing > 0 ? ", " + failing + " the library cannot read around" : "");
        String fix = failing > 0
                ? "do not rely on this client's answers until it is updated for the service's new answer;"
                        + " report the differences below to the nekorekten4j maintainers"
                : "the library copes; report the differences to the nekorekten4j maintainers so the contract is updated";
        return new Check(id, status, summary, Optional.of(fix), drifts);
    }

    private static String probeQuery(SearchCriteria probe) {
        StringBuilder q = new StringBuilder();
        probe.queryValues().forEach((field, value) -> q.append(field.parameter()).append('=').append(encode(value)).append('&'));
        return q.append("searchMode=").append(probe.mode().wireValue()).toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static SSLContext defaultTls() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no default TLS context", e);
        }
    }

    /** How one library call went: how many items it presented, or what it threw. */
    private record Attempt(int presented, Optional<NekorektenException> failure) {
        static Attempt of(Supplier<Integer> call) {
            try {
                return new Attempt(call.get(), Optional.empty());
            } catch (NekorektenException e) {
                return new Attempt(0, Optional.of(e));
            }
        }
    }

    /**
     * Configures a {@link Diagnostics}. Setters check for {@code null} at once; {@link #build()}
     * checks the rest and names every bad setting.
     */
    public static final class Builder {
        private String apiKey;
        private String baseUri = NekorektenHttp.DEFAULT_BASE_URI.toString();
        private Transport transport;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration responseTimeout = Duration.ofSeconds(15);
        private QuotaPlan quota = QuotaPlan.DOCUMENTED_DEFAULT;
        private Duration permitWaitTimeout = Duration.ofSeconds(10);
        private SearchCriteria probe = defaultProbe();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The key to check (required). It is sent only in the {@code Api-Key} header, to the base URI. */
        public Builder apiKey(String apiKey) {
            this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
            return this;
        }

        /** The service (default {@code https://api.nekorekten.com}). */
        public Builder baseUri(URI baseUri) {
            this.baseUri = Objects.requireNonNull(baseUri, "baseUri").toString();
            return this;
        }

        /** The service, as text. */
        public Builder baseUri(String baseUri) {
            this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
            return this;
        }

        /** The transport to check through (default: a new {@link ApacheTransport}, closed after the run). */
        public Builder transport(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /** How long to wait for a connection, in the checks and the requests (default 5 s). */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /** How long to wait for the answer (default 15 s). */
        public Builder responseTimeout(Duration responseTimeout) {
            this.responseTimeout = Objects.requireNonNull(responseTimeout, "responseTimeout");
            return this;
        }

        /** The key's plan, so the quota gate never lets the doctor exceed it (default: the documented 10/min). */
        public Builder quota(QuotaPlan quota) {
            this.quota = Objects.requireNonNull(quota, "quota");
            return this;
        }

        /**
         * How long to wait for a quota permit (default 10 s); past it, a key whose minute is spent by
         * other clients of this JVM is reported "not checked" rather than waited for.
         */
        public Builder permitWaitTimeout(Duration permitWaitTimeout) {
            this.permitWaitTimeout = Objects.requireNonNull(permitWaitTimeout, "permitWaitTimeout");
            return this;
        }

        /** The search whose answer is checked (default: {@code name=}{@value #DEFAULT_PROBE_NAME}, likely to find reports). */
        public Builder probe(SearchCriteria probe) {
            this.probe = Objects.requireNonNull(probe, "probe");
            return this;
        }

        /** The clock certificate expiry is judged by (default the system's). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the doctor, checking the settings the way {@link NekorektenHttp.Builder#build()} does.
         *
         * @throws ValidationException naming every bad setting (the key is never shown)
         */
        public Diagnostics build() {
            List<Violation> problems = new ArrayList<>();
            if (apiKey == null || apiKey.isBlank()) {
                problems.add(new Violation("apiKey", "an API key is required to check it (set NEKOREKTEN_API_KEY)"));
            }
            URI uri = null;
            try {
                uri = URI.create(baseUri);
                if (!uri.isAbsolute() || uri.getHost() == null
                        || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                    problems.add(new Violation("baseUri", "must be an absolute http(s) URI with a host"));
                }
            } catch (IllegalArgumentException e) {
                problems.add(new Violation("baseUri", "is not a URI"));
            }
            if (connectTimeout.isNegative() || connectTimeout.isZero()) {
                problems.add(new Violation("connectTimeout", "must be positive, got " + connectTimeout));
            }
            if (responseTimeout.isNegative() || responseTimeout.isZero()) {
                problems.add(new Violation("responseTimeout", "must be positive, got " + responseTimeout));
            }
            if (permitWaitTimeout.isNegative()) {
                problems.add(new Violation("permitWaitTimeout", "must not be negative, got " + permitWaitTimeout));
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            return new Diagnostics(this, uri);
        }
    }
}
