package io.nekorekten4j.fake;

import static io.nekorekten4j.fake.FakeTestData.T0;
import static io.nekorekten4j.fake.FakeTestData.byPhone;
import static io.nekorekten4j.fake.FakeTestData.fake;
import static io.nekorekten4j.fake.FakeTestData.pdf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.ReportPatch;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.NoUsableAnswerException;
import io.nekorekten4j.ports.NotFoundException;
import io.nekorekten4j.ports.Operation;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** "Stored, then the answer was lost", the bounded call log, and preview URLs. */
class NekorektenFakeLostAnswersTest {

    private static final SearchCriteria BY_PHONE = SearchCriteria.builder().phone("0888123456").build();

    private final MutableClock clock = MutableClock.at(T0);
    private final NekorektenFake fake = fake(clock);

    @ParameterizedTest
    @EnumSource(value = ErrorCode.class, names = {"TRANSPORT_FAILURE", "TIMEOUT", "UNEXPECTED_RESPONSE"})
    void aCreateWhoseAnswerIsLostIsStoredAndThrowsTheLoss(ErrorCode how) {
        fake.loseNextAnswers(1, how);

        assertThatThrownBy(() -> fake.create(byPhone("0888123456")))
                .isInstanceOfSatisfying(NoUsableAnswerException.class, e -> {
                    assertThat(e.code()).isEqualTo(how);
                    assertThat(e.context().operation()).contains(Operation.CREATE);
                    assertThat(e.context().method()).as("the fake sends no request: no method is invented").isEmpty();
                    assertThat(e.context().path()).as("and no path").isEmpty();
                });
        assertThat(fake.reportCount()).as("the report was stored before the answer was lost").isEqualTo(1);
        assertThat(fake.search(BY_PHONE).totalCount()).hasValue(1);
        assertThat(fake.calls()).first().satisfies(c -> assertThat(c.failure()).contains(how));
    }

    @Test
    void anUploadWhoseAnswerIsLostStoresItsFiles() {
        fake.loseNextAnswers(1, ErrorCode.TIMEOUT);

        assertThatThrownBy(() -> fake.upload(List.of(pdf("order.pdf")))).isInstanceOf(NoUsableAnswerException.class);
        // The id sequence moved on: the lost upload's file id was issued, so the next upload's differs
        // from what a fresh fake's first upload gets.
        NekorektenFake fresh = fake(MutableClock.at(T0));
        assertThat(fake.upload(List.of(pdf("order.pdf")))).isNotEqualTo(fresh.upload(List.of(pdf("order.pdf"))));
    }

    @Test
    void lostAnswersAreUsedUpInOrderAndOnlyByCallsThatReachTheirOperation() {
        fake.failNext(1, ErrorCode.SERVICE_UNAVAILABLE);
        fake.loseNextAnswers(1, ErrorCode.TRANSPORT_FAILURE);

        assertThatThrownBy(() -> fake.create(byPhone("0888123456")))
                .isInstanceOfSatisfying(NekorektenException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
        assertThat(fake.reportCount()).as("a refused create stores nothing and keeps the lost answer queued").isZero();
        assertThatThrownBy(() -> fake.create(byPhone("0888123456")))
                .isInstanceOfSatisfying(NekorektenException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.TRANSPORT_FAILURE));
        fake.create(byPhone("0888123456"));
        assertThat(fake.reportCount()).isEqualTo(2);
    }

    @Test
    void aRefusalOfTheOperationIsLostToo() {
        fake.loseNextAnswers(1, ErrorCode.TIMEOUT);

        assertThatThrownBy(() -> fake.update(ReportId.of("AAAAAAAAAA"), ReportPatch.builder().text("x").build()))
                .isInstanceOfSatisfying(NekorektenException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT));
        assertThatThrownBy(() -> fake.delete(ReportId.of("AAAAAAAAAA"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void onlyTheThreeWaysOfLosingAnAnswerAreAccepted() {
        assertThatThrownBy(() -> fake.loseNextAnswers(1, ErrorCode.SERVICE_UNAVAILABLE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SERVICE_UNAVAILABLE");
        assertThatThrownBy(() -> fake.loseNextAnswers(0, ErrorCode.TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> fake.loseNextAnswers(1, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void resetDropsQueuedLostAnswers() {
        fake.loseNextAnswers(1, ErrorCode.TIMEOUT);
        fake.reset();

        fake.create(byPhone("0888123456"));
        assertThat(fake.reportCount()).isEqualTo(1);
    }

    @Test
    void theCallLogKeepsTheMostRecentCallsAndCountsThemAll() {
        NekorektenFake small = NekorektenFake.builder().clock(clock).callLogCapacity(3).build();
        for (int i = 0; i < 5; i++) {
            clock.advance(java.time.Duration.ofSeconds(1));
            small.cities();
        }

        assertThat(small.callCount()).isEqualTo(5);
        assertThat(small.calls()).extracting(FakeCall::at)
                .containsExactly(T0.plusSeconds(3), T0.plusSeconds(4), T0.plusSeconds(5));
        small.reset();
        assertThat(small.callCount()).isZero();
        assertThat(small.calls()).isEmpty();
    }

    @Test
    void theCallLogCapacityMustBePositive() {
        assertThatThrownBy(() -> NekorektenFake.builder().callLogCapacity(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callLogCapacity");
    }

    @Test
    void attachedFilesHaveAPreviewUrlUnderThePreviewBase() {
        NekorektenFake local = NekorektenFake.builder().clock(clock).previewBaseUri(URI.create("http://127.0.0.1:8089"))
                .build();
        var file = local.upload(List.of(pdf("order.pdf"))).get(0);
        local.create(withFile(file));
        var defaults = fake.upload(List.of(pdf("order.pdf"))).get(0);
        fake.create(withFile(defaults));

        assertThat(local.search(BY_PHONE).reports().get(0).files().get(0).previewUrl())
                .contains(URI.create("http://127.0.0.1:8089/files/" + file.value()));
        assertThat(fake.search(BY_PHONE).reports().get(0).files().get(0).previewUrl())
                .contains(URI.create("https://api.nekorekten.com/files/" + defaults.value()));
        assertThatThrownBy(() -> NekorektenFake.builder().previewBaseUri(URI.create("/relative")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("previewBaseUri");
    }

    private static io.nekorekten4j.domain.ReportDraft withFile(io.nekorekten4j.domain.FileId file) {
        return io.nekorekten4j.domain.ReportDraft.builder().text("Отказа пратка.").phone("0888123456").files(file).build();
    }
}
