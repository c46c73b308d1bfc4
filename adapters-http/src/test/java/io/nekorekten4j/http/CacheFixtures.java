package io.nekorekten4j.http;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.nekorekten4j.cache.CacheOptions;
import io.nekorekten4j.domain.Report;
import io.nekorekten4j.domain.ReportId;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Search answers in the live wire shape, built from a few fields, for the cache, single-flight and
 * subset tests; and the client those tests use (its cache set explicitly, never left to a default).
 */
final class CacheFixtures {

    static final String PHONE = "359888123456";
    static final String OTHER_PHONE = "359888654321";
    static final String EMAIL = "ivan@abv.bg";
    static final String NAME = "Иван";
    static final String SITE = "shop.bg";
    static final String REPORTS = "/api/v1/reports";
    static final String CITIES = "/api/v1/cities";

    private CacheFixtures() {
    }

    /** A client of {@code service} with {@code cache}, a huge quota, no retries and a test clock. */
    static NekorektenHttp client(WireMockExtension service, VirtualTime sleeper, CacheOptions cache) {
        return NekorektenHttpTestSupport.client(service.baseUrl(), NekorektenHttpTestSupport.randomKey(),
                NekorektenHttpTestSupport.transport("apache"), sleeper)
                .retry(RetryOptions.disabled())
                .cache(cache)
                .build();
    }

    /** A stub for {@code GET /api/v1/reports} with exactly these query parameters (name, value pairs). */
    static MappingBuilder search(String... parameters) {
        MappingBuilder stub = get(urlPathEqualTo(REPORTS));
        for (int i = 0; i < parameters.length; i += 2) {
            stub = stub.withQueryParam(parameters[i], equalTo(parameters[i + 1]));
        }
        return stub;
    }

    /** How many searches reached {@code service}. */
    static int searches(WireMockExtension service) {
        return service.findAll(getRequestedFor(urlPathEqualTo(REPORTS))).size();
    }

    /** How many cities calls reached {@code service}. */
    static int citiesCalls(WireMockExtension service) {
        return service.findAll(getRequestedFor(urlPathEqualTo(CITIES))).size();
    }

    /** A one-page answer holding {@code items}, its count their number. */
    static String answer(Item... items) {
        return answer(items.length, items);
    }

    /** A page-1 answer holding {@code items} whose count says {@code count}. */
    static String answer(long count, Item... items) {
        String list = Arrays.stream(items).map(Item::json).collect(Collectors.joining(",\n"));
        return """
                {"message":null,"items":[%s],"count":%d,"currentPage":1,"itemsPerPage":20,
                 "server":{"date":"2026-02-27 20:22:33","httpCode":200}}
                """.formatted(list, count);
    }

    /** An empty answer for {@code page} (it says its page: the client checks it is the page asked). */
    static String emptyPage(int page) {
        return """
                {"message":null,"items":[],"currentPage":%d,"itemsPerPage":20,
                 "server":{"date":"2026-02-27 20:22:33","httpCode":200}}
                """.formatted(page);
    }

    /** The cities answer: Sofia and Plovdiv. */
    static String cities() {
        return "[{\"id\":1,\"name\":\"София\"},{\"id\":2,\"name\":\"Пловдив\"}]";
    }

    /** A report id made of {@code n}. */
    static String id(int n) {
        return "Rep%07d".formatted(n);
    }

    /** A report of the answer; {@code null} fields are sent as JSON {@code null}. */
    record Item(String id, String phone, String email, String firstName, String lastName, String siteUrl) {

        /** A report with only a phone. */
        static Item phone(int n, String phone) {
            return new Item(CacheFixtures.id(n), phone, null, null, null, null);
        }

        Item withEmail(String value) {
            return new Item(id, phone, value, firstName, lastName, siteUrl);
        }

        Item withName(String first, String last) {
            return new Item(id, phone, email, first, last, siteUrl);
        }

        Item withSite(String value) {
            return new Item(id, phone, email, firstName, lastName, value);
        }

        /** The same report as the domain holds it, for unit tests. */
        Report report() {
            return Report.builder().id(ReportId.of(id)).phone(phone).email(email).firstName(firstName)
                    .lastName(lastName).siteUrl(siteUrl).text("Отказа пратка.").build();
        }

        String json() {
            return """
                    {"id":"%s","firstName":%s,"lastName":%s,"email":%s,"phone":%s,"text":"Отказа пратка.",
                     "facebookUrl":null,"siteUrl":%s,"user":null,"city":null,"parent":null,"children":[],
                     "files":[],"createDate":"2025-01-11T21:22:21+00:00","views":1,"liked":0}"""
                    .formatted(id, text(firstName), text(lastName), text(email), text(phone), text(siteUrl));
        }

        private static String text(String value) {
            return value == null ? "null" : "\"" + value + "\"";
        }
    }

    /** The ids of {@code reports}. */
    static List<String> ids(List<Report> reports) {
        return reports.stream().map(r -> r.id().value()).toList();
    }

    /** Waits until {@code count} reaches {@code expected} (another thread's doing; the test's timeout bounds it). */
    static void awaitWaiting(java.util.function.Supplier<Integer> count, int expected) throws InterruptedException {
        while (count.get() < expected) {
            java.util.concurrent.TimeUnit.MILLISECONDS.sleep(1);
        }
    }

    /** Waits for {@code latch}, at most 20 s (a latch never released is a failed test, not a hang). */
    static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            if (!latch.await(20, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new AssertionError("a latch was never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
