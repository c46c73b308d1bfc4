package io.nekorekten4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.nekorekten4j.domain.Phone;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchHit;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.ports.Nekorekten;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of every contract class of the kit: it creates a fresh {@link ConformanceSubject} before
 * each test and closes it after, and offers the helpers the contracts share.
 *
 * <p>An adapter module runs a contract by subclassing it and implementing {@link #createSubject()}:
 *
 * <pre>{@code
 * class MyReportsSearchContractTest extends ReportsSearchContract {
 *     @Override
 *     protected ConformanceSubject createSubject() {
 *         return new MyConformanceSubject();
 *     }
 * }
 * }</pre>
 *
 * <p>Test names carry their rule, as in the Reactive Streams TCK, and every rule has a stable
 * {@link KitRule} id shown in its display name ({@code K-SEARCH-01 required_search_…()}) and mapped
 * to the DESIGN.md behaviour it proves in {@code docs/kit-rules.md}: {@code required_…} rules hold
 * for every adapter; {@code optional_…} rules need a {@link Capability} and are reported
 * <em>skipped</em> (a JUnit assumption) when the subject lacks it, never passed — and each contract
 * class then lists them as <b>untested</b> in its summary (a JUnit report entry and a line on
 * standard output). Do not opt out of a rule with an empty override: that turns a failure into a
 * false pass (the rules are {@code final} for that reason).
 *
 * <h2>Rules that cannot be skipped</h2>
 * The rules the library exists for — <b>never a false "clean"</b> (a failed search, screening,
 * upload or cities call throws or is {@code NOT_CHECKED}, whatever the filters and mode) and
 * <b>never twice</b> (a create or upload whose answer was lost is not sent again) — are
 * {@code required_…} although they need {@link Capability#FAULT_INJECTION} to arrange the failure.
 * A subject that does not declare it <em>fails</em> them, with a message naming the hook to
 * implement, instead of skipping them: otherwise an adapter that fails open would look conformant
 * merely by declaring nothing. The kit cannot arrange faults by itself — it does not know the
 * adapter's backend (a map, a stub server, a company gateway) — so the subject must; an adapter
 * over HTTP can implement the hooks by pointing its client at the fake server module's
 * {@code FakeServer}, whose fake arranges every failure and lost answer.
 */
@ExtendWith(UntestedRules.class)
@DisplayNameGeneration(KitRuleNames.class)
public abstract class NekorektenContract {

    private ConformanceSubject subject;

    /** For subclasses. */
    protected NekorektenContract() {
    }

    /**
     * A new subject with an empty backend (no reports, no files; its cities known). Called once
     * before each test; the kit closes it after the test.
     */
    protected abstract ConformanceSubject createSubject();

    /** Creates this test's subject. */
    @BeforeEach
    protected final void openSubject() {
        subject = Objects.requireNonNull(createSubject(), "createSubject() returned null");
    }

    /** Closes this test's subject, so that no client, thread or connection outlives its test. */
    @AfterEach
    protected final void closeSubject() {
        if (subject != null) {
            subject.close();
            subject = null;
        }
    }

    /** This test's subject. */
    protected final ConformanceSubject subject() {
        if (subject == null) {
            throw new IllegalStateException("no subject: the kit creates one before each test");
        }
        return subject;
    }

    /** The adapter under test, with the subject's own API key. */
    protected final Nekorekten client() {
        return subject().client();
    }

    /** Skips (never passes) the calling test when the subject lacks {@code capability}. */
    protected final void assumeCapability(Capability capability) {
        Objects.requireNonNull(capability, "capability");
        Assumptions.assumeTrue(subject().capabilities().contains(capability),
                () -> "skipped: the subject does not declare Capability." + capability);
    }

    /**
     * Fails (never skips) the calling {@code required_…} rule when the subject lacks
     * {@code capability}, with a message saying why the rule cannot be skipped.
     *
     * @param because what the rule protects, e.g. "a failed search must never look clean"
     */
    protected final void requireCapability(Capability capability, String because) {
        Objects.requireNonNull(capability, "capability");
        Objects.requireNonNull(because, "because");
        if (!subject().capabilities().contains(capability)) {
            Assertions.fail("required rule, never skipped: " + because + ". The subject does not declare Capability."
                    + capability + ", so the kit cannot arrange the failure that shows it; implement "
                    + hookOf(capability) + " in " + subject().getClass().getSimpleName()
                    + " and declare the capability (an HTTP adapter can run against the fake server module's FakeServer)");
        }
    }

    private static String hookOf(Capability capability) {
        return switch (capability) {
            case FAULT_INJECTION -> "ConformanceSubject.arrangeFailures and arrangeLostAnswers";
            case QUOTA_SIMULATION -> "ConformanceSubject.arrangeRateLimit and arrangeQuotaExhausted";
            case INVALID_KEY -> "ConformanceSubject.clientWithInvalidKey";
            case IP_WHITELIST -> "ConformanceSubject.clientRefusedFromIp";
            case HOSTILE_SERVER_TEXT -> "ConformanceSubject.arrangeServerText";
            case UNANSWERED_REQUESTS -> "ConformanceSubject.arrangeNoAnswer";
            default -> "what Capability." + capability + " stands for";
        };
    }

    /** The first page of reports for {@code phone} (as typed), searched by the client. */
    protected final SearchResult searchByPhone(String phone) {
        return client().search(SearchCriteria.builder().phone(phone).build());
    }

    /** The hits of the first page of reports for {@code phone} whose text is {@code text}. */
    protected final List<SearchHit> hitsWithText(String phone, String text) {
        return searchByPhone(phone).hits().stream().filter(h -> h.report().text().equals(text)).toList();
    }

    /**
     * Files {@code draft} with the client and finds it again by its phone (the draft must carry
     * one, and a text no other report of that phone has): the live service is not known to return
     * the new id, so the kit never relies on the receipt for it.
     */
    protected final ReportId createAndFind(ReportDraft draft) {
        Phone phone = draft.fields().phone()
                .orElseThrow(() -> new IllegalArgumentException("createAndFind needs a draft with a phone"));
        client().create(draft);
        List<SearchHit> hits = hitsWithText(phone.digits(), draft.text());
        assertThat(hits).as("reports found by the phone of a report just created, with its text").hasSize(1);
        return hits.get(0).report().id();
    }

    /**
     * Runs {@code call}, checks that it threw a {@code type} and that no request reached the
     * backend meanwhile: invalid input must be refused before any request, so no quota is spent.
     *
     * @return what was thrown
     */
    protected final <E extends Throwable> E assertRefusedBeforeAnyRequest(Class<E> type, ThrowingCallable call) {
        long before = subject().backendRequestCount();
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("what the call threw").isInstanceOf(type);
        assertThat(subject().backendRequestCount())
                .as("requests that reached the backend (invalid input must be refused before any request)")
                .isEqualTo(before);
        return type.cast(thrown);
    }

    /** Checks that exactly {@code expected} requests reached the backend while {@code action} ran. */
    protected final <T> T expectingBackendRequests(long expected, Supplier<T> action) {
        long before = subject().backendRequestCount();
        T result = action.get();
        assertThat(subject().backendRequestCount() - before)
                .as("requests that reached the backend").isEqualTo(expected);
        return result;
    }
}
