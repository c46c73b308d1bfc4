package io.nekorekten4j.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.nekorekten4j.domain.CityId;
import io.nekorekten4j.domain.FileId;
import io.nekorekten4j.domain.MatchCertainty;
import io.nekorekten4j.domain.Report;
import io.nekorekten4j.domain.ReportFile;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.Reporter;
import io.nekorekten4j.domain.SearchField;
import io.nekorekten4j.domain.SearchHit;
import io.nekorekten4j.domain.SearchResult;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shared cache's JSON of an answer reads back into an equal answer, field by field. */
class SearchResultCodecTest {

    @Test
    void everyFieldOfAnAnswerSurvivesTheRoundTrip() {
        Report reply = Report.builder().id(new ReportId("r-2")).text("отговор").parentId(new ReportId("r-1")).build();
        Report full = Report.builder().id(new ReportId("r-1")).firstName("Иван").lastName("П*****")
                .email("i***@abv.bg").phone("0888 123 456").siteUrl("https://shop.bg").facebookUrl("https://fb.com/x")
                .text("Не взе пратката \"бърза\"\n\u001b[31m").createdAt(OffsetDateTime.parse("2025-01-11T10:15:30+02:00"))
                .cityId(new CityId(68134)).cityName("София").views(12).likes(3)
                .reporter(new Reporter(Optional.of("u-9"), Optional.of("Мария"), Optional.empty(),
                        Optional.of("m***@gmail.com")))
                .files(List.of(new ReportFile(Optional.of(new FileId("f-1")),
                        Optional.of(URI.create("https://cdn.nekorekten.com/f-1.jpg")), Optional.of("снимка.jpg")),
                        new ReportFile(Optional.empty(), Optional.empty(), Optional.empty())))
                .replies(List.of(reply)).build();
        Report bare = Report.builder().id(new ReportId("r-3")).phone("not a phone").build();
        SearchResult known = new SearchResult(List.of(
                new SearchHit(full, Map.of(SearchField.PHONE, MatchCertainty.CERTAIN,
                        SearchField.NAME, MatchCertainty.COMPATIBLE_WITH_MASK)),
                new SearchHit(bare, Map.of())), 41, 2, 20);
        SearchResult unknownTotal = SearchResult.withUnknownTotal(List.of(), 1, 20);

        for (SearchResult answer : List.of(known, unknownTotal)) {
            SearchResult back = SearchResultCodec.read(SearchResultCodec.write(answer)).orElseThrow();
            assertThat(back).usingRecursiveComparison().isEqualTo(answer);
        }
    }

    @Test
    void anotherFormatVersionIsReadAsAbsentAndGarbageIsRefusedWithoutRepeatingIt() {
        assertThat(SearchResultCodec.read("{\"v\":99,\"hits\":[]}")).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> SearchResultCodec.read("{\"v\":1,\"secret-0888\""))
                .withMessageNotContaining("0888");
    }
}
