package io.nekorekten4j.http;

import static io.nekorekten4j.http.NekorektenHttpTestSupport.body;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nekorekten4j.domain.City;
import io.nekorekten4j.domain.CityId;
import io.nekorekten4j.domain.FileId;
import io.nekorekten4j.domain.MatchCertainty;
import io.nekorekten4j.domain.Report;
import io.nekorekten4j.domain.ReportFile;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.ReportReceipt;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchField;
import io.nekorekten4j.domain.SearchHit;
import io.nekorekten4j.domain.SearchMode;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.domain.Violation;
import io.nekorekten4j.http.JsonCodec.Malformed;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading the answers, fixture by fixture: the live payload and variations of it, never a guessed shape. */
class WireAnswersTest {

    private static final SearchCriteria BY_PHONE = SearchCriteria.builder().phone("0888 123 456").build();
    private static JsonCodec json;
    private static WireAnswers wire;

    @BeforeAll
    static void buildTheCodecOnce() {
        json = new JsonCodec();
        wire = new WireAnswers(json, NekorektenHttp.DEFAULT_BASE_URI);
    }

    @AfterAll
    static void close() {
        json.close();
    }

    private static SearchResult search(String fixtureName) throws Exception {
        return wire.search(body(fixture(fixtureName)), BY_PHONE);
    }

    private static SearchResult searchText(String text) throws Exception {
        return wire.search(body(text), BY_PHONE);
    }

    private static String liveWith(String property, String rawJsonValue) {
        String live = fixture("search-live.json");
        String marker = "\"" + property + "\": ";
        int at = live.indexOf(marker);
        int end = live.indexOf(",\n", at);
        return live.substring(0, at + marker.length()) + rawJsonValue + live.substring(end);
    }

    @Nested
    class TheLivePayload {

        @Test
        void mapsEveryObservedFieldAndKeepsMaskedValuesAsTheyCame() throws Exception {
            SearchResult result = search("search-live.json");

            assertThat(result.totalCount()).hasValue(1);
            assertThat(result.page()).isEqualTo(1);
            assertThat(result.pageSize()).isEqualTo(20);
            assertThat(result.isLastPage()).isTrue();
            Report report = result.reports().get(0);
            assertThat(report.id()).isEqualTo(ReportId.of("6PpAbCdEfG"));
            assertThat(report.firstName()).contains("Не**");
            assertThat(report.lastName()).contains("Желяз****");
            assertThat(report.email()).contains("xxxxx****@gmail.com");
            assertThat(report.phoneAsReported()).contains("+359888123456");
            assertThat(report.phone()).hasValueSatisfying(p -> assertThat(p.digits()).isEqualTo("359888123456"));
            assertThat(report.text()).startsWith("Поръча си").endsWith("НЕКОРЕКТНА!!!").contains("\n");
            assertThat(report.siteUrl()).isEmpty();
            assertThat(report.facebookUrl()).isEmpty();
            assertThat(report.createdAt()).contains(OffsetDateTime.parse("2025-01-11T21:22:21+00:00"));
            assertThat(report.views()).isEqualTo(16);
            assertThat(report.likes()).isZero();
            assertThat(report.files()).isEmpty();
            assertThat(report.replies()).isEmpty();
            assertThat(report.parentId()).isEmpty();
            assertThat(report.cityId()).isEmpty();
            assertThat(report.cityName()).isEmpty();
            assertThat(report.reporter()).hasValueSatisfying(user -> {
                assertThat(user.id()).contains("V4pAbCdEfG");
                assertThat(user.firstName()).contains("Reporter");
                assertThat(user.lastName()).contains("Name");
                assertThat(user.email()).contains("xxxxxxxxxx*****@gmail.com");
            });
        }

        @Test
        void attributesEachHitToTheFiltersItMatched() throws Exception {
            SearchCriteria criteria = SearchCriteria.builder().phone("+359 888 123 456").email("xxxxxabc@gmail.com")
                    .name("Иван").mode(SearchMode.ONE_OF).build();

            SearchHit hit = wire.search(body(fixture("search-live.json")), criteria).hits().get(0);

            assertThat(hit.matchedBy()).containsEntry(SearchField.PHONE, MatchCertainty.CERTAIN)
                    .containsEntry(SearchField.EMAIL, MatchCertainty.COMPATIBLE_WITH_MASK)
                    .doesNotContainKey(SearchField.NAME);
            assertThat(hit).isEqualTo(SearchHit.of(criteria, hit.report()));
        }

        @Test
        void readsServerDateAsSofiaLocalTime() throws Exception {
            Envelope envelope = wire.errorEnvelope(body(fixture("search-live.json")));

            // 20:22:33 in Sofia in February (UTC+2) is 18:22:33 UTC, not 20:22:33 UTC.
            assertThat(envelope.serverDate()).contains(Instant.parse("2026-02-27T18:22:33Z"));
            assertThat(envelope.httpCode()).hasValue(200);
            assertThat(envelope.message()).isEmpty();
        }
    }

    @Nested
    class VariationsOfTheLivePayload {

        @Test
        void page2Of25IsOnePageNotTheWholeAnswer() throws Exception {
            SearchResult result = wire.search(body(fixture("search-page-2-of-25.json")),
                    SearchCriteria.builder().phone("0888 123 456").page(2).build());

            assertThat(result.hits()).hasSize(5);
            assertThat(result.totalCount()).hasValue(25);
            assertThat(result.page()).isEqualTo(2);
            assertThat(result.pageSize()).isEqualTo(20);
            assertThat(result.isLastPage()).isTrue();
            assertThat(result.reports()).extracting(r -> r.id().value()).startsWith("P2item0000");
        }

        @Test
        void nullFieldsAreTolerated() throws Exception {
            Report report = search("search-null-fields.json").reports().get(0);

            assertThat(report.id().value()).isEqualTo("6PpAbCdEfG");
            assertThat(report.firstName()).isEmpty();
            assertThat(report.email()).isEmpty();
            assertThat(report.phone()).isEmpty();
            assertThat(report.text()).isEmpty();
            assertThat(report.reporter()).isEmpty();
            assertThat(report.createdAt()).isEmpty();
            assertThat(report.views()).isZero();
            assertThat(report.files()).isEmpty();
            assertThat(report.replies()).isEmpty();
        }

        @Test
        void missingFieldsAreTolerated() throws Exception {
            SearchResult result = search("search-missing-fields.json");

            assertThat(result.page()).isEqualTo(1);
            assertThat(result.pageSize()).isEqualTo(SearchResult.DEFAULT_PAGE_SIZE);
            assertThat(result.totalCount()).hasValue(1);
            Report report = result.reports().get(0);
            assertThat(report.phone()).hasValueSatisfying(p -> assertThat(p.e164()).isEqualTo("+359888123456"));
            assertThat(report.createdAt()).isEmpty();
            assertThat(result.hits().get(0).matched(SearchField.PHONE)).isTrue();
        }

        @Test
        void unknownPropertiesAreIgnored() throws Exception {
            SearchResult result = search("search-unknown-fields.json");

            assertThat(result.reports()).singleElement().satisfies(r -> {
                assertThat(r.views()).isEqualTo(16);
                assertThat(r.reporter()).isPresent();
            });
        }

        @Test
        void cityAsAnObjectGivesItsIdAndName() throws Exception {
            Report report = search("search-city-object.json").reports().get(0);

            assertThat(report.cityId()).contains(CityId.of(12));
            assertThat(report.cityName()).contains("София");
        }

        @Test
        void cityAsAStringOrANumberIsTolerated() throws Exception {
            List<Report> reports = search("search-city-string.json").reports();

            assertThat(reports.get(0).cityName()).contains("Пловдив");
            assertThat(reports.get(0).cityId()).isEmpty();
            assertThat(reports.get(1).cityId()).contains(CityId.of(7));
            assertThat(reports.get(2).cityId()).contains(CityId.of(42));
        }

        @Test
        void filePreviewUrlsAreResolvedAgainstTheBaseUri() throws Exception {
            List<ReportFile> files = search("search-files.json").reports().get(0).files();

            assertThat(files).hasSize(3);
            assertThat(files.get(0).id()).contains(FileId.of("f1AbCdEfGh"));
            assertThat(files.get(0).previewUrl())
                    .contains(URI.create("https://api.nekorekten.com/uploads/reports/6PpAbCdEfG/bill.jpg"));
            assertThat(files.get(0).name()).contains("bill.jpg");
            assertThat(files.get(1).previewUrl()).contains(URI.create("https://cdn.nekorekten.com/x/receipt.pdf"));
            assertThat(files.get(2).previewUrl()).hasValueSatisfying(u -> assertThat(u.toString())
                    .isEqualTo("https://api.nekorekten.com/uploads/reports/6PpAbCdEfG/%D1%81%D0%BD%D0%B8%D0%BC%D0%BA%D0%B0%201.png"));
        }

        @Test
        void previewUrlsFollowABaseUriWithAPath() throws Exception {
            WireAnswers proxied = new WireAnswers(json, URI.create("http://127.0.0.1:8080/proxy/nekorekten/"));

            List<ReportFile> files = proxied.search(body(fixture("search-files.json")), BY_PHONE).reports().get(0).files();

            assertThat(files.get(0).previewUrl())
                    .contains(URI.create("http://127.0.0.1:8080/uploads/reports/6PpAbCdEfG/bill.jpg"));
        }

        @Test
        void childrenBecomeRepliesThatKnowTheirParent() throws Exception {
            Report report = search("search-children.json").reports().get(0);

            assertThat(report.replies()).singleElement().satisfies(reply -> {
                assertThat(reply.id()).isEqualTo(ReportId.of("R3plyAbCdE"));
                assertThat(reply.parentId()).contains(report.id());
                assertThat(reply.text()).startsWith("Не съм поръчвала");
                assertThat(reply.likes()).isEqualTo(1);
                assertThat(reply.reporter()).hasValueSatisfying(u -> assertThat(u.id()).contains("U9AbCdEfGh"));
            });
        }

        @Test
        void createDateInEveryKnownFormIsTheSameInstantAndAnUnknownOneIsLeftOut() throws Exception {
            List<Report> reports = search("search-create-dates.json").reports();
            Instant expected = Instant.parse("2025-01-11T19:22:21Z");

            for (Report r : reports.subList(0, 7)) {
                assertThat(r.createdAt()).as(r.id().value())
                        .hasValueSatisfying(t -> assertThat(t.toInstant()).isEqualTo(expected));
            }
            assertThat(reports.get(7).createdAt()).isEmpty();
        }

        @Test
        void aStatus200WhoseServerHttpCodeIs500IsAnError() {
            assertThatThrownBy(() -> search("search-server-error.json"))
                    .isInstanceOfSatisfying(ErrorInBody.class, e -> {
                        assertThat(e.envelope().httpCode()).hasValue(500);
                        assertThat(e.envelope().message()).hasValueSatisfying(m -> assertThat(m).startsWith("Възникна грешка"));
                    });
        }
    }

    /** Item 10–12 of issue 8: answers that would make the client lie. */
    @Nested
    class AnswersThatWouldLie {

        private String page(int items, String count, String currentPage, String itemsPerPage) {
            StringBuilder list = new StringBuilder();
            for (int i = 0; i < items; i++) {
                list.append(i == 0 ? "" : ",").append("{\"id\":\"Item").append(String.format("%06d", i)).append("\"}");
            }
            return "{\"message\":null,\"items\":[" + list + "]"
                    + (count == null ? "" : ",\"count\":" + count)
                    + (currentPage == null ? "" : ",\"currentPage\":" + currentPage)
                    + (itemsPerPage == null ? "" : ",\"itemsPerPage\":" + itemsPerPage)
                    + ",\"server\":{\"date\":\"2026-02-27 20:22:33\",\"httpCode\":200}}";
        }

        private SearchResult searchPage(String text, int asked) throws Exception {
            return wire.search(body(text), SearchCriteria.builder().phone("0888 123 456").page(asked).build());
        }

        @Test
        void aFullPageWithoutCountIsNeverComplete() throws Exception {
            SearchResult result = searchPage(page(20, null, "1", "20"), 1);

            assertThat(result.totalCount()).isEmpty();
            assertThat(result.morePages()).isEqualTo(SearchResult.MorePages.UNKNOWN);
            assertThat(result.isLastPage()).isFalse();
            assertThat(result.minimumCount()).isEqualTo(20);
        }

        @Test
        void aFullPageWhoseCountEqualsItsItemsMayBeFollowedByMore() throws Exception {
            // count may be this page's count: 20 of 20 proves nothing about a page 2.
            SearchResult result = searchPage(page(20, "20", "1", "20"), 1);

            assertThat(result.totalCount()).isEmpty();
            assertThat(result.morePages()).isEqualTo(SearchResult.MorePages.UNKNOWN);
        }

        @Test
        void aPageThatIsNotFullIsTheLastAndACountThatCannotBeATotalIsNotTakenForOne() throws Exception {
            assertThat(searchPage(page(3, null, "1", "20"), 1).isLastPage()).isTrue();
            assertThat(searchPage(page(3, "3", "1", "20"), 1).totalCount()).hasValue(3);
            SearchResult below = searchPage(page(3, "0", "1", "20"), 1);
            assertThat(below.totalCount()).as("0 with 3 items is no total").isEmpty();
            assertThat(below.isEmpty()).isFalse();
            SearchResult pageTwo = searchPage(page(20, "30", "2", "20"), 2);
            assertThat(pageTwo.totalCount()).as("30 cannot count 20 + 20").isEmpty();
            assertThat(pageTwo.morePages()).isEqualTo(SearchResult.MorePages.UNKNOWN);
            assertThat(searchPage(page(20, "45", "1", "20"), 1).morePages()).isEqualTo(SearchResult.MorePages.YES);
            assertThat(searchPage(page(0, "25", "3", "20"), 3).totalCount()).hasValue(25);
        }

        @Test
        void anAnswerForAnotherPageThanAskedIsMalformed() {
            assertThatThrownBy(() -> searchPage(page(20, "45", "1", "20"), 2)).isInstanceOf(Malformed.class)
                    .hasMessage("the answer is for page 1, not page 2 as asked");
            assertThatThrownBy(() -> searchPage(page(0, "0", "0", "20"), 1)).isInstanceOf(Malformed.class)
                    .hasMessage("the answer is for page 0, not page 1 as asked");
        }

        @Test
        void anAnswerToALaterPageThatDoesNotSayItsPageIsMalformed() throws Exception {
            assertThatThrownBy(() -> searchPage(page(20, "45", null, "20"), 2)).isInstanceOf(Malformed.class)
                    .hasMessageContaining("no currentPage");
            assertThat(searchPage(page(2, "2", null, "20"), 1).page()).as("page 1 is what any service answers").isEqualTo(1);
        }

        @Test
        void aPageSizeBelowOneOrBelowTheItemsSentIsMalformedNotGuessed() {
            assertThatThrownBy(() -> searchPage(page(3, "3", "1", "0"), 1)).isInstanceOf(Malformed.class)
                    .hasMessage("itemsPerPage is below 1");
            assertThatThrownBy(() -> searchPage(page(3, "3", "1", "2"), 1)).isInstanceOf(Malformed.class)
                    .hasMessage("the page holds 3 items, more than its itemsPerPage of 2");
        }

        @ParameterizedTest(name = "createDate {0} is no date")
        @ValueSource(strings = {"\"20250111\"", "20250111", "\"2025011121\"", "2025011121", "\"20250111212221\"",
                "\"202501112122\"", "1736623341.5", "-1736623341", "\"-1736623341\"", "1e400", "99999999999999999999",
                "\"0\"", "0", "\"2025-01-11\"", "\"11.01.2025\"", "true", "\"4102444800\"", "\"946684799\""})
        void aDateThatMayMeanTwoThingsIsNoDate(String createDate) throws Exception {
            Report report = searchText(liveWith("createDate", createDate)).reports().get(0);

            assertThat(report.createdAt()).isEmpty();
        }

        @Test
        void aBooleanLikedIsNoCountNeverOneMadeUpFromTrue() throws Exception {
            assertThat(searchText(liveWith("liked", "true")).reports().get(0).likes()).isZero();
            assertThat(searchText(liveWith("liked", "\"7\"")).reports().get(0).likes()).isEqualTo(7);
        }

        @ParameterizedTest(name = "createDate {0}")
        @ValueSource(strings = {"1736623341", "\"1736623341\"", "1736623341000", "\"1736623341000\"",
                "\"2025-01-11T19:22:21Z\"", "\"2025-01-11 21:22:21\""})
        void aDateWithOneMeaningIsRead(String createDate) throws Exception {
            Report report = searchText(liveWith("createDate", createDate)).reports().get(0);

            assertThat(report.createdAt()).hasValueSatisfying(t ->
                    assertThat(t.toInstant()).isEqualTo(Instant.parse("2025-01-11T19:22:21Z")));
        }
    }

    @Nested
    class ValuesThatCannotBeTrusted {

        @ParameterizedTest
        @ValueSource(strings = {"99999999999999999999", "-99999999999999999999", "1.9", "1e400", "\"12x\"", "true", "{}"})
        void viewsThatOverflowOrAreNotAWholeNumberAreMalformedNeverWrapped(String views) {
            assertThatThrownBy(() -> searchText(liveWith("views", views))).isInstanceOf(Malformed.class);
        }

        @Test
        void aCountThatOverflowsIsMalformed() {
            assertThatThrownBy(() -> searchText(liveWith("count", "9223372036854775808"))).isInstanceOf(Malformed.class);
        }

        @Test
        void aPageNumberThatOverflowsAnIntIsMalformed() {
            assertThatThrownBy(() -> searchText(liveWith("currentPage", "2147483648"))).isInstanceOf(Malformed.class);
        }

        @Test
        void aNumberLongerThanTheParserAllowsIsMalformed() {
            assertThatThrownBy(() -> searchText(liveWith("views", "1" + "0".repeat(5000)))).isInstanceOf(Malformed.class);
        }

        @Test
        void fiveThousandLevelsOfNestingAreMalformedNotAStackOverflow() {
            String deep = "[".repeat(5000) + "]".repeat(5000);

            assertThatThrownBy(() -> searchText(deep)).isInstanceOf(Malformed.class);
            assertThatThrownBy(() -> searchText(liveWith("city", deep))).isInstanceOf(Malformed.class);
            assertThatThrownBy(() -> searchText("{\"items\":" + deep + "}")).isInstanceOf(Malformed.class);
            assertThatThrownBy(() -> wire.cities(body(deep))).isInstanceOf(Malformed.class);
        }

        @Test
        void deepNestingInAnUnknownPropertyIsSkippedWithoutRecursion() throws Exception {
            String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);

            SearchResult result = searchText(liveWith("categories", deep));

            assertThat(result.reports()).singleElement().satisfies(r -> assertThat(r.views()).isEqualTo(16));
        }

        @Test
        void repliesNestedDeeperThanTheDepthLimitAreMalformed() {
            String reply = "{\"id\":\"R%d\",\"children\":[%s]}";
            String nested = "";
            for (int i = 0; i < 400; i++) {
                nested = String.format(reply, i, nested);
            }
            String children = "[" + nested + "]";

            assertThatThrownBy(() -> searchText(liveWith("children", children))).isInstanceOf(Malformed.class);
        }

        @Test
        void repliesWithinTheDepthLimitAreRead() throws Exception {
            String reply = "{\"id\":\"R%d\",\"children\":[%s]}";
            String nested = "";
            for (int i = 0; i < 20; i++) {
                nested = String.format(reply, i, nested);
            }
            String children = "[" + nested + "]";

            Report report = searchText(liveWith("children", children)).reports().get(0);

            int depth = 0;
            for (Report r = report; !r.replies().isEmpty(); r = r.replies().get(0)) {
                depth++;
            }
            assertThat(depth).isEqualTo(20);
        }

        @ParameterizedTest
        @ValueSource(strings = {" garbage", " {}", "]", " null", "\u0000"})
        void dataAfterTheJsonValueIsMalformed(String trailing) {
            assertThatThrownBy(() -> searchText(fixture("search-live.json").strip() + trailing))
                    .isInstanceOf(Malformed.class);
        }

        @Test
        void trailingWhitespaceIsFine() throws Exception {
            assertThat(searchText(fixture("search-live.json") + "\n\n  \t").reports()).hasSize(1);
        }

        @Test
        void aByteOrderMarkIsSkipped() throws Exception {
            assertThat(searchText("\uFEFF" + fixture("search-live.json")).reports()).hasSize(1);
        }

        @Test
        void truncatedJsonIsMalformed() {
            String live = fixture("search-live.json");

            assertThatThrownBy(() -> searchText(live.substring(0, live.length() / 2))).isInstanceOf(Malformed.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "\n\r\n"})
        void anEmptyBodyIsMalformed(String empty) {
            assertThatThrownBy(() -> searchText(empty)).isInstanceOf(Malformed.class).hasMessageContaining("empty");
        }

        @Test
        void aNullRootIsMalformed() {
            assertThatThrownBy(() -> searchText("null")).isInstanceOf(Malformed.class).hasMessageContaining("null");
        }

        @Test
        void anHtmlPageIsMalformed() {
            assertThatThrownBy(() -> searchText(fixture("error-502.html"))).isInstanceOf(Malformed.class);
        }

        @Test
        void invalidUtf8IsMalformedNotReplaced() {
            byte[] live = fixture("search-live.json").getBytes(StandardCharsets.UTF_8);
            byte[] broken = live.clone();
            int at = new String(live, StandardCharsets.UTF_8).indexOf("Поръча"); // ASCII prefix: char index = byte index
            broken[at] = (byte) 0xC3;
            broken[at + 1] = (byte) 0x28;

            assertThatThrownBy(() -> wire.search(body(broken), BY_PHONE)).isInstanceOf(Malformed.class)
                    .hasMessageContaining("UTF-8");
        }

        @Test
        void aSearchAnswerWithoutItemsIsMalformedNeverAnEmptyResult() {
            // The shape three integrations guessed: it must never read as "no reports".
            assertThatThrownBy(() -> searchText("{\"reports\":[],\"count\":0}")).isInstanceOf(Malformed.class)
                    .hasMessageContaining("items");
            assertThatThrownBy(() -> searchText("[]")).isInstanceOf(Malformed.class);
        }

        @Test
        void aReportWithoutAUsableIdIsMalformed() {
            assertThatThrownBy(() -> searchText(liveWith("id", "null"))).isInstanceOf(Malformed.class);
            assertThatThrownBy(() -> searchText(liveWith("id", "\"../admin\""))).isInstanceOf(Malformed.class);
        }
    }

    @Nested
    class AnswersToWrites {

        @Test
        void aCreateAnsweredWithAMessageOnlyGivesAReceiptWithoutId() throws Exception {
            ReportReceipt receipt = wire.receipt(body(
                    "{\"message\":\"Сигналът е добавен успешно.\",\"server\":{\"date\":\"2026-02-27 20:22:33\",\"httpCode\":200}}"),
                    Optional.empty());

            assertThat(receipt.id()).isEmpty();
            assertThat(receipt.message()).isEqualTo("Сигналът е добавен успешно.");
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"id\":\"0obgyGbp1Ms\"}", "{\"item\":{\"id\":\"0obgyGbp1Ms\"}}",
                "{\"data\":{\"id\":\"0obgyGbp1Ms\",\"text\":\"x\"}}", "{\"message\":\"ok\",\"report\":{\"id\":\"0obgyGbp1Ms\"}}"})
        void aCreateThatCarriesTheIdGivesIt(String answer) throws Exception {
            assertThat(wire.receipt(body(answer), Optional.empty()).id()).contains(ReportId.of("0obgyGbp1Ms"));
        }

        @Test
        void anEmptyAnswerToAWriteIsAReceiptWithoutMessage() throws Exception {
            assertThat(wire.receipt(body(""), Optional.empty())).isEqualTo(new ReportReceipt(Optional.empty(), ""));
            ReportId known = ReportId.of("0obgyGbp1Ms");
            assertThat(wire.receipt(body(""), Optional.of(known)).id()).contains(known);
        }

        @Test
        void aWriteAnsweredWithServerHttpCode400IsAnError() {
            assertThatThrownBy(() -> wire.receipt(body(fixture("error-400-fields.json")), Optional.empty()))
                    .isInstanceOf(ErrorInBody.class);
            assertThatThrownBy(() -> wire.deleted(body(fixture("error-404.json")))).isInstanceOf(ErrorInBody.class);
        }

        @Test
        void aDeleteAcceptsAnEmptyBodyOrAnEnvelope() throws Exception {
            wire.deleted(body(""));
            wire.deleted(body("{\"message\":\"Изтрит.\",\"server\":{\"httpCode\":200}}"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"[\"aB1\",\"cD2\"]", "{\"files\":[\"aB1\",\"cD2\"]}", "{\"items\":[{\"id\":\"aB1\"},{\"id\":\"cD2\"}]}",
                "{\"ids\":[\"aB1\",\"cD2\"],\"message\":\"ok\"}", "{\"data\":[{\"fileId\":\"aB1\"},{\"id\":\"cD2\"}]}"})
        void uploadedFileIdsAreReadFromEveryPlausibleShape(String answer) throws Exception {
            assertThat(wire.fileIds(body(answer), 2)).containsExactly(FileId.of("aB1"), FileId.of("cD2"));
        }

        @Test
        void numericFileIdsAndASingleObjectAreAccepted() throws Exception {
            assertThat(wire.fileIds(body("[17, 18]"), 2)).containsExactly(FileId.of("17"), FileId.of("18"));
            assertThat(wire.fileIds(body("{\"id\":\"aB1\",\"message\":\"ok\"}"), 1)).containsExactly(FileId.of("aB1"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"{\"message\":\"ok\"}", "[]", "[\"aB1\"]", "[{\"name\":\"x\"},{\"name\":\"y\"}]", "\"aB1\"",
                "[\"a/b\",\"c\"]", ""})
        void anUploadAnswerWithoutExactlyTheIdsIsMalformed(String answer) {
            assertThatThrownBy(() -> wire.fileIds(body(answer), 2)).isInstanceOf(Malformed.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"[{\"id\":1,\"name\":\"София\"},{\"id\":\"2\",\"name\":\"Пловдив\"}]",
                "{\"items\":[{\"id\":1,\"name\":\"София\",\"region\":\"x\"},{\"id\":2,\"name\":\"Пловдив\"}]}",
                "{\"data\":[{\"id\":1,\"name\":\"София\"},{\"id\":2,\"name\":\"Пловдив\"}],\"server\":{\"httpCode\":200}}"})
        void citiesAreReadBareOrWrapped(String answer) throws Exception {
            assertThat(wire.cities(body(answer))).containsExactly(City.of(1, "София"), City.of(2, "Пловдив"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"[{\"id\":0,\"name\":\"X\"}]", "[{\"id\":1}]", "[\"София\"]", "{\"message\":\"x\"}",
                "[{\"id\":99999999999,\"name\":\"X\"}]", "[{\"id\":1.5,\"name\":\"X\"}]"})
        void aCityWithoutAPositiveIdAndANameIsMalformed(String answer) {
            assertThatThrownBy(() -> wire.cities(body(answer))).isInstanceOf(Malformed.class);
        }
    }

    @Nested
    class ErrorBodies {

        @Test
        void fieldErrorsAsAnObjectOfMessagesOrLists() throws Exception {
            Envelope envelope = wire.errorEnvelope(body(fixture("error-400-fields.json")));

            assertThat(envelope.message()).contains("Невалидни данни.");
            assertThat(envelope.httpCode()).hasValue(400);
            assertThat(envelope.fieldErrors()).containsExactly(
                    new Violation("phone", "Невалиден телефонен номер."),
                    new Violation("text", "Полето е задължително."),
                    new Violation("text", "Текстът е твърде кратък."));
        }

        @Test
        void fieldErrorsAsAList() throws Exception {
            Envelope envelope = wire.errorEnvelope(body(fixture("error-400-list.json")));

            assertThat(envelope.fieldErrors()).containsExactly(new Violation("email", "Invalid e-mail"),
                    new Violation("request", "cityID must be a number"));
        }

        @Test
        void anHtmlErrorPageGivesAnEmptyEnvelope() throws Exception {
            assertThat(wire.errorEnvelope(body(fixture("error-500.html")))).isEqualTo(Envelope.EMPTY);
            assertThat(wire.errorEnvelope(body(""))).isEqualTo(Envelope.EMPTY);
        }
    }
}
