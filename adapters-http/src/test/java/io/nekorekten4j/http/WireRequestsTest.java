package io.nekorekten4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.domain.FileId;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportPatch;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchField;
import io.nekorekten4j.domain.SearchMode;
import io.nekorekten4j.domain.ReportId;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.hc.core5.net.PercentCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What goes out: request bodies, percent-encoding and the search URI, byte for byte. */
class WireRequestsTest {

    private static final SearchCriteria BY_PHONE = SearchCriteria.builder().phone("0888 123 456").build();
    private static JsonCodec json;
    private static WireRequests wire;

    @BeforeAll
    static void buildTheCodecOnce() {
        json = new JsonCodec();
        wire = new WireRequests(json, NekorektenHttp.DEFAULT_BASE_URI);
    }

    @AfterAll
    static void close() {
        json.close();
    }


    @Test
    void aDraftBodyHoldsOnlyTheGivenFieldsThePhoneAsDigitsAndTheCityAsCityID() {
        ReportDraft draft = ReportDraft.builder().text("Отказа пратка.").phone("0888 123 456")
                .firstName("Иван").files(FileId.of("aB1")).cityId(12).build();

        String body = new String(wire.reportBody(draft.fields()), StandardCharsets.UTF_8);

        assertThat(body).isEqualTo("{\"cityID\":12,\"files\":[\"aB1\"],\"firstName\":\"Иван\","
                + "\"phone\":\"359888123456\",\"text\":\"Отказа пратка.\"}");
    }

    @Test
    void aPatchBodyHoldsOnlyWhatItChanges() {
        ReportPatch patch = ReportPatch.builder().email("Ivan@ABV.bg").build();

        assertThat(new String(wire.reportBody(patch.fields()), StandardCharsets.UTF_8))
                .isEqualTo("{\"email\":\"ivan@abv.bg\"}");
    }

    @Test
    void percentEncodingKeepsOnlyUnreservedCharacters() {
        assertThat(WireRequests.encode("a&b=c#d%e+f g/h?")).isEqualTo("a%26b%3Dc%23d%25e%2Bf%20g%2Fh%3F");
        assertThat(WireRequests.encode("Иван")).isEqualTo("%D0%98%D0%B2%D0%B0%D0%BD");
        assertThat(WireRequests.encode("0obgyGbp1Ms-_.~")).isEqualTo("0obgyGbp1Ms-_.~");
    }

    @Test
    void theSearchUriSendsOnlyTheGivenFiltersTheModeAndAPagePastTheFirst() {
        assertThat(wire.searchUri(BY_PHONE).toString())
                .isEqualTo("https://api.nekorekten.com/api/v1/reports?phone=359888123456&searchMode=all");
        SearchCriteria page3 = SearchCriteria.builder().email("a@b.bg").site("shop.bg").mode(SearchMode.ONE_OF)
                .page(3).build();
        assertThat(wire.searchUri(page3).getRawQuery())
                .isEqualTo("email=a%40b.bg&siteUrl=shop.bg&searchMode=one-of&page=3");
    }

    @Test
    void everyFilterIsEncodedByteForByteWithSpacesAsPercent20NeverPlus() {
        SearchCriteria all = SearchCriteria.builder().name("Иван Петров-Иванов").email("ivan+shop@abv.bg")
                .site("https://shop.bg/a?x=1&y=2#top").mode(SearchMode.ONE_OF).build();
        String site = all.queryValues().get(SearchField.SITE);

        assertThat(wire.searchUri(all).getRawQuery()).isEqualTo("email=ivan%2Bshop%40abv.bg"
                + "&name=%D0%98%D0%B2%D0%B0%D0%BD%20%D0%9F%D0%B5%D1%82%D1%80%D0%BE%D0%B2-%D0%98%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2"
                + "&siteUrl=" + PercentCodec.RFC3986.encode(site) + "&searchMode=one-of");
        assertThat(PercentCodec.RFC3986.encode(site)).contains("%3A%2F%2F").contains("%3F").contains("%26").contains("%23");
    }

    @Test
    void aBaseUriWithAPathPrefixesEveryEndpointWithOneSlash() {
        WireRequests proxied = new WireRequests(json, URI.create("http://127.0.0.1:8080/proxy/nekorekten//"));

        assertThat(proxied.searchUri(BY_PHONE).toString())
                .isEqualTo("http://127.0.0.1:8080/proxy/nekorekten/api/v1/reports?phone=359888123456&searchMode=all");
        assertThat(proxied.reportUri(ReportId.of("0obgyGbp1Ms")).toString())
                .isEqualTo("http://127.0.0.1:8080/proxy/nekorekten/api/v1/reports/0obgyGbp1Ms");
        assertThat(proxied.citiesUri().toString()).isEqualTo("http://127.0.0.1:8080/proxy/nekorekten/api/v1/cities");
        assertThat(proxied.filesUri().toString()).isEqualTo("http://127.0.0.1:8080/proxy/nekorekten/api/v1/files");
    }

    /**
     * The hand-written encoder does the job of httpcore5's RFC 3986 codec byte for byte, for any text
     * (ASCII, reserved characters, Cyrillic, emoji, lone surrogates); it is kept for its allocation
     * (see {@link WireRequests#encodeTo}). This test also runs on the oldest supported HttpCore (5.3.6).
     */
    @Test
    void theEncoderGivesTheBytesOfHttpcoresRfc3986Codec() {
        Random random = new Random(20261205);
        String alphabet = " !\"#$%&'()*+,-./0123456789:;<=>?@AZaz[\\]^_`{|}~\u007f\u00a0ИванПетров€😀\ud800\udc00\t\n";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int k = 0; k < length; k++) {
                text.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x3000)
                        : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String value = text.toString();
            assertThat(WireRequests.encode(value)).as(value).isEqualTo(PercentCodec.RFC3986.encode(value));
        }
    }
}
