package io.nekorekten4j.bench;

import io.nekorekten4j.cache.CacheOptions;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchField;
import io.nekorekten4j.domain.SearchMode;
import io.nekorekten4j.http.NekorektenHttp;
import io.nekorekten4j.ports.ApiPaths;
import io.nekorekten4j.ports.QuotaPlan;
import io.nekorekten4j.ports.ServiceFacts;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * How the benchmarks build the client under test, the search they all make, and the raw
 * baseline's request target for that search. Public API of the library only.
 */
final class BenchClients {

    /** A plan no benchmark can exhaust: the quota gate is on the path but never waits. */
    static final QuotaPlan UNTHROTTLED = QuotaPlan.perMinute(Integer.MAX_VALUE);

    /** The reports in the answer of the HTTP benchmarks. */
    static final int REPORTS = 100;

    /** The search's phone as a user types it. */
    private static final String PHONE = "0888 123 456";
    /** The same phone as the service takes it in the query: country code and number, digits only. */
    private static final String PHONE_DIGITS = "359888123456";
    /** The search's e-mail. */
    private static final String EMAIL = "ivan@example.bg";

    private BenchClients() {
    }

    /**
     * A builder for a client of {@code baseUri} with key {@code key}, the plan
     * {@link #UNTHROTTLED} and the result cache off; everything else at its defaults (Apache
     * transport, retry and circuit breaker on).
     */
    static NekorektenHttp.Builder unthrottled(URI baseUri, String key) {
        return NekorektenHttp.builder()
                .baseUri(baseUri)
                .apiKey(key)
                .quota(UNTHROTTLED)
                .cache(CacheOptions.disabled());
    }

    /** The search every benchmark makes: a phone or an e-mail ({@link SearchMode#ONE_OF}). */
    static SearchCriteria criteria() {
        return SearchCriteria.builder().phone(PHONE).email(EMAIL).mode(SearchMode.ONE_OF).build();
    }

    /**
     * The request target (path and query) of {@link #criteria()} as a user's hand-written snippet
     * would build it: the documented path and parameters, each value through
     * {@link URLEncoder}. The benchmarks check in their setup that it equals the target the client
     * sent, so both sides ask the server the same question.
     */
    static String rawSearchTarget() {
        return ApiPaths.REPORTS
                + '?' + SearchField.PHONE.parameter() + '=' + encode(PHONE_DIGITS)
                + '&' + SearchField.EMAIL.parameter() + '=' + encode(EMAIL)
                + '&' + ServiceFacts.SEARCH_MODE_PARAMETER + '=' + encode(SearchMode.ONE_OF.wireValue());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
