package io.nekorekten4j.fakeserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.cache.CacheOptions;
import io.nekorekten4j.conformance.TestData;
import io.nekorekten4j.domain.FileId;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.ReportPatch;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchMode;
import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.domain.Violation;
import io.nekorekten4j.fake.MutableClock;
import io.nekorekten4j.fake.NekorektenFake;
import io.nekorekten4j.http.Sleeper;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.InvalidRequestException;
import io.nekorekten4j.ports.IpNotWhitelistedException;
import io.nekorekten4j.ports.Nekorekten;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.QuotaExhaustedException;
import io.nekorekten4j.ports.RateLimitedException;
import io.nekorekten4j.ports.RequestOutcome;
import io.nekorekten4j.ports.ServiceRefusedException;
import io.nekorekten4j.ports.screening.Buyer;
import io.nekorekten4j.ports.screening.Screening;
import io.nekorekten4j.ports.screening.ScreeningResult;
import io.nekorekten4j.testing.TestClients.Wire;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Parity of the two ways users run the fake: one scripted session — cities, uploads, creates,
 * searches in both modes and by every filter, a later page, screening, an update, deletes, and the
 * error cases (a refused body, another key's report, a missing report, a refused key and IP, 429,
 * 503, a spent quota, invalid input, lost answers) — runs against the in-memory
 * {@link NekorektenFake} and against {@code NekorektenHttp} → {@link FakeServer}, on each
 * transport, and every observable result must be equal: values field by field (a report's
 * every field, not only its id), and failures by class, code, outcome, attempts, message, status,
 * the service's message, field errors, wait and reset time.
 *
 * <p>Both backends are fakes with the same seed on the same frozen clock, so ids and dates agree;
 * the in-memory fake resolves preview URLs against the server's URI, as the HTTP client does.
 * Left out of the comparison, because only one side can have them: the raw body excerpt of a
 * failure (there is no body in memory), and the wording of transport-level failures (a lost
 * answer's message names the transport's own exception) — for those the class and code are
 * compared, and what the backend holds afterwards.
 */
class InMemoryVsWireParityTest {

    /**
     * The HTTP adapter's result cache answers repeated searches without a request, which the fake
     * does not do: off here, so that both sides also spend the same requests.
     */
    private static final CacheOptions NO_CACHE = CacheOptions.disabled();
    private static final long SEED = 77L;
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final String KEY = "parity-key";
    private static final String OTHER_KEY = "parity-other-key";
    private static final String REVOKED_KEY = "parity-revoked-key";
    private static final String OFFICE_KEY = "parity-office-key";

    @ParameterizedTest
    @EnumSource(Wire.class)
    void oneScriptedSessionGivesEqualResultsInMemoryAndOverTheWire(Wire wire) {
        MutableClock clock = MutableClock.at(NOW);
        NekorektenFake serverFake = NekorektenFake.builder().seed(SEED).clock(clock).apiKey(KEY).build();
        // The client's own clock, at the servers' instant, advanced by its waits (the servers' stays frozen):
        // a Retry-After date the server computes then means the same instant to the client.
        MutableClock clientClock = MutableClock.at(NOW);
        Sleeper sleeper = wait -> {
            if (!wait.isNegative()) {
                clientClock.advance(wait);
            }
        };
        try (FakeServer server = FakeServer.builder().fake(serverFake).clock(clock).build().start()) {
            NekorektenFake memory = NekorektenFake.builder().seed(SEED).clock(clock).apiKey(KEY)
                    .previewBaseUri(server.uri()).build();
            List<Step> inMemory = new Session(memory, memory.withKey(OTHER_KEY), memory.withKey(REVOKED_KEY),
                    memory.withKey(OFFICE_KEY), memory).run();
            List<Step> overTheWire;
            try (Nekorekten client = FakeServerHttpClients.client(server.uri(), KEY, wire, clientClock, sleeper, NO_CACHE);
                 Nekorekten other = FakeServerHttpClients.client(server.uri(), OTHER_KEY, wire, clientClock, sleeper, NO_CACHE);
                 Nekorekten revoked = FakeServerHttpClients.client(server.uri(), REVOKED_KEY, wire, clientClock, sleeper, NO_CACHE);
                 Nekorekten office = FakeServerHttpClients.client(server.uri(), OFFICE_KEY, wire, clientClock, sleeper, NO_CACHE)) {
                overTheWire = new Session(client, other, revoked, office, serverFake).run();
            }

            assertThat(overTheWire).extracting(Step::name).isEqualTo(inMemory.stream().map(Step::name).toList());
            for (int i = 0; i < inMemory.size(); i++) {
                assertThat(overTheWire.get(i)).as("step %d, %s, over the wire (%s) vs in memory", i + 1,
                                inMemory.get(i).name(), wire)
                        .usingRecursiveComparison().isEqualTo(inMemory.get(i));
            }
            assertThat(serverFake.reportCount()).isEqualTo(memory.reportCount());
            assertThat(serverFake.callCount()).as("calls that reached each backend").isEqualTo(memory.callCount());
        }
    }

    /** One step of the session: its name and what it gave — a value, or a {@link Failure}. */
    record Step(String name, Object outcome) {
    }

    /** A failure as a caller can observe it. */
    record Failure(String type, ErrorCode code, RequestOutcome outcome, OptionalInt attempts, String message,
                   OptionalInt status, Optional<String> serviceMessage, List<Violation> fieldErrors,
                   Optional<Duration> retryAfter, Optional<Instant> resetsAt, Optional<String> ipAddress) {

        static Failure of(NekorektenException e) {
            return new Failure(e.getClass().getName(), e.code(), e.outcome(), e.attempts(), e.getMessage(),
                    e.context().status(),
                    e instanceof ServiceRefusedException refused ? refused.serviceMessage() : Optional.empty(),
                    e instanceof InvalidRequestException invalid ? invalid.fieldErrors() : List.of(),
                    e instanceof RateLimitedException limited ? limited.retryAfter() : Optional.empty(),
                    e instanceof QuotaExhaustedException spent ? spent.resetsAt() : Optional.empty(),
                    e instanceof IpNotWhitelistedException ip ? ip.ipAddress() : Optional.empty());
        }
    }

    /** A failure whose wording is the transport's: its class, code, outcome and attempts. */
    record LostAnswer(String type, ErrorCode code, RequestOutcome outcome, OptionalInt attempts) {
    }

    /** Invalid input refused before any request: the fields and messages. */
    record Refused(List<Violation> violations) {
    }

    /**
     * The script, against a client of {@link #KEY}, one of another key, one of a revoked key, one
     * of a key refused from an address, and the fake behind them (to arrange faults).
     */
    private static final class Session {
        private final Nekorekten api;
        private final Nekorekten other;
        private final Nekorekten revoked;
        private final Nekorekten office;
        private final NekorektenFake backend;
        private final List<Step> steps = new ArrayList<>();

        Session(Nekorekten api, Nekorekten other, Nekorekten revoked, Nekorekten office, NekorektenFake backend) {
            this.api = api;
            this.other = other;
            this.revoked = revoked;
            this.office = office;
            this.backend = backend;
        }

        List<Step> run() {
            step("cities", api::cities);
            List<FileId> files = step("upload", () -> api.upload(List.of(TestData.jpeg("снимка.jpg"),
                    TestData.pdf("order-1001.pdf"))));
            ReportDraft ivan = ReportDraft.builder().text(TestData.TEXT).phone(TestData.PHONE).email(TestData.EMAIL)
                    .firstName(TestData.FIRST_NAME).lastName(TestData.LAST_NAME).siteUrl(TestData.SITE)
                    .facebookUrl(TestData.FACEBOOK).cityId(4).files(files.toArray(FileId[]::new)).build();
            step("create Ivan", () -> api.create(ivan));
            step("create Maria", () -> api.create(ReportDraft.builder().text("Втори сигнал.").phone(TestData.OTHER_PHONE)
                    .email(TestData.OTHER_EMAIL).firstName(TestData.OTHER_FIRST_NAME).build()));
            for (int n = 0; n < 22; n++) {
                int i = n;
                step("create page filler " + n, () -> api.create(ReportDraft.builder().text("Пълнеж " + i)
                        .phone(TestData.THIRD_PHONE).build()));
            }
            step("search phone", () -> api.search(SearchCriteria.builder().phone(TestData.PHONE_INTERNATIONAL).build()));
            step("search phone + e-mail, ALL", () -> api.search(SearchCriteria.builder().phone(TestData.PHONE)
                    .email(TestData.OTHER_EMAIL).mode(SearchMode.ALL).build()));
            step("search phone + e-mail, ONE_OF", () -> api.search(SearchCriteria.builder().phone(TestData.PHONE)
                    .email(TestData.OTHER_EMAIL).mode(SearchMode.ONE_OF).build()));
            step("search name", () -> api.search(SearchCriteria.builder().name(TestData.FIRST_NAME).build()));
            step("search site", () -> api.search(SearchCriteria.builder().site(TestData.SITE).build()));
            step("search page 1", () -> api.search(SearchCriteria.builder().phone(TestData.THIRD_PHONE).build()));
            step("search page 2", () -> api.search(SearchCriteria.builder().phone(TestData.THIRD_PHONE).page(2).build()));
            step("screen", () -> Screening.of(api).screen(Buyer.builder().phone(TestData.OTHER_PHONE)
                    .email(TestData.EMAIL).name(TestData.LAST_NAME).build()));
            ReportId ivanId = idOf(TestData.PHONE);
            ReportId mariaId = idOf(TestData.OTHER_PHONE);
            step("update", () -> api.update(ivanId, ReportPatch.builder().text("Поправен текст.").build()));
            step("search after update", () -> api.search(SearchCriteria.builder().phone(TestData.PHONE).build()));
            step("update of another key's report", () -> other.update(ivanId, ReportPatch.builder().text("x").build()));
            step("delete of another key's report", () -> {
                other.delete(mariaId);
                return "deleted";
            });
            step("delete", () -> {
                api.delete(mariaId);
                return "deleted";
            });
            step("delete again", () -> {
                api.delete(mariaId);
                return "deleted";
            });
            step("create with an unknown file", () -> api.create(ReportDraft.builder().text("x").phone(TestData.PHONE)
                    .files(FileId.of("nosuchfile")).build()));
            step("create with an unknown city", () -> api.create(ReportDraft.builder().text("x").phone(TestData.PHONE)
                    .cityId(9_999).build()));
            step("invalid phone", () -> api.search(SearchCriteria.builder().phone("12").build()));
            step("empty upload", () -> api.upload(List.of()));
            backend.refuseKey(REVOKED_KEY);
            step("revoked key", () -> revoked.search(SearchCriteria.builder().phone(TestData.PHONE).build()));
            backend.refuseFromIp(OFFICE_KEY, "198.51.100.23");
            step("key refused from an IP", () -> office.cities());
            backend.failNext(1, ErrorCode.SERVICE_UNAVAILABLE);
            step("503", () -> api.search(SearchCriteria.builder().email(TestData.EMAIL).build()));
            backend.failNext(1, ErrorCode.RATE_LIMITED);
            step("429", () -> api.search(SearchCriteria.builder().email(TestData.EMAIL).build()));
            backend.failNext(1, ErrorCode.INVALID_REQUEST);
            step("400", () -> api.update(ivanId, ReportPatch.builder().text("y").build()));
            backend.loseNextAnswers(1, ErrorCode.TRANSPORT_FAILURE);
            step("create, connection reset after it was stored", () -> api.create(TestData.draft(TestData.PHONE, "Изгубен")));
            backend.loseNextAnswers(1, ErrorCode.UNEXPECTED_RESPONSE);
            step("upload, answer cut off after it was stored", () -> api.upload(List.of(TestData.jpeg("x.jpg"))));
            step("the lost create was stored once", () -> api.search(SearchCriteria.builder().phone(TestData.PHONE).build()));
            // Last: a client that learnt the quota is spent may refuse further calls itself.
            backend.failNext(1, ErrorCode.QUOTA_EXHAUSTED);
            step("quota spent", () -> api.search(SearchCriteria.builder().email(TestData.EMAIL).build()));
            return steps;
        }

        private ReportId idOf(String phone) {
            return api.search(SearchCriteria.builder().phone(phone).build()).reports().get(0).id();
        }

        private <T> T step(String name, Supplier<T> action) {
            try {
                T value = action.get();
                steps.add(new Step(name, value instanceof ScreeningResult r ? screened(r) : value));
                return value;
            } catch (NekorektenException e) {
                steps.add(new Step(name, e.code().serviceAnswered() ? Failure.of(e)
                        : new LostAnswer(e.getClass().getName(), e.code(), e.outcome(), e.attempts())));
                return null;
            } catch (ValidationException e) {
                steps.add(new Step(name, new Refused(e.violations())));
                return null;
            }
        }

        /** A screening result without its failure's object identity: verdict, hits, reason. */
        private static Object screened(ScreeningResult r) {
            return List.of(r.verdict(), r.hits(), r.notCheckedReason(), r.buyer());
        }
    }
}
