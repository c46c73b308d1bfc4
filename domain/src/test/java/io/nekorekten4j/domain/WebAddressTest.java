package io.nekorekten4j.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebAddressTest {

    private static Violation rejectionOf(String text) {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> WebAddress.parse(text));
        assertThat(e).as("rejection of \"%s\"", text).isNotNull();
        assertThat(e.violations()).hasSize(1);
        assertThat(WebAddress.isValid(text)).isFalse();
        return e.violations().get(0);
    }

    @Nested
    class Normalisation {

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @ValueSource(strings = {
            "example.bg/shop",
            "https://www.Example.BG/shop/",
            "http://example.bg/shop",
            "HTTPS://EXAMPLE.BG/shop",
            "Http://WWW.example.bg/shop",
            "www.example.bg/shop//",
            "example.bg:443/shop",
            "http://example.bg:80/shop",
            "example.bg/shop#reviews",
            "  example.bg/shop \t",
        })
        void schemeWwwHostCaseDefaultPortTrailingSlashAndFragmentDoNotMakeAnotherAddress(String text) {
            WebAddress address = WebAddress.parse(text);

            assertThat(address.normalised()).isEqualTo("example.bg/shop");
            assertThat(address).isEqualTo(WebAddress.parse("example.bg/shop"));
            assertThat(address).hasSameHashCodeAs(WebAddress.parse("example.bg/shop"));
        }

        @Test
        void thePathKeepsItsCaseBecauseServersMayTreatItCaseSensitively() {
            assertThat(WebAddress.parse("example.bg/Shop").normalised()).isEqualTo("example.bg/Shop");
            assertThat(WebAddress.parse("example.bg/Shop")).isNotEqualTo(WebAddress.parse("example.bg/shop"));
        }

        @Test
        void aNonDefaultPortIsKept() {
            WebAddress address = WebAddress.parse("https://example.bg:8080/shop");

            assertThat(address.normalised()).isEqualTo("example.bg:8080/shop");
            assertThat(address).isNotEqualTo(WebAddress.parse("example.bg/shop"));
        }

        @Test
        void theQueryIsKept() {
            assertThat(WebAddress.parse("example.bg/shop/?id=5").normalised()).isEqualTo("example.bg/shop?id=5");
            assertThat(WebAddress.parse("example.bg/shop?id=5")).isNotEqualTo(WebAddress.parse("example.bg/shop?id=6"));
        }

        @Test
        void valueIsTheTrimmedInputAndHostTheLowerCaseHostAsGiven() {
            WebAddress address = WebAddress.parse("  https://WWW.Example.BG/Shop/ ");

            assertThat(address.value()).isEqualTo("https://WWW.Example.BG/Shop/");
            assertThat(address).hasToString("https://WWW.Example.BG/Shop/");
            assertThat(address.host()).isEqualTo("www.example.bg");
            assertThat(address.normalised()).isEqualTo("example.bg/Shop");
        }

        @ParameterizedTest(name = "[{index}] {0} -> {1}")
        @CsvSource({
            "https://www.example.bg:8080/shop?x=a/b, example.bg:8080",
            "example.bg?q=a/b,                       example.bg",
            "example.bg/a?q=1,                       example.bg",
            "shop.example.bg,                        shop.example.bg",
        })
        void normalisedHostIsTheHostAndPortWithoutPathOrQuery(String text, String host) {
            assertThat(WebAddress.parse(text).normalisedHost()).isEqualTo(host);
        }
    }

    @Nested
    class Rejected {

        @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "javascript:alert(1)|a web address needs a host name with a dot, e.g. example.bg",
            "javascript://example.bg/%0Aalert(1)|a web address must start with http://, https:// or the host name",
            "ftp://example.bg/file|a web address must start with http://, https:// or the host name",
            "https://ftp://example.bg|a web address must start with http://, https:// or the host name",
            "example|a web address needs a host name with a dot, e.g. example.bg",
            "localhost:8080/admin|a web address needs a host name with a dot, e.g. example.bg",
            "example.bg.|a web address needs a host name with a dot, e.g. example.bg",
            "user:secret@example.bg|a web address must not contain a user name or password",
            "https://ivan@example.bg/shop|a web address must not contain a user name or password",
            "exa mple.bg|a web address must not contain spaces or control characters",
            "example.bg/my shop|a web address must not contain spaces or control characters",
        })
        void eachBrokenRuleHasItsOwnMessageOnFieldSiteUrl(String text, String message) {
            assertThat(rejectionOf(text)).isEqualTo(new Violation("siteUrl", message));
        }

        @ParameterizedTest(name = "[{index}] \"{0}\"")
        @ValueSource(strings = {"", "   ", "\t\n"})
        void anEmptyAddressIsRejected(String text) {
            assertThat(rejectionOf(text)).isEqualTo(new Violation("siteUrl", "a web address must not be empty"));
        }

        @ParameterizedTest(name = "[{index}] control character U+{0}")
        @ValueSource(ints = {0x0000, 0x0007, 0x000A, 0x007F})
        void controlCharactersInsideAreRejected(int control) {
            String text = "example.bg/a" + (char) control + "b";

            assertThat(rejectionOf(text).message()).isEqualTo("a web address must not contain spaces or control characters");
        }

        @Test
        void aSchemeWithoutAHostIsRejectedWithTheParsersReason() {
            assertThat(rejectionOf("https://").message()).startsWith("not a valid web address: ");
        }

        @Test
        void anAddressLongerThan2048CharactersIsRejectedWithItsLength() {
            String text = "example.bg/" + "a".repeat(2038);

            assertThat(text).hasSize(2049);
            assertThat(rejectionOf(text).message()).isEqualTo("a web address is at most 2048 characters, got 2049");
            assertThat(WebAddress.isValid("example.bg/" + "a".repeat(2037))).isTrue();
        }

        @Test
        void nullIsAProgrammingErrorButNotValid() {
            assertThatNullPointerException().isThrownBy(() -> WebAddress.parse(null)).withMessage("text");
            assertThat(WebAddress.isValid(null)).isFalse();
        }
    }

    @Nested
    class Facebook {

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {
            "facebook.com/ivan.petrov",
            "https://www.facebook.com/ivan.petrov/",
            "https://m.facebook.com/profile.php?id=100",
            "web.facebook.com/ivan",
            "fb.com/ivan",
            "https://www.fb.com/ivan",
        })
        void facebookAndFbComAndTheirSubdomainsAreFacebook(String text) {
            assertThat(WebAddress.parse(text).isFacebook()).isTrue();
            assertThat(WebAddress.parseFacebook(text).normalised()).isEqualTo(WebAddress.parse(text).normalised());
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {
            "example.bg/facebook.com",
            "notfacebook.com/ivan",
            "facebook.com.evil.bg/ivan",
            "myfb.com/ivan",
            "fb.com.example.bg",
            "facebook.co/ivan",
        })
        void lookAlikesAreNotFacebook(String text) {
            assertThat(WebAddress.parse(text).isFacebook()).isFalse();
        }

        @Test
        void parseFacebookRejectsOtherHostsOnFieldFacebookUrl() {
            ValidationException e = catchThrowableOfType(ValidationException.class,
                    () -> WebAddress.parseFacebook("https://www.example.bg/ivan"));

            assertThat(e.violations()).containsExactly(new Violation("facebookUrl",
                    "a Facebook address must be on facebook.com or fb.com, got host www.example.bg"));
        }

        @Test
        void parseFacebookReportsMalformedAddressesOnFieldFacebookUrl() {
            ValidationException e = catchThrowableOfType(ValidationException.class, () -> WebAddress.parseFacebook("face book"));

            assertThat(e.violations()).extracting(Violation::field).containsExactly("facebookUrl");
        }
    }

    @Nested
    class Covers {

        @ParameterizedTest(name = "[{index}] {0} covers {1}")
        @CsvSource({
            "example.bg,           example.bg",
            "example.bg,           https://www.example.bg/shop",
            "example.bg,           example.bg?ref=x",
            "www.example.bg,       http://example.bg/",
            "example.bg/shop,      example.bg/shop",
            "example.bg/shop,      https://www.EXAMPLE.bg/shop/",
            "example.bg/shop,      example.bg/shop/item/5",
            "example.bg/shop,      example.bg/shop?id=5",
        })
        void anAddressCoversItselfAndWhatLiesUnderIt(String filter, String reported) {
            assertThat(WebAddress.parse(filter).covers(WebAddress.parse(reported))).isTrue();
        }

        @ParameterizedTest(name = "[{index}] {0} does not cover {1}")
        @CsvSource({
            "example.bg/shop,      example.bg/shopping",
            "example.bg/shop,      example.bg",
            "example.bg/shop,      example.bg/Shop",
            "example.bg,           sub.example.bg",
            "example.bg,           example.bg.evil.com",
            "example.bg,           example.bgx.com",
            "example.bg,           myexample.bg",
            "example.bg,           example.bg:8080",
        })
        void anAddressDoesNotCoverSiblingsParentsOrOtherHosts(String filter, String reported) {
            assertThat(WebAddress.parse(filter).covers(WebAddress.parse(reported))).isFalse();
        }

        @Test
        void coversNullIsAProgrammingError() {
            assertThatNullPointerException().isThrownBy(() -> WebAddress.parse("example.bg").covers(null));
        }
    }

    @Test
    void wwwIsNotStrippedDownToABareTopLevelDomain() {
        assertThat(WebAddress.parse("www.bg").normalised()).isEqualTo("www.bg");
        assertThat(WebAddress.parse(WebAddress.parse("www.bg").normalised()).normalised()).isEqualTo("www.bg");
    }

    @Test
    void repeatedWwwLabelsNormaliseInOneStep() {
        String once = WebAddress.parse("www.www.example.bg").normalised();

        assertThat(once).isEqualTo("example.bg");
        assertThat(WebAddress.parse(once).normalised()).isEqualTo(once);
    }

    @Test
    void aSchemeInsideTheQueryIsFine() {
        assertThat(WebAddress.parse("https://example.bg/go?to=https://shop.bg").normalised())
                .isEqualTo("example.bg/go?to=https://shop.bg");
    }

    @Test
    void cyrillicHostNamesAreAccepted() {
        WebAddress address = WebAddress.parse("https://www.Пример.бг/Магазин/");

        assertThat(address.host()).isEqualTo("www.пример.бг");
        assertThat(address).isEqualTo(WebAddress.parse("пример.бг/Магазин"));
    }
}
