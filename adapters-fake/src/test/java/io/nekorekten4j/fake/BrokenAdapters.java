package io.nekorekten4j.fake;

import io.nekorekten4j.conformance.CallOptionsContract;
import io.nekorekten4j.conformance.Capability;
import io.nekorekten4j.conformance.ConformanceSubject;
import io.nekorekten4j.conformance.FailureContract;
import io.nekorekten4j.conformance.SafetyContract;
import io.nekorekten4j.conformance.ReportsSearchContract;
import io.nekorekten4j.conformance.ReportsWriteContract;
import io.nekorekten4j.conformance.ScreeningContract;
import io.nekorekten4j.conformance.ValidationContract;
import io.nekorekten4j.domain.Attachment;
import io.nekorekten4j.domain.City;
import io.nekorekten4j.domain.FileId;
import io.nekorekten4j.domain.MatchCertainty;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.ReportPatch;
import io.nekorekten4j.domain.ReportReceipt;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchField;
import io.nekorekten4j.domain.SearchHit;
import io.nekorekten4j.domain.SearchMode;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.ports.CallOptions;
import io.nekorekten4j.ports.FilesPort;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.ForbiddenException;
import io.nekorekten4j.ports.Nekorekten;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.NoUsableAnswerException;
import io.nekorekten4j.ports.TransportException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Deliberately broken adapters, each a decorator around {@link NekorektenFake} with one bug that
 * real integrations of the service have had, and the contract subclasses that run the kit against
 * them. {@link KitSelfTest} runs those subclasses and expects the kit to <em>fail</em> on each: a
 * kit rule that cannot fail is worthless.
 *
 * <p>The contract subclasses are static nested classes whose names do not end in {@code Test}, so
 * Surefire never runs them on their own (they would fail, by design); only {@link KitSelfTest}
 * selects them through the JUnit Platform {@code EngineTestKit}.
 */
final class BrokenAdapters {

    private BrokenAdapters() {
    }

    // ---- the bugs ----------------------------------------------------------------------------

    /** Passes every call on; the broken adapters override the call they break. */
    static class Forwarding implements Nekorekten {
        final Nekorekten delegate;

        Forwarding(Nekorekten delegate) {
            this.delegate = Objects.requireNonNull(delegate, "delegate");
        }

        @Override
        public SearchResult search(SearchCriteria criteria) {
            return delegate.search(criteria);
        }

        @Override
        public ReportReceipt create(ReportDraft draft) {
            return delegate.create(draft);
        }

        @Override
        public ReportReceipt update(ReportId id, ReportPatch patch) {
            return delegate.update(id, patch);
        }

        @Override
        public void delete(ReportId id) {
            delegate.delete(id);
        }

        @Override
        public List<FileId> upload(List<Attachment> attachments) {
            return delegate.upload(attachments);
        }

        @Override
        public List<City> cities() {
            return delegate.cities();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    /** Never sends the mode: every search runs as the service's default, {@code ALL}. */
    static final class AlwaysAll extends Forwarding {
        AlwaysAll(Nekorekten delegate) {
            super(delegate);
        }

        @Override
        public SearchResult search(SearchCriteria criteria) {
            return delegate.search(criteria.toBuilder().mode(SearchMode.ALL).build());
        }
    }

    /** Hard-codes {@code searchMode=one-of}, as a plugin that wanted "phone or e-mail" might. */
    static final class AlwaysOneOf extends Forwarding {
        AlwaysOneOf(Nekorekten delegate) {
            super(delegate);
        }

        @Override
        public SearchResult search(SearchCriteria criteria) {
            return delegate.search(criteria.toBuilder().mode(SearchMode.ONE_OF).build());
        }
    }

    /** Fails open: any error of a search, an upload or the cities becomes an empty answer. */
    static final class SwallowsFailures extends Forwarding {
        SwallowsFailures(Nekorekten delegate) {
            super(delegate);
        }

        @Override
        public SearchResult search(SearchCriteria criteria) {
            try {
                return delegate.search(criteria);
            } catch (NekorektenException e) {
                return new SearchResult(List.of(), 0, criteria.page(), SearchResult.DEFAULT_PAGE_SIZE);
            }
        }

        @Override
        public List<FileId> upload(List<Attachment> attachments) {
            try {
                return delegate.upload(attachments);
            } catch (NekorektenException e) {
                return List.of();
            }
        }

        @Override
        public List<City> cities() {
            try {
                return delegate.cities();
            } catch (NekorektenException e) {
                return List.of();
            }
        }
    }

    /**
     * Fails open only on searches with several filters — exactly how screening asks — as an
     * integration that special-cased its "phone or e-mail" lookup might: a failure of such a search
     * becomes an empty answer; single-filter searches fail honestly.
     */
    static final class FailsOpenOnMultiFilterSearch extends Forwarding {
        FailsOpenOnMultiFilterSearch(Nekorekten delegate) {
            super(delegate);
        }

        @Override
        public SearchResult search(SearchCriteria criteria) {
            try {
                return delegate.search(criteria);
            } catch (NekorektenException e) {
                if (criteria.fields().size() < 2) {
                    throw e;
                }
                return new SearchResult(List.of(), 0, criteria.page(), SearchResult.DEFAULT_PAGE_SIZE);
            }
        }
    }

    /**
     * Sends a create or an upload again when its answer did not come (a reset, a timeout, an
     * unreadable answer): the classic "report filed twice" bug of a client that retries POST.
     */
    static final class ResendsWritesAfterALostAnswer extends Forwarding {
        private static final int ATTEMPTS = 3;

        ResendsWritesAfterALostAnswer(Nekorekten delegate) {
            super(delegate);
        }

        @Override
        public ReportReceipt create(ReportDraft draft) {
            for (int attempt = 1; ; attempt++) {
                try {
                    return delegate.create(draft);
                } catch (NoUsableAnswerException e) {
                    if (attempt == ATTEMPTS) {
                        throw e;
                    }
                }
            }
        }

        @Override
        public List<FileId> upload(List<Attachment> attachments) {
            for (int attempt = 1; ; attempt++) {
                try {
                    return delegate.upload(attachments);
                } catch (NoUsableAnswerException e) {
                    if (attempt == ATTEMPTS) {
                        throw e;
                    }
                }
            }
        }
    }

    /**
     * Sends an upload before checking it: a missing, empty or over-long list reaches the backend
     * (here: one request spent on the cities, as an empty multipart body would be spent), and an
     * empty list comes back as no ids instead of an error.
     */
    static final class SkipsValidation extends Forwarding {
        SkipsValidation(Nekorekten delegate) {
            super(delegate);
        }

        @Override
        public List<FileId> upload(List<Attachment> attachments) {
            if (attachments == null || attachments.isEmpty() || attachments.size() > FilesPort.MAX_ATTACHMENTS_PER_UPLOAD) {
                delegate.cities();
                Objects.requireNonNull(attachments, "attachments");
                return List.of();
            }
            return delegate.upload(attachments);
        }
    }

    /** Treats "forbidden" as done: a change to another key's report seems to succeed. */
    static final class IgnoresOwnership extends Forwarding {
        IgnoresOwnership(Nekorekten delegate) {
            super(delegate);
        }

        @Override
        public ReportReceipt update(ReportId id, ReportPatch patch) {
            try {
                return delegate.update(id, patch);
            } catch (ForbiddenException e) {
                return new ReportReceipt(Optional.of(id), "");
            }
        }

        @Override
        public void delete(ReportId id) {
            try {
                delegate.delete(id);
            } catch (ForbiddenException e) {
                // the bug: a refusal passed off as success
            }
        }
    }

    /** Claims that every hit matched every filter of the search, for certain. */
    static final class InflatesAttribution extends Forwarding {
        InflatesAttribution(Nekorekten delegate) {
            super(delegate);
        }

        @Override
        public SearchResult search(SearchCriteria criteria) {
            SearchResult result = delegate.search(criteria);
            Map<SearchField, MatchCertainty> everything = new EnumMap<>(SearchField.class);
            criteria.fields().forEach(f -> everything.put(f, MatchCertainty.CERTAIN));
            List<SearchHit> hits = result.hits().stream().map(h -> new SearchHit(h.report(), everything)).toList();
            return new SearchResult(hits, result.totalCount(), result.page(), result.pageSize());
        }
    }

    /** Presents a page as the whole answer: the total is the size of the page. */
    static final class PageAsWhole extends Forwarding {
        PageAsWhole(Nekorekten delegate) {
            super(delegate);
        }

        @Override
        public SearchResult search(SearchCriteria criteria) {
            SearchResult result = delegate.search(criteria);
            return new SearchResult(result.hits(), result.hits().size(), result.page(), result.pageSize());
        }
    }

    /**
     * Puts the key where people and logs read it: in its {@code toString()} ("for debugging") and
     * in the message of a failed search, as an adapter that prints its request line might.
     */
    static final class LeaksTheKey extends Forwarding {
        private final String key;

        LeaksTheKey(Nekorekten delegate, String key) {
            super(delegate);
            this.key = key;
        }

        @Override
        public SearchResult search(SearchCriteria criteria) {
            try {
                return delegate.search(criteria);
            } catch (NekorektenException e) {
                throw new TransportException("GET /api/v1/reports with Api-Key " + key + " failed", e.context(), e);
            }
        }

        @Override
        public String toString() {
            return "LeaksTheKey[apiKey=" + key + "]";
        }
    }

    /**
     * Keeps the service's raw words with a failure "for diagnostics", as a suppressed exception
     * that every log prints: control characters, forged lines, 100 KB, an echoed key — as they came.
     * {@code lastServerText} is what the service last said (the raw body such an adapter reads).
     */
    static final class EchoesServerText extends Forwarding {
        private final AtomicReference<String> lastServerText;

        EchoesServerText(Nekorekten delegate, AtomicReference<String> lastServerText) {
            super(delegate);
            this.lastServerText = lastServerText;
        }

        @Override
        public SearchResult search(SearchCriteria criteria) {
            try {
                return delegate.search(criteria);
            } catch (NekorektenException e) {
                e.addSuppressed(new IllegalStateException("the service said: " + lastServerText.get()));
                throw e;
            }
        }
    }

    /**
     * Waits for an answer however long it takes: a call that timed out is sent again until one
     * comes, so a server that never answers makes it hang (here: until the silence ends, when it
     * answers as if nothing happened).
     */
    static final class WaitsForAnAnswer extends Forwarding {
        private static final int ATTEMPTS = 1_000;

        WaitsForAnAnswer(Nekorekten delegate) {
            super(delegate);
        }

        @Override
        public SearchResult search(SearchCriteria criteria) {
            for (int attempt = 1; ; attempt++) {
                try {
                    return delegate.search(criteria);
                } catch (NekorektenException e) {
                    if (e.code() != ErrorCode.TIMEOUT || attempt == ATTEMPTS) {
                        throw e;
                    }
                }
            }
        }

        @Override
        public ReportReceipt create(ReportDraft draft) {
            for (int attempt = 1; ; attempt++) {
                try {
                    return delegate.create(draft);
                } catch (NekorektenException e) {
                    if (e.code() != ErrorCode.TIMEOUT || attempt == ATTEMPTS) {
                        throw e;
                    }
                }
            }
        }
    }

    /**
     * Gives a view that is not the client: {@code withOptions} builds a new, empty in-memory fake
     * (another backend, another key) and takes {@code null} as well as any options.
     */
    static final class ViewOnAnotherBackend extends Forwarding {
        ViewOnAnotherBackend(Nekorekten delegate) {
            super(delegate);
        }

        @Override
        public Nekorekten withOptions(CallOptions options) {
            return NekorektenFake.create();
        }
    }

    /**
     * A client whose views carry {@code viewBug}: {@code withOptions} refuses {@code null} as it
     * should, and gives the delegate's view with the bug in front of it.
     */
    static final class WithBrokenViews extends Forwarding {
        private final UnaryOperator<Nekorekten> viewBug;

        WithBrokenViews(Nekorekten delegate, UnaryOperator<Nekorekten> viewBug) {
            super(delegate);
            this.viewBug = viewBug;
        }

        @Override
        public Nekorekten withOptions(CallOptions options) {
            Objects.requireNonNull(options, "options");
            return viewBug.apply(delegate.withOptions(options));
        }
    }

    /**
     * Closing a view closes the client it came from: a view that "owns" the shared connections.
     * Every view and the client share one closed flag; a closed one refuses searches.
     */
    static final class ViewClosesTheClient extends Forwarding {
        private final AtomicBoolean closed;

        ViewClosesTheClient(Nekorekten delegate) {
            this(delegate, new AtomicBoolean());
        }

        private ViewClosesTheClient(Nekorekten delegate, AtomicBoolean closed) {
            super(delegate);
            this.closed = closed;
        }

        @Override
        public SearchResult search(SearchCriteria criteria) {
            if (closed.get()) {
                throw new IllegalStateException("the client is closed");
            }
            return delegate.search(criteria);
        }

        @Override
        public Nekorekten withOptions(CallOptions options) {
            Objects.requireNonNull(options, "options");
            return new ViewClosesTheClient(delegate, closed);
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    // ---- their subjects ----------------------------------------------------------------------

    /** A {@link FakeConformanceSubject} whose clients carry {@code bug}. */
    static class BrokenSubject implements ConformanceSubject {
        private final FakeConformanceSubject fake = new FakeConformanceSubject();
        private final UnaryOperator<Nekorekten> bug;
        private final Nekorekten client;
        private final Nekorekten otherClient;

        BrokenSubject(UnaryOperator<Nekorekten> bug) {
            this.bug = bug;
            this.client = bug.apply(fake.client());
            this.otherClient = bug.apply(fake.clientWithOtherKey());
        }

        @Override
        public Nekorekten client() {
            return client;
        }

        @Override
        public Nekorekten clientWithOtherKey() {
            return otherClient;
        }

        @Override
        public Nekorekten clientWithInvalidKey() {
            return bug.apply(fake.clientWithInvalidKey());
        }

        @Override
        public Nekorekten clientRefusedFromIp(String ipAddress) {
            return bug.apply(fake.clientRefusedFromIp(ipAddress));
        }

        @Override
        public ReportId arrangeReport(ReportDraft draft, Instant createdAt) {
            return fake.arrangeReport(draft, createdAt);
        }

        @Override
        public void arrangeRateLimit(Duration retryAfter, int requests) {
            fake.arrangeRateLimit(retryAfter, requests);
        }

        @Override
        public void arrangeQuotaExhausted(Instant resetsAt) {
            fake.arrangeQuotaExhausted(resetsAt);
        }

        @Override
        public void arrangeFailures(ErrorCode code, int requests) {
            fake.arrangeFailures(code, requests);
        }

        @Override
        public void arrangeLostAnswers(ErrorCode how, int requests) {
            fake.arrangeLostAnswers(how, requests);
        }

        @Override
        public void arrangeServerText(ErrorCode code, String text, int requests) {
            fake.arrangeServerText(code, text, requests);
        }

        @Override
        public void arrangeNoAnswer(int requests) {
            fake.arrangeNoAnswer(requests);
        }

        @Override
        public Optional<String> apiKey() {
            return fake.apiKey();
        }

        @Override
        public long backendRequestCount() {
            return fake.backendRequestCount();
        }

        @Override
        public Set<Capability> capabilities() {
            return fake.capabilities();
        }

        @Override
        public void close() {
            fake.close();
        }
    }

    /**
     * The fake (optionally behind a bug), declaring no capability and keeping the SPI's refusing
     * defaults for the arrange methods: every optional rule must be skipped, none may call what the
     * subject lacks, and every required rule that needs a fault hook must fail.
     */
    static final class SubjectWithoutCapabilities implements ConformanceSubject {
        private final FakeConformanceSubject fake = new FakeConformanceSubject();
        private final Nekorekten client;
        private final Nekorekten otherClient;

        SubjectWithoutCapabilities() {
            this(UnaryOperator.identity());
        }

        SubjectWithoutCapabilities(UnaryOperator<Nekorekten> bug) {
            this.client = bug.apply(fake.client());
            this.otherClient = bug.apply(fake.clientWithOtherKey());
        }

        @Override
        public Nekorekten client() {
            return client;
        }

        @Override
        public Nekorekten clientWithOtherKey() {
            return otherClient;
        }

        @Override
        public ReportId arrangeReport(ReportDraft draft, Instant createdAt) {
            return fake.arrangeReport(draft, createdAt);
        }

        @Override
        public long backendRequestCount() {
            return fake.backendRequestCount();
        }

        @Override
        public Set<Capability> capabilities() {
            return Set.of();
        }

        @Override
        public void close() {
            fake.close();
        }
    }

    // ---- the kit against them ----------------------------------------------------------------

    /** {@link ReportsSearchContract} against {@link AlwaysAll}. */
    static final class AlwaysAllSearchContract extends ReportsSearchContract {
        @Override
        protected ConformanceSubject createSubject() {
            return new BrokenSubject(AlwaysAll::new);
        }
    }

    /** {@link ReportsSearchContract} against {@link AlwaysOneOf}. */
    static final class AlwaysOneOfSearchContract extends ReportsSearchContract {
        @Override
        protected ConformanceSubject createSubject() {
            return new BrokenSubject(AlwaysOneOf::new);
        }
    }

    /** {@link FailureContract} against {@link SwallowsFailures}. */
    static final class SwallowsFailuresFailureContract extends FailureContract {
        @Override
        protected ConformanceSubject createSubject() {
            return new BrokenSubject(SwallowsFailures::new);
        }
    }

    /** {@link ScreeningContract} against {@link SwallowsFailures}: a failed search must be NOT_CHECKED, never NOT_FOUND. */
    static final class SwallowsFailuresScreeningContract extends ScreeningContract {
        @Override
        protected ConformanceSubject createSubject() {
            return new BrokenSubject(SwallowsFailures::new);
        }
    }

    /** {@link ScreeningContract} against {@link AlwaysAll}: a buyer's fields must be united, not intersected. */
    static final class AlwaysAllScreeningContract extends ScreeningContract {
        @Override
        protected ConformanceSubject createSubject() {
            return new BrokenSubject(AlwaysAll::new);
        }
    }

    /** {@link ValidationContract} against {@link SkipsValidation}. */
    static final class SkipsValidationValidationContract extends ValidationContract {
        @Override
        protected ConformanceSubject createSubject() {
            return new BrokenSubject(SkipsValidation::new);
        }
    }

    /** {@link ReportsWriteContract} against {@link IgnoresOwnership}. */
    static final class IgnoresOwnershipWriteContract extends ReportsWriteContract {
        @Override
        protected ConformanceSubject createSubject() {
            return new BrokenSubject(IgnoresOwnership::new);
        }
    }

    /** {@link ReportsSearchContract} against {@link InflatesAttribution}. */
    static final class InflatesAttributionSearchContract extends ReportsSearchContract {
        @Override
        protected ConformanceSubject createSubject() {
            return new BrokenSubject(InflatesAttribution::new);
        }
    }

    /** {@link ReportsSearchContract} against {@link PageAsWhole}. */
    static final class PageAsWholeSearchContract extends ReportsSearchContract {
        @Override
        protected ConformanceSubject createSubject() {
            return new BrokenSubject(PageAsWhole::new);
        }
    }

    /** {@link FailureContract} against {@link SubjectWithoutCapabilities}. */
    static final class WithoutCapabilitiesFailureContract extends FailureContract {
        @Override
        protected ConformanceSubject createSubject() {
            return new SubjectWithoutCapabilities();
        }
    }

    /** {@link ScreeningContract} against {@link SubjectWithoutCapabilities}. */
    static final class WithoutCapabilitiesScreeningContract extends ScreeningContract {
        @Override
        protected ConformanceSubject createSubject() {
            return new SubjectWithoutCapabilities();
        }
    }

    /**
     * {@link FailureContract} against {@link SwallowsFailures} behind a subject that declares no
     * capability: the fail-open adapter that hoped to pass by declaring nothing.
     */
    static final class SwallowsFailuresWithoutCapabilitiesFailureContract extends FailureContract {
        @Override
        protected ConformanceSubject createSubject() {
            return new SubjectWithoutCapabilities(SwallowsFailures::new);
        }
    }

    /** {@link FailureContract} against {@link FailsOpenOnMultiFilterSearch}. */
    static final class FailsOpenOnMultiFilterFailureContract extends FailureContract {
        @Override
        protected ConformanceSubject createSubject() {
            return new BrokenSubject(FailsOpenOnMultiFilterSearch::new);
        }
    }

    /** {@link ScreeningContract} against {@link FailsOpenOnMultiFilterSearch}. */
    static final class FailsOpenOnMultiFilterScreeningContract extends ScreeningContract {
        @Override
        protected ConformanceSubject createSubject() {
            return new BrokenSubject(FailsOpenOnMultiFilterSearch::new);
        }
    }

    /** {@link FailureContract} against {@link ResendsWritesAfterALostAnswer}. */
    static final class ResendsWritesFailureContract extends FailureContract {
        @Override
        protected ConformanceSubject createSubject() {
            return new BrokenSubject(ResendsWritesAfterALostAnswer::new);
        }
    }

    /** {@link SafetyContract} against {@link LeaksTheKey}. */
    static final class LeaksTheKeySafetyContract extends SafetyContract {
        @Override
        protected ConformanceSubject createSubject() {
            return new BrokenSubject(d -> new LeaksTheKey(d, FakeConformanceSubject.KEY));
        }
    }

    /** {@link SafetyContract} against {@link EchoesServerText}, fed what the service last said. */
    static final class EchoesServerTextSafetyContract extends SafetyContract {
        @Override
        protected ConformanceSubject createSubject() {
            AtomicReference<String> lastServerText = new AtomicReference<>("");
            return new BrokenSubject(d -> new EchoesServerText(d, lastServerText)) {
                @Override
                public void arrangeServerText(ErrorCode code, String text, int requests) {
                    lastServerText.set(text);
                    super.arrangeServerText(code, text, requests);
                }
            };
        }
    }

    /** {@link SafetyContract} against {@link WaitsForAnAnswer}. */
    static final class WaitsForAnAnswerSafetyContract extends SafetyContract {
        @Override
        protected ConformanceSubject createSubject() {
            return new BrokenSubject(WaitsForAnAnswer::new);
        }
    }

    /** {@link SafetyContract} against {@link SubjectWithoutCapabilities} (which declares no key either). */
    static final class WithoutCapabilitiesSafetyContract extends SafetyContract {
        @Override
        protected ConformanceSubject createSubject() {
            return new SubjectWithoutCapabilities();
        }
    }

    /** {@link CallOptionsContract} against {@link ViewOnAnotherBackend}. */
    static final class ViewOnAnotherBackendCallOptionsContract extends CallOptionsContract {
        @Override
        protected ConformanceSubject createSubject() {
            return new BrokenSubject(ViewOnAnotherBackend::new);
        }
    }

    /** {@link CallOptionsContract} against a client whose views send an upload before checking it. */
    static final class ViewSkipsValidationCallOptionsContract extends CallOptionsContract {
        @Override
        protected ConformanceSubject createSubject() {
            return new BrokenSubject(d -> new WithBrokenViews(d, SkipsValidation::new));
        }
    }

    /** {@link CallOptionsContract} against a client whose views swallow failures. */
    static final class ViewSwallowsFailuresCallOptionsContract extends CallOptionsContract {
        @Override
        protected ConformanceSubject createSubject() {
            return new BrokenSubject(d -> new WithBrokenViews(d, SwallowsFailures::new));
        }
    }

    /** {@link CallOptionsContract} against {@link ViewClosesTheClient}. */
    static final class ViewClosesTheClientCallOptionsContract extends CallOptionsContract {
        @Override
        protected ConformanceSubject createSubject() {
            return new BrokenSubject(ViewClosesTheClient::new);
        }
    }
}
