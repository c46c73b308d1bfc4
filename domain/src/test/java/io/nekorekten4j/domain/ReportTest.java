package io.nekorekten4j.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReportTest {

    private static final ReportId ID = ReportId.of("0obgyGbp1Ms");

    /** A report shaped like the live payload in the API reference. */
    private static Report livePayload() {
        ReportFile file = new ReportFile(Optional.of(FileId.of("6PpAbCdEfG")),
                Optional.of(URI.create("https://nekorekten.com/files/6PpAbCdEfG")), Optional.of("receipt.jpg"));
        Reporter reporter = new Reporter(Optional.of("V4pAbCdEfG"), Optional.of("Reporter"), Optional.of("Name"),
                Optional.of("xxxxxxxxxx*****@gmail.com"));
        Report reply = Report.builder().id(ReportId.of("R3plyAbCdE")).text("That was not me.").parentId(ID).build();
        return Report.builder().id(ID).firstName("Не**").lastName("Желяз****").email("xxxxx****@gmail.com")
                .phone("+359888123456").siteUrl("https://www.example.bg/shop").facebookUrl("https://facebook.com/nelly.zh")
                .text("Refused a cash-on-delivery parcel twice.").createdAt(OffsetDateTime.parse("2026-11-20T10:15:30+02:00"))
                .cityId(CityId.of(5)).cityName("София").files(List.of(file)).reporter(reporter).views(42).likes(3)
                .replies(List.of(reply)).build();
    }

    @Test
    void theIdIsRequired() {
        assertThatNullPointerException().isThrownBy(() -> Report.builder().build()).withMessage("id");
        assertThatNullPointerException().isThrownBy(() -> Report.builder().id(null)).withMessage("id");
    }

    @Test
    void everyValueIsKeptAsTheServiceReturnedIt() {
        Report report = livePayload();

        assertThat(report.id()).isEqualTo(ID);
        assertThat(report.firstName()).contains("Не**");
        assertThat(report.lastName()).contains("Желяз****");
        assertThat(report.email()).contains("xxxxx****@gmail.com");
        assertThat(report.phoneAsReported()).contains("+359888123456");
        assertThat(report.siteUrl()).contains("https://www.example.bg/shop");
        assertThat(report.facebookUrl()).contains("https://facebook.com/nelly.zh");
        assertThat(report.text()).isEqualTo("Refused a cash-on-delivery parcel twice.");
        assertThat(report.createdAt()).contains(OffsetDateTime.parse("2026-11-20T10:15:30+02:00"));
        assertThat(report.cityId()).contains(CityId.of(5));
        assertThat(report.cityName()).contains("София");
        assertThat(report.files()).singleElement().satisfies(f -> assertThat(f.name()).contains("receipt.jpg"));
        assertThat(report.reporter()).hasValueSatisfying(r -> assertThat(r.id()).contains("V4pAbCdEfG"));
        assertThat(report.views()).isEqualTo(42);
        assertThat(report.likes()).isEqualTo(3);
        assertThat(report.parentId()).isEmpty();
        assertThat(report.replies()).singleElement().satisfies(r -> assertThat(r.parentId()).contains(ID));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"+359888123456", "359888123456", "0888123456", "0888 123 456"})
    void theReportedPhoneIsParsedSoEveryWritingIsOnePerson(String reported) {
        Report report = Report.builder().id(ID).phone(reported).build();

        assertThat(report.phone()).contains(Phone.parse("+359888123456"));
        assertThat(report.phoneAsReported()).contains(reported);
    }

    @Test
    void anUnreadablePhoneIsKeptAsReportedButNotParsed() {
        Report report = Report.builder().id(ID).phone("12345").build();

        assertThat(report.phone()).isEmpty();
        assertThat(report.phoneAsReported()).contains("12345");
    }

    @Test
    void aReportWithOnlyAnIdHasNothingElse() {
        Report report = Report.builder().id(ID).build();

        assertThat(report.firstName()).isEmpty();
        assertThat(report.lastName()).isEmpty();
        assertThat(report.email()).isEmpty();
        assertThat(report.phone()).isEmpty();
        assertThat(report.phoneAsReported()).isEmpty();
        assertThat(report.siteUrl()).isEmpty();
        assertThat(report.facebookUrl()).isEmpty();
        assertThat(report.text()).isEmpty();
        assertThat(report.createdAt()).isEmpty();
        assertThat(report.cityId()).isEmpty();
        assertThat(report.cityName()).isEmpty();
        assertThat(report.files()).isEmpty();
        assertThat(report.reporter()).isEmpty();
        assertThat(report.views()).isZero();
        assertThat(report.likes()).isZero();
        assertThat(report.parentId()).isEmpty();
        assertThat(report.replies()).isEmpty();
    }

    @Test
    void aReportIsIdentifiedByItsIdAlone() {
        Report one = Report.builder().id(ID).text("one").build();
        Report other = Report.builder().id(ID).text("other").views(7).build();
        Report another = Report.builder().id(ReportId.of("6PpAbCdEfG")).text("one").build();

        assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
        assertThat(one).isNotEqualTo(another);
    }

    @Test
    void toBuilderKeepsEveryValue() {
        Report original = livePayload();
        Report copy = original.toBuilder().build();

        assertThat(copy).usingRecursiveComparison().isEqualTo(original);
        assertThat(original.toBuilder().views(43).build().views()).isEqualTo(43);
        assertThat(original.views()).isEqualTo(42);
    }

    @Test
    void filesAndRepliesAreCopiedAndCannotBeChanged() {
        List<Report> replies = new ArrayList<>(List.of(Report.builder().id(ReportId.of("r1")).build()));
        Report report = Report.builder().id(ID).replies(replies).build();

        replies.clear();

        assertThat(report.replies()).hasSize(1);
        assertThatThrownBy(() -> report.replies().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> report.files().add(null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toStringShowsNoPersonalData() {
        Report report = Report.builder().id(ID).firstName("Нели").lastName("Желязкова").email("nelly.zh@gmail.com")
                .phone("+359888123456").siteUrl("https://example.bg/nelly-shop").facebookUrl("https://facebook.com/nelly.zh")
                .text("Нели refused the parcel").cityName("Самоков")
                .reporter(new Reporter(Optional.of("V4pAbCdEfG"), Optional.of("Пешо"), Optional.of("Пешев"),
                        Optional.of("pesho@abv.bg")))
                .build();

        assertThat(report.toString())
                .contains("0obgyGbp1Ms")
                .doesNotContain("Нели")
                .doesNotContain("Желязкова")
                .doesNotContain("nelly")
                .doesNotContain("888123456")
                .doesNotContain("refused")
                .doesNotContain("Самоков")
                .doesNotContain("Пешо")
                .doesNotContain("pesho");
    }
}
