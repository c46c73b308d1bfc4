package io.nekorekten4j.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of web-address normalisation, over generated addresses as people type them. */
class WebAddressProperties {

    /** An address in its plain form ({@code host[:port][/path][?query]}) and the parts it was made of. */
    record Site(String host, String port, String path, String query) {
        String plain() {
            return host + port + path + query;
        }
    }

    @Property
    void normalisationIsIdempotent(@ForAll("typed") String text) {
        WebAddress address = WebAddress.parse(text);
        WebAddress again = WebAddress.parse(address.normalised());

        assertThat(again).isEqualTo(address);
        assertThat(again.normalised()).isEqualTo(address.normalised());
    }

    @Property
    void schemeWwwHostCaseAndTrailingSlashDoNotMakeAnotherAddress(@ForAll("sites") Site site,
            @ForAll("schemes") String scheme, @ForAll boolean www, @ForAll boolean upperCaseHost,
            @ForAll boolean trailingSlash) {
        WebAddress plain = WebAddress.parse(site.plain());
        String host = (www ? "www." : "") + site.host();
        String variant = scheme + (upperCaseHost ? host.toUpperCase(Locale.ROOT) : host) + site.port() + site.path()
                + (trailingSlash ? "/" : "") + site.query();

        WebAddress parsed = WebAddress.parse(variant);

        assertThat(parsed).isEqualTo(plain);
        assertThat(parsed.hashCode()).isEqualTo(plain.hashCode());
        assertThat(parsed.normalised()).isEqualTo(plain.normalised());
    }

    @Property
    void anAddressCoversItselfAndItsSubpathsButNotAPathThatMerelyStartsLikeIt(@ForAll("sites") Site site,
            @ForAll("segments") String segment) {
        WebAddress address = WebAddress.parse(site.host() + site.port() + site.path());

        assertThat(address.covers(address)).isTrue();
        assertThat(address.covers(WebAddress.parse(address.normalised() + "/" + segment))).isTrue();
        if (!site.path().isEmpty()) {
            // Appended to a path (not to a host, where it may not be a valid host name).
            assertThat(address.covers(WebAddress.parse(address.normalised() + segment))).isFalse();
        }
    }

    @Property(tries = 2_000)
    void isValidSaysExactlyWhetherParseAccepts(@ForAll("anyText") String text) {
        Throwable thrown = catchThrowable(() -> WebAddress.parse(text));

        assertThat(thrown).satisfiesAnyOf(t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(ValidationException.class));
        assertThat(WebAddress.isValid(text)).isEqualTo(thrown == null);
    }

    @Provide
    Arbitrary<String> typed() {
        return Combinators.combine(sites(), schemes(), Arbitraries.of("", "www.", "WWW."), Arbitraries.of("", "/", "#top"))
                .as((site, scheme, www, suffix) -> scheme + www + site.plain() + (site.query().isEmpty() ? suffix : ""));
    }

    @Provide
    Arbitrary<Site> sites() {
        Arbitrary<String> label = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-")
                .ofMinLength(1).ofMaxLength(10)
                .filter(l -> !l.startsWith("-") && !l.endsWith("-"));
        Arbitrary<String> host = Combinators.combine(label.list().ofMinSize(1).ofMaxSize(3), Arbitraries.of("bg", "com", "eu"))
                .as((labels, tld) -> String.join(".", labels) + "." + tld);
        Arbitrary<String> port = Arbitraries.of("", "", "", ":8080", ":8443");
        Arbitrary<String> path = segments().list().ofMaxSize(3).map(WebAddressProperties::path);
        Arbitrary<String> query = Arbitraries.of("", "", "?id=5", "?q=Shop&page=2");
        return Combinators.combine(host, port, path, query).as(Site::new);
    }

    @Provide
    Arbitrary<String> segments() {
        return Arbitraries.strings().withChars("abcXYZ019-_.~").ofMinLength(1).ofMaxLength(8)
                .filter(s -> !s.equals(".") && !s.equals(".."));
    }

    @Provide
    Arbitrary<String> schemes() {
        return Arbitraries.of("", "http://", "https://", "HTTPS://", "Http://");
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings().withChars("ab.:/@ ?#%wW-\u0000").ofMaxLength(25);
    }

    private static String path(List<String> segments) {
        return segments.isEmpty() ? "" : "/" + String.join("/", segments);
    }
}
