package io.nekorekten4j.fake;

import io.nekorekten4j.domain.Attachment;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchHit;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.ports.Nekorekten;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Shared values of the fake's tests. */
final class FakeTestData {

    /** A Monday noon in Sofia (10:00 UTC), far from midnight. */
    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private FakeTestData() {
    }

    /** A fake with seed 42, key "test-key", on {@code clock}. */
    static NekorektenFake fake(MutableClock clock) {
        return NekorektenFake.builder().seed(42).clock(clock).apiKey("test-key").build();
    }

    /** A valid Bulgarian mobile number, distinct for each {@code n} in [0, 1 000 000). */
    static String mobile(int n) {
        return String.format("0888%06d", n);
    }

    /** A draft identifying someone by phone {@code phone}. */
    static ReportDraft byPhone(String phone) {
        return ReportDraft.builder().text("Отказа пратка с наложен платеж.").phone(phone).build();
    }

    /** A PDF attachment. */
    static Attachment pdf(String name) {
        return Attachment.of(name, "%PDF-1.4\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Every page of {@code criteria}'s answer, concatenated. */
    static List<SearchHit> allPages(Nekorekten api, SearchCriteria criteria) {
        List<SearchHit> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            SearchResult result = api.search(criteria.toBuilder().page(page).build());
            all.addAll(result.hits());
            if (result.isLastPage()) {
                return all;
            }
        }
    }
}
