package io.nekorekten4j.fake;

import io.nekorekten4j.domain.Attachment;
import io.nekorekten4j.domain.City;
import io.nekorekten4j.domain.CityId;
import io.nekorekten4j.domain.Email;
import io.nekorekten4j.domain.FileId;
import io.nekorekten4j.domain.FileType;
import io.nekorekten4j.domain.PersonName;
import io.nekorekten4j.domain.Report;
import io.nekorekten4j.domain.ReportFields;
import io.nekorekten4j.domain.ReportFile;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.Reporter;
import io.nekorekten4j.domain.Violation;
import io.nekorekten4j.domain.WebAddress;
import io.nekorekten4j.ports.ErrorContext;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.Operation;
import io.nekorekten4j.ports.QuotaPlan;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The state every view of one fake shares — its "server": reports, uploaded files, the call log,
 * quota usage, injected faults and refused keys — and the path every call takes through it:
 * key check, IP check, injected fault, quota, then the operation, logged with its outcome.
 *
 * <p>Thread safe: the report store has its own read-write lock; files, refusals and per-account
 * quota usage are concurrent maps; the call log and the fault queue are synchronized.
 */
final class Backend {

    /** The path of a file's preview, relative to the service's base URI, as the service sends it. */
    static final String FILES_PATH = "/files/";

    private final Clock clock;
    private final Ids ids;
    private final ReportStore store = new ReportStore();
    private final Map<FileId, UploadedFile> files = new ConcurrentHashMap<>();
    private final CallLog calls;
    private final SimulatedQuota quota;
    private final InjectedFaults faults = new InjectedFaults();
    private final InjectedFaults lostAnswers = new InjectedFaults();
    private final Set<String> refusedAccounts = ConcurrentHashMap.newKeySet();
    private final Map<String, String> refusedIps = new ConcurrentHashMap<>();
    private final Map<String, Reporter> reporters = new ConcurrentHashMap<>();
    private final URI previewBase;

    /** A file as the fake keeps it: its name and what it is, not its bytes. */
    record UploadedFile(String fileName, FileType type, long size) {
    }

    Backend(Clock clock, long seed, Optional<QuotaPlan> plan, int callLogCapacity, URI previewBase) {
        this.clock = clock;
        this.calls = new CallLog(callLogCapacity);
        this.previewBase = previewBase;
        this.ids = new Ids(seed);
        this.quota = new SimulatedQuota(plan);
    }

    /**
     * Runs one call of {@code account} through the backend and logs it: refused key, refused IP,
     * injected fault and quota are checked in that order, then {@code operation} runs with the
     * clock's time. When a lost answer is queued, the operation's outcome — done, or refused — is
     * replaced by that loss: the change stays, the caller only learns that the answer never came.
     * Refusals carry {@link ErrorContext#of(Operation)}: the operation, no invented HTTP path.
     * {@code blankKey} blanks the calling view's key out of an injected failure in the service's
     * own words ({@link NekorektenFake#failNext(int, io.nekorekten4j.ports.ErrorCode, String)}), which may echo it.
     */
    <T> T call(Operation operation, Account account, UnaryOperator<String> blankKey, Function<Instant, T> action) {
        ErrorContext request = ErrorContext.of(operation);
        Instant now = clock.instant();
        try {
            if (refusedAccounts.contains(account.id())) {
                throw ServiceExceptions.invalidApiKey(request);
            }
            String ip = refusedIps.get(account.id());
            if (ip != null) {
                throw ServiceExceptions.ipNotWhitelisted(request, ip);
            }
            Optional<NekorektenException> fault = faults.next(request, now, blankKey);
            if (fault.isPresent()) {
                throw fault.get();
            }
            quota.admit(account, now, request);
            T result;
            try {
                result = action.apply(now);
            } catch (NekorektenException refused) {
                throw lostAnswers.next(request, now).orElse(refused);
            }
            Optional<NekorektenException> lost = lostAnswers.next(request, now);
            if (lost.isPresent()) {
                throw lost.get();
            }
            log(new FakeCall(operation, account.id(), now, Optional.empty()));
            return result;
        } catch (NekorektenException e) {
            log(new FakeCall(operation, account.id(), now, Optional.of(e.code())));
            throw e;
        }
    }

    ReportStore store() {
        return store;
    }

    Ids ids() {
        return ids;
    }

    InjectedFaults faults() {
        return faults;
    }

    InjectedFaults lostAnswers() {
        return lostAnswers;
    }

    /** The calls the log still holds, oldest first: the most recent ones, up to its capacity. */
    List<FakeCall> calls() {
        return calls.recent();
    }

    /** How many calls reached the backend since it was built or reset, however many the log still holds. */
    long callCount() {
        return calls.total();
    }

    void refuse(Account account) {
        refusedAccounts.add(account.id());
    }

    void refuseFromIp(Account account, String ip) {
        refusedIps.put(account.id(), ip);
    }

    /** Stores {@code attachments} and returns their new ids, in order. */
    List<FileId> store(List<Attachment> attachments) {
        List<FileId> stored = new ArrayList<>(attachments.size());
        for (Attachment a : attachments) {
            UploadedFile file = new UploadedFile(a.fileName(), a.type(), a.size());
            FileId id;
            do {
                id = FileId.of(Ids.encode(ids.next()));
            } while (files.putIfAbsent(id, file) != null);
            stored.add(id);
        }
        return List.copyOf(stored);
    }

    /** The problems with the ids {@code fields} refers to: unknown files, an unknown city. */
    List<Violation> unknownReferences(ReportFields fields) {
        List<Violation> problems = new ArrayList<>();
        for (FileId file : fields.files()) {
            if (!files.containsKey(file)) {
                problems.add(new Violation("files", "Няма качен файл с id " + file + "."));
            }
        }
        fields.cityId().filter(c -> BulgarianCities.byId(c.value()).isEmpty())
                .ifPresent(c -> problems.add(new Violation("cityID", "Няма град с id " + c + ".")));
        return problems;
    }

    /** A new report with id {@code id}, filed by {@code owner} at {@code createdAt}. */
    StoredReport newReport(long id, ReportFields fields, Instant createdAt, Account owner) {
        return new StoredReport(id, -1, createdAt.getEpochSecond(), fields.text().orElseThrow(),
                fields.phone().map(p -> Long.parseLong(p.digits())).orElse(0L),
                fields.email().map(Email::value).orElse(null),
                fields.firstName().map(PersonName::value).orElse(null),
                fields.lastName().map(PersonName::value).orElse(null),
                fields.siteUrl().map(WebAddress::value).orElse(null),
                fields.facebookUrl().map(WebAddress::value).orElse(null),
                fields.cityId().map(CityId::value).orElse(0), fields.files(), owner);
    }

    /** {@code old} with every field {@code patch} gives replaced; the rest stays. */
    static StoredReport merge(StoredReport old, ReportFields patch) {
        return new StoredReport(old.id(), old.slot(), old.createdAt(), patch.text().orElse(old.text()),
                patch.phone().map(p -> Long.parseLong(p.digits())).orElse(old.phone()),
                patch.email().map(Email::value).orElse(old.email()),
                patch.firstName().map(PersonName::value).orElse(old.firstName()),
                patch.lastName().map(PersonName::value).orElse(old.lastName()),
                patch.siteUrl().map(WebAddress::value).orElse(old.siteUrl()),
                patch.facebookUrl().map(WebAddress::value).orElse(old.facebookUrl()),
                patch.cityId().map(CityId::value).orElse(old.cityId()),
                patch.files().isEmpty() ? old.files() : patch.files(), old.owner());
    }

    /** {@code r} as a search returns it: names and e-mail masked, phone in E.164, the reporter's account. */
    Report render(StoredReport r) {
        Optional<City> city = BulgarianCities.byId(r.cityId());
        List<ReportFile> attached = new ArrayList<>(r.files().size());
        for (FileId id : r.files()) {
            UploadedFile file = files.get(id);
            attached.add(new ReportFile(Optional.of(id), Optional.of(previewUrl(id)),
                    Optional.ofNullable(file == null ? null : file.fileName())));
        }
        return Report.builder()
                .id(ReportId.of(Ids.encode(r.id())))
                .firstName(r.firstName() == null ? null : Masking.name(r.firstName()))
                .lastName(r.lastName() == null ? null : Masking.name(r.lastName()))
                .email(r.email() == null ? null : Masking.email(r.email()))
                .phone(r.phoneE164())
                .siteUrl(r.siteUrl())
                .facebookUrl(r.facebookUrl())
                .text(r.text())
                .createdAt(OffsetDateTime.ofInstant(Instant.ofEpochSecond(r.createdAt()), ZoneOffset.UTC))
                .cityId(city.map(City::id).orElse(null))
                .cityName(city.map(City::name).orElse(null))
                .files(attached)
                .reporter(reporters.computeIfAbsent(r.owner().id(), id -> r.owner().asReporter()))
                .build();
    }

    /**
     * Where a file's preview lives: {@value #FILES_PATH}{@code <id>} resolved against the preview
     * base, as the HTTP adapter resolves the service's relative {@code previewUrl} against its base
     * URI.
     */
    URI previewUrl(FileId id) {
        return previewBase.resolve(FILES_PATH + id.value());
    }

    /** Forgets everything but the clock, and restarts the ids from the seed. */
    void reset() {
        store.clear();
        files.clear();
        calls.clear();
        quota.clear();
        faults.clear();
        lostAnswers.clear();
        refusedAccounts.clear();
        refusedIps.clear();
        ids.restart();
    }

    private void log(FakeCall call) {
        calls.add(call);
    }
}
