package io.nekorekten4j.fake;

import static io.nekorekten4j.fake.FakeTestData.T0;
import static io.nekorekten4j.fake.FakeTestData.byPhone;
import static io.nekorekten4j.fake.FakeTestData.fake;
import static io.nekorekten4j.fake.FakeTestData.pdf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nekorekten4j.domain.Attachment;
import io.nekorekten4j.domain.FileId;
import io.nekorekten4j.domain.Report;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.ReportPatch;
import io.nekorekten4j.domain.ReportReceipt;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.domain.Violation;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.ForbiddenException;
import io.nekorekten4j.ports.InvalidRequestException;
import io.nekorekten4j.ports.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Filing, editing, deleting and uploading, with ownership and the unhappy paths. */
class NekorektenFakeWritesTest {

    private final MutableClock clock = MutableClock.at(T0);
    private final NekorektenFake fake = fake(clock);
    private final NekorektenFake otherMerchant = fake.withKey("other-key");

    private ReportId filed() {
        return fake.create(ReportDraft.builder().text("Отказа пратка.").phone("0888123456").firstName("Иван")
                .lastName("Петров").cityId(1).build()).id().orElseThrow();
    }

    private Report find(String phone) {
        return fake.search(SearchCriteria.builder().phone(phone).build()).reports().get(0);
    }

    @Test
    void updateChangesOnlyTheGivenFieldsAndAnswersWithTheId() {
        ReportId id = filed();
        clock.advance(Duration.ofHours(1));

        ReportReceipt receipt = fake.update(id, ReportPatch.builder().text("Отказа две пратки.").cityId(3).build());

        Report report = find("0888123456");
        assertThat(receipt).isEqualTo(new ReportReceipt(Optional.of(id), "Сигналът е редактиран успешно."));
        assertThat(report.text()).isEqualTo("Отказа две пратки.");
        assertThat(report.cityName()).contains("Бургас");
        assertThat(report.firstName()).contains("Ив**");
        assertThat(report.lastName()).contains("Пет***");
        assertThat(report.createdAt().orElseThrow().toInstant()).isEqualTo(T0);
    }

    @Test
    void updateReplacesTheFilesWhenItGivesSome() {
        List<FileId> first = fake.upload(List.of(pdf("a.pdf")));
        ReportId id = fake.create(ReportDraft.builder().text("t").phone("0888123456").files(first).build())
                .id().orElseThrow();
        List<FileId> second = fake.upload(List.of(pdf("b.pdf"), pdf("c.pdf")));

        fake.update(id, ReportPatch.builder().files(second).build());

        assertThat(find("0888123456").files()).extracting(f -> f.id().orElseThrow()).isEqualTo(second);
    }

    @Test
    void onlyTheKeyThatFiledAReportMayChangeOrDeleteIt() {
        ReportId id = filed();

        assertThatThrownBy(() -> otherMerchant.update(id, ReportPatch.builder().text("подменен").build()))
                .isInstanceOf(ForbiddenException.class)
                .satisfies(e -> assertThat(((ForbiddenException) e).context().status()).hasValue(403));
        assertThatThrownBy(() -> otherMerchant.delete(id)).isInstanceOf(ForbiddenException.class);
        assertThat(find("0888123456").text()).isEqualTo("Отказа пратка.");

        fake.delete(id);
        assertThat(fake.reportCount()).isZero();
    }

    @Test
    void everyKeySeesEveryReportInSearches() {
        ReportId id = filed();

        assertThat(otherMerchant.search(SearchCriteria.builder().phone("0888123456").build()).reports())
                .extracting(Report::id).containsExactly(id);
    }

    @Test
    void unknownIdsAreNotFound() {
        ReportId unknown = ReportId.of("0obgyGbp1Ms");
        ReportId unissued = ReportId.of("AAAAAAAAAA");

        assertThatThrownBy(() -> fake.update(unknown, ReportPatch.builder().text("x").build()))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No such report or resource (update, HTTP 404)")
                .satisfies(e -> assertThat(((NotFoundException) e).serviceMessage()).contains("Сигналът не е намерен."));
        assertThatThrownBy(() -> fake.delete(unissued)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aSecondDeleteIsNotFound() {
        ReportId id = filed();
        fake.delete(id);

        assertThatThrownBy(() -> fake.delete(id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fake.update(id, ReportPatch.builder().text("x").build()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void notFoundComesBeforeForbiddenAndForbiddenBeforeTheBodysProblems() {
        ReportId id = filed();
        ReportPatch badCity = ReportPatch.builder().cityId(999).build();

        assertThatThrownBy(() -> otherMerchant.update(id, badCity)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> fake.update(ReportId.of("AAAAAAAAAA"), badCity)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fake.update(id, badCity)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void anUnknownFileIdInADraftIsAnInvalidRequestNamingFiles() {
        ReportDraft draft = ReportDraft.builder().text("t").phone("0888123456").files(FileId.of("nosuchfile")).build();

        assertThatThrownBy(() -> fake.create(draft))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.fieldErrors()).extracting(Violation::field).containsExactly("files");
                    assertThat(e.context().status()).as("the fake server's status for it, too").hasValue(400);
                });
        assertThat(fake.reportCount()).isZero();
    }

    @Test
    void anUnknownFileIdInAPatchIsAnInvalidRequestNamingFiles() {
        ReportId id = filed();

        assertThatThrownBy(() -> fake.update(id, ReportPatch.builder().files(FileId.of("nosuchfile")).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.fieldErrors()).extracting(Violation::field).containsExactly("files"));
    }

    @Test
    void anUnknownCityIsAnInvalidRequestNamingCityIdAndEveryProblemIsListed() {
        ReportDraft draft = ReportDraft.builder().text("t").phone("0888123456").cityId(999)
                .files(FileId.of("nosuch1"), FileId.of("nosuch2")).build();

        assertThatThrownBy(() -> fake.create(draft))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.fieldErrors()).extracting(Violation::field)
                                .containsExactly("files", "files", "cityID"));
    }

    @Test
    void uploadedIdsAreUsableInDraftsOfAnyKey() {
        List<FileId> ids = fake.upload(List.of(pdf("a.pdf"), pdf("b.pdf")));

        ReportReceipt receipt = otherMerchant.create(ReportDraft.builder().text("t").phone("0888123456").files(ids)
                .build());

        assertThat(ids).hasSize(2).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id.value()).matches("[A-Za-z0-9]{10}"));
        assertThat(receipt.id()).isPresent();
    }

    @Test
    void anEmptyUploadIsRejectedBeforeTheCall() {
        assertThatThrownBy(() -> fake.upload(List.of()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("files"));
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void moreThanTenAttachmentsAreRejectedBeforeTheCall() {
        List<Attachment> eleven = Collections.nCopies(11, pdf("a.pdf"));

        assertThatThrownBy(() -> fake.upload(eleven))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("files"));
        assertThat(fake.upload(Collections.nCopies(10, pdf("a.pdf")))).hasSize(10);
        assertThat(fake.calls()).hasSize(1);
    }

    @Test
    void nullArgumentsAreRejectedByNameBeforeTheCall() {
        List<Attachment> withNull = new ArrayList<>();
        withNull.add(null);

        assertThatNullPointerException().isThrownBy(() -> fake.search(null)).withMessage("criteria");
        assertThatNullPointerException().isThrownBy(() -> fake.create(null)).withMessage("draft");
        assertThatNullPointerException().isThrownBy(() -> fake.update(null, ReportPatch.builder().text("x").build()))
                .withMessage("id");
        assertThatNullPointerException().isThrownBy(() -> fake.update(ReportId.of("AAAAAAAAAA"), null))
                .withMessage("patch");
        assertThatNullPointerException().isThrownBy(() -> fake.delete(null)).withMessage("id");
        assertThatNullPointerException().isThrownBy(() -> fake.upload(null)).withMessage("attachments");
        assertThatNullPointerException().isThrownBy(() -> fake.upload(withNull)).withMessage("attachments[0]");
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void controlsValidateTheirArguments() {
        ReportDraft draft = byPhone("0888123456");

        assertThatNullPointerException().isThrownBy(() -> fake.arrangeReport(null, T0, "k")).withMessage("draft");
        assertThatNullPointerException().isThrownBy(() -> fake.arrangeReport(draft, null, "k")).withMessage("createdAt");
        assertThatNullPointerException().isThrownBy(() -> fake.arrangeReport(draft, T0, null)).withMessage("ownerKey");
        assertThatThrownBy(() -> fake.arrangeReport(draft, T0, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fake.arrangeReport(ReportDraft.builder().text("t").phone("0888123456").cityId(999)
                .build(), T0, "k")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cityID");
        assertThatNullPointerException().isThrownBy(() -> fake.withKey(null)).withMessage("otherKey");
        assertThatThrownBy(() -> fake.withKey("")).isInstanceOf(IllegalArgumentException.class);
        assertThatNullPointerException().isThrownBy(() -> fake.failNext(1, (ErrorCode) null)).withMessage("code");
        assertThatThrownBy(() -> fake.failNext(0, ErrorCode.NOT_FOUND)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fake.refuseFromIp("k", "not-an-ip")).isInstanceOf(IllegalArgumentException.class);
        assertThatNullPointerException().isThrownBy(() -> NekorektenFake.builder().apiKey(null)).withMessage("apiKey");
        assertThatNullPointerException().isThrownBy(() -> NekorektenFake.builder().clock(null)).withMessage("clock");
    }

    @Test
    void arrangedReportsBelongToTheirOwnerKey() {
        ReportId id = fake.arrangeReport(byPhone("0888123456"), Instant.parse("2025-01-01T00:00:00Z"), "third-key");

        assertThatThrownBy(() -> fake.delete(id)).isInstanceOf(ForbiddenException.class);
        fake.withKey("third-key").delete(id);
        assertThat(fake.reportCount()).isZero();
    }
}
