package io.nekorekten4j.cache;

import io.nekorekten4j.domain.Report;
import io.nekorekten4j.domain.ReportId;
import java.util.List;

/** Reports built from a few fields, for the cache's unit tests (the HTTP adapter's tests keep the wire shape). */
final class CacheFixtures {

    static final String PHONE = "359888123456";
    static final String OTHER_PHONE = "359888654321";
    static final String EMAIL = "ivan@abv.bg";
    static final String NAME = "Иван";
    static final String SITE = "shop.bg";

    private CacheFixtures() {
    }

    /** A report id made of {@code n}. */
    static String id(int n) {
        return "Rep%07d".formatted(n);
    }

    /** A report; {@code null} fields are absent. */
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

        /** The report as the domain holds it. */
        Report report() {
            return Report.builder().id(ReportId.of(id)).phone(phone).email(email).firstName(firstName)
                    .lastName(lastName).siteUrl(siteUrl).text("Отказа пратка.").build();
        }
    }

    /** The ids of {@code reports}. */
    static List<String> ids(List<Report> reports) {
        return reports.stream().map(r -> r.id().value()).toList();
    }
}
