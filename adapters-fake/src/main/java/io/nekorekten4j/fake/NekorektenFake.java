package io.nekorekten4j.fake;

import io.nekorekten4j.domain.Attachment;
import io.nekorekten4j.domain.City;
import io.nekorekten4j.domain.FileId;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportFields;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.ReportPatch;
import io.nekorekten4j.domain.ReportReceipt;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchHit;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.domain.Violation;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.ErrorContext;
import io.nekorekten4j.ports.IpNotWhitelistedException;
import io.nekorekten4j.ports.Nekorekten;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.Operation;
import io.nekorekten4j.ports.QuotaPlan;
import io.nekorekten4j.ports.ServiceFacts;
import io.nekorekten4j.ports.UploadRule;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * An in-memory {@link Nekorekten} with the service's semantics, for tests that must not touch the
 * network or need a key.
 *
 * <pre>{@code
 * NekorektenFake fake = NekorektenFake.create();
 * fake.seedDemoData();
 * SearchResult r = fake.search(SearchCriteria.builder().phone("0888 123 456").build());
 * }</pre>
 *
 * <p>Each instance is a <em>view</em> with one API key on a shared in-memory backend:
 * {@link #withKey(String)} gives another key's view of the same reports, as a second merchant
 * would see them. A report can be changed or deleted only through the key that filed it.
 *
 * <p>What the fake does where the live service's behaviour is not known — name and site matching,
 * masking, ids, the quota's window, paging — is written down in the package documentation and in
 * {@code adapters-fake/SEMANTICS.md}. In short:
 * <ul>
 *   <li>searches use indexes, never a scan, and find exactly the reports the domain's
 *       {@link io.nekorekten4j.domain.MatchRules} accept on the unmasked report; pages of
 *       {@value SearchResult#DEFAULT_PAGE_SIZE}, newest first;</li>
 *   <li>results are masked like the live service's ({@code Не**}, {@code Желяз****},
 *       {@code xxxxx****@gmail.com}) and attributed with {@link SearchHit#of};</li>
 *   <li>{@link #create} returns the new id in its receipt (the live service may not);</li>
 *   <li>the quota ({@link Builder#quota}) is off unless set.</li>
 * </ul>
 *
 * <p><b>Test-suite controls</b> — {@link #arrangeReport}, {@link #seedDemoData}, {@link #failNext},
 * {@link #refuseKey}, {@link #refuseFromIp}, {@link #calls}, {@link #reset} — act on the shared
 * backend whichever view they are called on; none of them counts as a call.
 *
 * <p>Arguments are validated before anything reaches the backend, as the HTTP adapter validates
 * before it sends a request: such calls are not logged and spend no quota.
 *
 * <p>Thread safe. The API key never appears in {@link #toString()}, in messages or in the call log:
 * the backend keeps only the key's account id, and each view keeps its own key only to blank it
 * out of failures in the service's own words ({@link #failNext(int, ErrorCode, String)}), should
 * they echo it.
 */
public final class NekorektenFake implements Nekorekten {

    /** The seed of {@link #create()}. */
    public static final long DEFAULT_SEED = 20_250_111L;
    /** The API key of {@link #create()}. */
    public static final String DEFAULT_API_KEY = "fake-api-key";
    /** The message of a create's receipt. */
    public static final String CREATED_MESSAGE = "Сигналът е добавен успешно.";
    /** How many calls {@link #calls()} keeps by default: the most recent ones. */
    public static final int DEFAULT_CALL_LOG_CAPACITY = 10_000;
    /** The base URI attachments' preview URLs are resolved against by default: the service's. */
    public static final URI DEFAULT_PREVIEW_BASE_URI = ServiceFacts.BASE_URI;
    /** The message of an update's receipt. */
    public static final String UPDATED_MESSAGE = "Сигналът е редактиран успешно.";
    /** What stands for the key where the service's words echo it (as the HTTP adapter writes it). */
    public static final String BLANKED_KEY = "[redacted]";

    private static final int PAGE_SIZE = SearchResult.DEFAULT_PAGE_SIZE;

    private final Backend backend;
    private final Account account;
    /** This view's key: only to blank it out of the service's words (failNext with a message); never shown. */
    private final String apiKey;

    private NekorektenFake(Backend backend, String apiKey) {
        this.backend = backend;
        this.account = Account.of(apiKey);
        this.apiKey = apiKey;
    }

    /**
     * A fake with an empty backend, seed {@link #DEFAULT_SEED}, the system clock in UTC, key
     * {@value #DEFAULT_API_KEY} and no quota.
     */
    public static NekorektenFake create() {
        return builder().build();
    }

    /** A builder for a fake with its own backend. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A view of the same backend with {@code otherKey}: same reports, files, faults and call log,
     * its own quota and its own ownership.
     */
    public NekorektenFake withKey(String otherKey) {
        return new NekorektenFake(backend, requireKey(otherKey, "otherKey"));
    }

    /**
     * The id of this view's account, derived from its key: the {@code id} of the {@code Reporter}
     * of the reports it files, and the {@link FakeCall#accountId()} of its calls.
     */
    public String accountId() {
        return account.id();
    }

    // ---------------------------------------------------------------- Nekorekten

    /**
     * The page {@code criteria.page()} of the matching reports, newest first, 20 a page, with the
     * total count; names and e-mails masked; each hit attributed by
     * {@link SearchHit#of(SearchCriteria, io.nekorekten4j.domain.Report)}. One call, whatever the
     * mode and the number of filters.
     *
     * @throws NullPointerException when {@code criteria} is null
     * @throws NekorektenException  when the backend refuses the call (key, IP, fault, quota)
     */
    @Override
    public SearchResult search(SearchCriteria criteria) {
        Objects.requireNonNull(criteria, "criteria");
        return backend.call(Operation.SEARCH, account, this::blankKey, now -> {
            ReportStore.Page page = backend.store().search(criteria, PAGE_SIZE);
            List<SearchHit> hits = new ArrayList<>(page.reports().size());
            for (StoredReport r : page.reports()) {
                hits.add(SearchHit.of(criteria, backend.render(r)));
            }
            return new SearchResult(hits, page.total(), criteria.page(), PAGE_SIZE);
        });
    }

    /**
     * Files a report as this view's account, created now by the fake's clock (to the second).
     *
     * @return a receipt with the new id and {@value #CREATED_MESSAGE}; the live service may not
     *         return the id
     * @throws NullPointerException when {@code draft} is null
     * @throws io.nekorekten4j.ports.InvalidRequestException naming {@code files} or {@code cityID}
     *                              when the draft refers to a file or city the backend does not know
     * @throws NekorektenException  when the backend refuses the call (key, IP, fault, quota)
     */
    @Override
    public ReportReceipt create(ReportDraft draft) {
        Objects.requireNonNull(draft, "draft");
        ErrorContext request = ErrorContext.of(Operation.CREATE);
        return backend.call(Operation.CREATE, account, this::blankKey, now -> {
            requireKnownReferences(draft.fields(), request);
            StoredReport stored = backend.store().insert(backend.ids(),
                    id -> backend.newReport(id, draft.fields(), now, account));
            return new ReportReceipt(Optional.of(ReportId.of(Ids.encode(stored.id()))), CREATED_MESSAGE);
        });
    }

    /**
     * Changes the fields {@code patch} gives, keeping the others; a non-empty file list replaces
     * the report's files.
     *
     * @return a receipt with the report's id and {@value #UPDATED_MESSAGE}
     * @throws NullPointerException when {@code id} or {@code patch} is null
     * @throws io.nekorekten4j.ports.NotFoundException       when there is no such report
     * @throws io.nekorekten4j.ports.ForbiddenException      when another key filed it
     * @throws io.nekorekten4j.ports.InvalidRequestException naming {@code files} or {@code cityID}
     *                              when the patch refers to a file or city the backend does not know
     * @throws NekorektenException  when the backend refuses the call (key, IP, fault, quota)
     */
    @Override
    public ReportReceipt update(ReportId id, ReportPatch patch) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patch, "patch");
        ErrorContext request = ErrorContext.of(Operation.UPDATE);
        return backend.call(Operation.UPDATE, account, this::blankKey, now -> {
            long number = Ids.decode(id.value());
            // Not found and forbidden come before the body's problems, as a server resolves the path first.
            StoredReport current = backend.store().find(number).orElseThrow(() -> ServiceExceptions.notFound(request));
            if (!current.ownedBy(account)) {
                throw ServiceExceptions.forbidden(request);
            }
            requireKnownReferences(patch.fields(), request);
            requireDone(backend.store().update(number, account, old -> Backend.merge(old, patch.fields())), request);
            return new ReportReceipt(Optional.of(id), UPDATED_MESSAGE);
        });
    }

    /**
     * Deletes a report filed with this view's key.
     *
     * @throws NullPointerException when {@code id} is null
     * @throws io.nekorekten4j.ports.NotFoundException  when there is no such report (also a second delete)
     * @throws io.nekorekten4j.ports.ForbiddenException when another key filed it
     * @throws NekorektenException  when the backend refuses the call (key, IP, fault, quota)
     */
    @Override
    public void delete(ReportId id) {
        Objects.requireNonNull(id, "id");
        ErrorContext request = ErrorContext.of(Operation.DELETE);
        backend.call(Operation.DELETE, account, this::blankKey, now -> {
            requireDone(backend.store().delete(Ids.decode(id.value()), account), request);
            return null;
        });
    }

    /**
     * Keeps the attachments' names and types (not their bytes) and returns new file ids, in order,
     * that drafts and patches of any key may use.
     *
     * @throws NullPointerException when {@code attachments} or one of them is null
     * @throws ValidationException  (field {@code files}) when the list breaks the {@link UploadRule}
     *                              (empty, or more than {@value #MAX_ATTACHMENTS_PER_UPLOAD} attachments)
     * @throws NekorektenException  when the backend refuses the call (key, IP, fault, quota)
     */
    @Override
    public List<FileId> upload(List<Attachment> attachments) {
        List<Attachment> copy = UploadRule.checked(attachments);
        return backend.call(Operation.UPLOAD, account, this::blankKey,
                now -> backend.store(copy));
    }

    /**
     * The fake's cities: Bulgaria's district centres and some large towns, София first with id 1.
     * <strong>The ids are the fake's own</strong>, not the live service's.
     *
     * @throws NekorektenException when the backend refuses the call (key, IP, fault, quota)
     */
    @Override
    public List<City> cities() {
        return backend.call(Operation.CITIES, account, this::blankKey,
                now -> BulgarianCities.ALL);
    }

    // ---------------------------------------------------------------- test-suite controls

    /**
     * Stores a report directly, as filed by {@code ownerKey} at {@code createdAt} (to the second),
     * without a call: nothing is logged and no quota is spent.
     *
     * @return the new report's id
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when {@code ownerKey} is blank, or the draft refers to a
     *                                  file or city the backend does not know
     */
    public ReportId arrangeReport(ReportDraft draft, Instant createdAt, String ownerKey) {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(createdAt, "createdAt");
        Account owner = Account.of(requireKey(ownerKey, "ownerKey"));
        List<Violation> problems = backend.unknownReferences(draft.fields());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the draft refers to unknown ids: " + problems);
        }
        StoredReport stored = backend.store().insert(backend.ids(),
                id -> backend.newReport(id, draft.fields(), createdAt, owner));
        return ReportId.of(Ids.encode(stored.id()));
    }

    /**
     * Stores twelve demo reports (without calls), filed by three demo shops between January 2025
     * and February 2026, oldest first; the ids follow from the seed. Every name is Cyrillic:
     * <ol>
     *   <li>2025-01-11 — phone <b>0888 123 456</b>, Нели Желязкова, Пловдив: an unclaimed dress
     *       (the live payload of the reference, §2; masked {@code Не**} {@code Желяз****});</li>
     *   <li>2025-03-02 — phone 0899 111 222, maria.ivanova@abv.bg, Мария Иванова, Варна;</li>
     *   <li>2025-04-18 — site evtini-telefoni.example.bg/oferti, a shop that took a prepayment;</li>
     *   <li>2025-06-09 — Facebook facebook.com/stefan.kolev.demo, Стефан Колев;</li>
     *   <li>2025-07-21 — phone 02 987 6543 (a Sofia landline), Петър Стоянов, София;</li>
     *   <li>2025-08-14 — phone 0887 001 122, dimitrova.e@gmail.com, Елена Димитрова, Варна;</li>
     *   <li>2025-09-03 — phone 0896 333 444, Тодор Николов, Бургас;</li>
     *   <li>2025-10-10 — kalina.st@mail.bg, Калина Стоянова, Русе;</li>
     *   <li>2025-11-03 — e-mail <b>ivan@example.bg</b>, Иван Петров, София: a refused laptop;</li>
     *   <li>2025-12-01 — phone 0885 777 888, Иван Георгиев, Стара Загора;</li>
     *   <li>2026-01-20 — phone +44 20 7946 0958, Джон Смит: a buyer from abroad;</li>
     *   <li>2026-02-14 — phone 0878 555 123, Георги Димитров, Шумен.</li>
     * </ol>
     * So a one-of search by phone 0888123456 and e-mail ivan@example.bg finds two reports, and a
     * name search for "Иван" finds two (not Мария Иванова: names match whole words).
     *
     * @return the ids, in the order above
     */
    public List<ReportId> seedDemoData() {
        List<ReportId> ids = new ArrayList<>();
        for (DemoData.Entry entry : DemoData.entries()) {
            ids.add(arrangeReport(entry.draft(), entry.createdAt(), entry.ownerKey()));
        }
        return List.copyOf(ids);
    }

    /**
     * Makes the next {@code calls} calls that reach the backend (of any key) fail with the
     * exception class of {@code code}, a plausible message and, for service refusals, the HTTP
     * status the service would send. {@link ErrorCode#QUOTA_EXHAUSTED} resets at the next Sofia
     * midnight; {@link ErrorCode#IP_NOT_WHITELISTED} names 203.0.113.7. Faults queue up in order.
     * A faulted call is logged and spends no quota.
     *
     * @throws IllegalArgumentException when {@code calls} is below 1
     */
    public void failNext(int calls, ErrorCode code) {
        Objects.requireNonNull(code, "code");
        backend.faults().add(calls, (request, now) -> ServiceExceptions.forCode(code, request, now));
    }

    /**
     * Makes the next {@code calls} calls that reach the backend fail with what {@code failure}
     * supplies (called once per failing call; a {@code null} from it fails that call with a
     * {@link NullPointerException}).
     *
     * @throws IllegalArgumentException when {@code calls} is below 1
     */
    public void failNext(int calls, Supplier<? extends NekorektenException> failure) {
        Objects.requireNonNull(failure, "failure");
        backend.faults().add(calls, (request, now) -> failure.get());
    }

    /**
     * Makes the next {@code calls} calls that reach the backend (of any key) fail as
     * {@link #failNext(int, ErrorCode)} does, in the service's own words: {@code serviceMessage}
     * is the service's message (and, for {@link ErrorCode#INVALID_REQUEST}, the message of a field
     * error of {@code text}) — control characters, escapes, any length, the key echoed back, as a
     * hostile or broken service might send. The fake treats it as the HTTP adapter treats a
     * server's text: the calling view's key is blanked out ({@value #BLANKED_KEY}), and the
     * exception sanitises and cuts the rest.
     *
     * @throws IllegalArgumentException when {@code calls} is below 1, or {@code code} is not one of
     *                                  the refusals {@code INVALID_REQUEST}, {@code INVALID_API_KEY},
     *                                  {@code FORBIDDEN}, {@code NOT_FOUND}, {@code SERVICE_UNAVAILABLE}
     */
    public void failNext(int calls, ErrorCode code, String serviceMessage) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(serviceMessage, "serviceMessage");
        ServiceExceptions.inWords(code, "", ErrorContext.none(), Instant.EPOCH); // refuses another code, now
        backend.faults().add(calls, (request, now, blankKey) ->
                ServiceExceptions.inWords(code, blankKey.apply(serviceMessage), request, now));
    }

    /**
     * Makes the next {@code calls} calls that reach the operation (of any key) <em>take effect,
     * then lose their answer</em> {@code how}: a create files its report, an upload stores its
     * files, an update or delete changes the report — and the caller gets the exception of
     * {@code how} instead of the answer:
     * <ul>
     *   <li>{@link ErrorCode#TRANSPORT_FAILURE}: the connection reset after the request went out
     *       ({@code TransportException});</li>
     *   <li>{@link ErrorCode#TIMEOUT}: no answer within the deadline ({@code CallTimeoutException});</li>
     *   <li>{@link ErrorCode#UNEXPECTED_RESPONSE}: the answer cut off midway
     *       ({@code UnexpectedResponseException}, status 200, the body ending inside the JSON).</li>
     * </ul>
     * This is the fault behind the "report filed twice" bug: a client that sends a create again
     * after such a failure files it twice, which {@link #reportCount()} and {@link #calls()} show.
     * A call refused before its operation (refused key, {@link #failNext} fault, quota) does not
     * use a lost answer up; a call the operation refuses (404, 403) loses that refusal instead.
     * The fake server answers these calls as the loss says: a dropped connection, an answer held
     * past the client's timeout, a truncated body. Lost answers queue up in order, apart from
     * {@link #failNext}'s faults.
     *
     * @throws IllegalArgumentException when {@code calls} is below 1 or {@code how} is another code
     */
    public void loseNextAnswers(int calls, ErrorCode how) {
        Objects.requireNonNull(how, "how");
        ServiceExceptions.lostAnswer(how, ErrorContext.none()); // refuses a code that cannot lose an answer, now
        backend.lostAnswers().add(calls, (request, now) -> ServiceExceptions.lostAnswer(how, request));
    }

    /**
     * Makes the next {@code calls} calls fail with what {@code failure} makes from the call's
     * context (its operation) and time: for the package's conformance subject.
     */
    void failNextWith(int calls, BiFunction<ErrorContext, Instant, ? extends NekorektenException> failure) {
        backend.faults().add(calls, failure);
    }

    /**
     * The most recent calls that reached the backend, of every key, oldest first: immutable. The
     * log is bounded — it keeps the last {@link Builder#callLogCapacity} calls (default
     * {@value #DEFAULT_CALL_LOG_CAPACITY}) and drops older ones — so that a long run holds a fixed
     * amount of memory; {@link #callCount()} counts every call. Calls rejected by argument
     * validation are not in it.
     */
    public List<FakeCall> calls() {
        return backend.calls();
    }

    /**
     * How many calls reached the backend, of every key, since it was built or {@linkplain #reset()
     * reset}: refused ones included, calls the bounded {@link #calls()} log has dropped included.
     */
    public long callCount() {
        return backend.callCount();
    }

    /** Makes the backend refuse {@code key} from now on: its calls throw {@code InvalidApiKeyException}. */
    public void refuseKey(String key) {
        backend.refuse(Account.of(requireKey(key, "key")));
    }

    /**
     * Makes the backend refuse {@code key} as used from {@code ip}, an address not on its
     * whitelist: its calls throw {@link IpNotWhitelistedException} whose message names {@code ip}
     * ("Нямате достъп от IP адрес 203.0.113.7") and whose {@code ipAddress()} is {@code ip}.
     *
     * @throws IllegalArgumentException when {@code ip} is not an IPv4 or IPv6 address
     */
    public void refuseFromIp(String key, String ip) {
        Account refused = Account.of(requireKey(key, "key"));
        Objects.requireNonNull(ip, "ip");
        if (!IpNotWhitelistedException.extractIpAddress(ip).filter(ip::equals).isPresent()) {
            throw new IllegalArgumentException("ip must be an IPv4 or IPv6 address, got '" + ip + "'");
        }
        backend.refuseFromIp(refused, ip);
    }

    /**
     * Empties the backend: no reports, files, calls, faults, quota usage or refused keys; ids start
     * again from the seed. The clock, the quota plan and the views stay.
     */
    public void reset() {
        backend.reset();
    }

    /** How many reports the backend holds, of every key; not a call. */
    public int reportCount() {
        return backend.store().size();
    }

    /** The report store, for the package's tests (its work counter). */
    ReportStore store() {
        return backend.store();
    }

    /** Names the account, never the key. */
    @Override
    public String toString() {
        return "NekorektenFake[account=" + account.id() + "]";
    }

    /** {@code text} with this view's key, in any letter case, replaced by {@value #BLANKED_KEY}. */
    private String blankKey(String text) {
        return Pattern.compile(Pattern.quote(apiKey), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(text).replaceAll(BLANKED_KEY);
    }

    private void requireKnownReferences(ReportFields fields, ErrorContext request) {
        List<Violation> problems = backend.unknownReferences(fields);
        if (!problems.isEmpty()) {
            throw ServiceExceptions.invalidRequest(request, problems);
        }
    }

    private static void requireDone(ReportStore.Change change, ErrorContext request) {
        switch (change) {
            case DONE -> {
            }
            case NOT_FOUND -> throw ServiceExceptions.notFound(request);
            case FORBIDDEN -> throw ServiceExceptions.forbidden(request);
            default -> throw new IllegalStateException("unknown change " + change);
        }
    }

    private static String requireKey(String key, String name) {
        Objects.requireNonNull(key, name);
        if (key.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return key;
    }

    /** Builds a {@link NekorektenFake} with its own backend. */
    public static final class Builder {
        private long seed = DEFAULT_SEED;
        private Clock clock = Clock.systemUTC();
        private String apiKey = DEFAULT_API_KEY;
        private QuotaPlan quota;
        private int callLogCapacity = DEFAULT_CALL_LOG_CAPACITY;
        private URI previewBaseUri = DEFAULT_PREVIEW_BASE_URI;

        private Builder() {
        }

        /**
         * How many of the most recent calls {@link NekorektenFake#calls()} keeps (default
         * {@value NekorektenFake#DEFAULT_CALL_LOG_CAPACITY}); older calls are dropped,
         * {@link NekorektenFake#callCount()} still counts them. About 100 bytes a call.
         *
         * @throws IllegalArgumentException when {@code capacity} is below 1
         */
        public Builder callLogCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("callLogCapacity must be at least 1, got " + capacity);
            }
            this.callLogCapacity = capacity;
            return this;
        }

        /**
         * The base URI attachments' {@code previewUrl}s are resolved against (default
         * {@link NekorektenFake#DEFAULT_PREVIEW_BASE_URI}): a file's preview is
         * {@code <base>/files/<id>}, as the HTTP adapter resolves the service's relative paths
         * against its own base URI. Give the base URI of an {@code NekorektenHttp} client to
         * compare the two.
         *
         * @throws IllegalArgumentException when {@code base} is not an absolute http(s) URI
         */
        public Builder previewBaseUri(URI base) {
            Objects.requireNonNull(base, "base");
            String scheme = base.getScheme();
            if (!base.isAbsolute() || base.getHost() == null
                    || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                throw new IllegalArgumentException("previewBaseUri must be an absolute http(s) URI, got " + base);
            }
            this.previewBaseUri = base;
            return this;
        }

        /** The seed of the ids (default {@link NekorektenFake#DEFAULT_SEED}): same seed, same calls, same ids. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The clock of creation times and quota (default the system clock in UTC); see {@link MutableClock}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The API key of the built view (default {@value NekorektenFake#DEFAULT_API_KEY}); must not be blank. */
        public Builder apiKey(String apiKey) {
            this.apiKey = requireKey(apiKey, "apiKey");
            return this;
        }

        /** Simulates {@code plan}'s quota per key (default: no quota); {@code null} turns it off. */
        public Builder quota(QuotaPlan plan) {
            this.quota = plan;
            return this;
        }

        /** The fake. */
        public NekorektenFake build() {
            return new NekorektenFake(new Backend(clock, seed, Optional.ofNullable(quota), callLogCapacity, previewBaseUri),
                    apiKey);
        }

        /** Never names the key. */
        @Override
        public String toString() {
            return "NekorektenFake.Builder[seed=" + seed + ", quota=" + (quota == null ? "off" : quota.name()) + "]";
        }
    }
}
