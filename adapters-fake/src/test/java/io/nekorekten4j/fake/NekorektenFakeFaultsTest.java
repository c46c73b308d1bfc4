package io.nekorekten4j.fake;

import static io.nekorekten4j.fake.FakeTestData.T0;
import static io.nekorekten4j.fake.FakeTestData.byPhone;
import static io.nekorekten4j.fake.FakeTestData.fake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.ErrorContext;
import io.nekorekten4j.ports.InvalidApiKeyException;
import io.nekorekten4j.ports.IpNotWhitelistedException;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.NoUsableAnswerException;
import io.nekorekten4j.ports.Operation;
import io.nekorekten4j.ports.QuotaExhaustedException;
import io.nekorekten4j.ports.QuotaPlan;
import io.nekorekten4j.ports.RateLimitedException;
import io.nekorekten4j.ports.ServiceRefusedException;
import io.nekorekten4j.ports.ServiceUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Injected faults, refused keys and IPs, and the log of calls. */
class NekorektenFakeFaultsTest {

    private static final SearchCriteria ANY = SearchCriteria.builder().phone("0888123456").build();

    private final MutableClock clock = MutableClock.at(T0);
    private final NekorektenFake fake = fake(clock);

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void failNextThrowsTheExceptionClassOfEveryCodeWithAMessage(ErrorCode code) {
        fake.failNext(1, code);

        assertThatThrownBy(() -> fake.search(ANY))
                .isInstanceOfSatisfying(NekorektenException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).isNotBlank().doesNotContain("test-key");
                    assertThat(e.context().operation()).contains(Operation.SEARCH);
                    assertThat(e.context().path()).isEmpty();
                    assertThat(e instanceof ServiceRefusedException).isEqualTo(code.serviceAnswered());
                    assertThat(e instanceof NoUsableAnswerException).isEqualTo(!code.serviceAnswered());
                    if (e instanceof ServiceRefusedException refused) {
                        assertThat(refused.serviceMessage()).isPresent();
                        assertThat(refused.context().status()).isPresent();
                    }
                });
        fake.search(ANY);
    }

    @Test
    void failNextFailsExactlyNCallsOfAnyKeyThenTheNextQueuedFault() {
        fake.failNext(2, ErrorCode.SERVICE_UNAVAILABLE);
        fake.failNext(1, ErrorCode.NOT_FOUND);

        assertThatThrownBy(() -> fake.search(ANY)).isInstanceOf(ServiceUnavailableException.class);
        assertThatThrownBy(() -> fake.withKey("other").cities()).isInstanceOf(ServiceUnavailableException.class);
        assertThatThrownBy(() -> fake.search(ANY)).isInstanceOf(io.nekorekten4j.ports.NotFoundException.class);
        assertThat(fake.search(ANY).isEmpty()).isTrue();
    }

    @Test
    void failNextWithASupplierThrowsWhatItSupplies() {
        fake.failNext(2, () -> new RateLimitedException("Изчакайте.", ErrorContext.none(), Duration.ofSeconds(7)));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> fake.search(ANY)).isInstanceOfSatisfying(RateLimitedException.class,
                    e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));
        }
        fake.search(ANY);
    }

    @Test
    void aFaultedCreateStoresNothing() {
        fake.failNext(1, ErrorCode.TRANSPORT_FAILURE);

        assertThatThrownBy(() -> fake.create(byPhone("0888123456"))).isInstanceOf(NoUsableAnswerException.class);
        assertThat(fake.reportCount()).isZero();
    }

    @Test
    void anInjectedQuotaExhaustionResetsAtTheNextSofiaMidnight() {
        fake.failNext(1, ErrorCode.QUOTA_EXHAUSTED);

        assertThatThrownBy(() -> fake.search(ANY)).isInstanceOfSatisfying(QuotaExhaustedException.class,
                e -> assertThat(e.resetsAt()).contains(Instant.parse("2026-03-02T22:00:00Z")));
    }

    @Test
    void faultsSpendNoQuota() {
        NekorektenFake limited = NekorektenFake.builder().clock(clock).quota(QuotaPlan.perMinute(1)).build();
        limited.failNext(3, ErrorCode.SERVICE_UNAVAILABLE);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> limited.search(ANY)).isInstanceOf(ServiceUnavailableException.class);
        }

        limited.search(ANY);
    }

    @Test
    void aRefusedKeyGetsInvalidApiKeyAndOtherKeysWork() {
        fake.refuseKey("revoked-key");
        NekorektenFake revoked = fake.withKey("revoked-key");

        assertThatThrownBy(() -> revoked.search(ANY)).isInstanceOfSatisfying(InvalidApiKeyException.class, e -> {
            assertThat(e.context().status()).hasValue(401);
            assertThat(e.getMessage()).doesNotContain("revoked-key");
        });
        assertThat(fake.search(ANY).isEmpty()).isTrue();
    }

    @Test
    void aKeyRefusedFromAnIpGetsItsAddressInTheMessage() {
        fake.refuseFromIp("office-key", "203.0.113.7");

        assertThatThrownBy(() -> fake.withKey("office-key").cities())
                .isInstanceOfSatisfying(IpNotWhitelistedException.class, e -> {
                    assertThat(e.getMessage()).contains("203.0.113.7");
                    assertThat(e.serviceMessage()).contains("Нямате достъп от IP адрес 203.0.113.7");
                    assertThat(e.ipAddress()).contains("203.0.113.7");
                    assertThat(IpNotWhitelistedException.extractIpAddress(e.serviceMessage().orElseThrow()))
                            .contains("203.0.113.7");
                    assertThat(e.getMessage()).doesNotContain("office-key");
                });
    }

    @Test
    void ipv6AddressesAreNamedToo() {
        fake.refuseFromIp("office-key", "2001:db8::7");

        assertThatThrownBy(() -> fake.withKey("office-key").search(ANY))
                .isInstanceOfSatisfying(IpNotWhitelistedException.class,
                        e -> assertThat(e.ipAddress()).contains("2001:db8::7"));
    }

    @Test
    void callsListEveryCallPastValidationWithOperationAccountTimeAndOutcome() {
        NekorektenFake other = fake.withKey("other-key");
        ReportId id = fake.create(byPhone("0888123456")).id().orElseThrow();
        clock.advance(Duration.ofSeconds(5));
        assertThatThrownBy(() -> other.delete(id)).isInstanceOf(NekorektenException.class);
        fake.update(id, io.nekorekten4j.domain.ReportPatch.builder().text("x").build());
        fake.upload(List.of(FakeTestData.pdf("a.pdf")));
        fake.cities();
        fake.search(ANY);
        fake.delete(id);

        assertThat(fake.calls()).containsExactly(
                new FakeCall(Operation.CREATE, fake.accountId(), T0, Optional.empty()),
                new FakeCall(Operation.DELETE, other.accountId(), T0.plusSeconds(5),
                        Optional.of(ErrorCode.FORBIDDEN)),
                new FakeCall(Operation.UPDATE, fake.accountId(), T0.plusSeconds(5), Optional.empty()),
                new FakeCall(Operation.UPLOAD, fake.accountId(), T0.plusSeconds(5), Optional.empty()),
                new FakeCall(Operation.CITIES, fake.accountId(), T0.plusSeconds(5), Optional.empty()),
                new FakeCall(Operation.SEARCH, fake.accountId(), T0.plusSeconds(5), Optional.empty()),
                new FakeCall(Operation.DELETE, fake.accountId(), T0.plusSeconds(5), Optional.empty()));
    }

    @Test
    void refusedKeysAndFaultsAreLoggedAndTheKeyNeverIs() {
        fake.refuseKey("bad-key");
        assertThatThrownBy(() -> fake.withKey("bad-key").search(ANY)).isInstanceOf(InvalidApiKeyException.class);
        fake.failNext(1, ErrorCode.TIMEOUT);
        assertThatThrownBy(() -> fake.search(ANY)).isInstanceOf(NoUsableAnswerException.class);

        assertThat(fake.calls()).extracting(FakeCall::failure)
                .containsExactly(Optional.of(ErrorCode.INVALID_API_KEY), Optional.of(ErrorCode.TIMEOUT));
        assertThat(fake.calls().toString()).doesNotContain("bad-key").doesNotContain("test-key");
    }

    @Test
    void theCallLogIsAnImmutableSnapshot() {
        fake.search(ANY);
        List<FakeCall> calls = fake.calls();

        fake.search(ANY);

        assertThat(calls).hasSize(1);
        assertThatThrownBy(() -> calls.add(calls.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }
}
