package io.nekorekten4j.conformance;

import static io.nekorekten4j.conformance.TestData.PHONE;
import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.domain.City;
import io.nekorekten4j.domain.CityId;
import io.nekorekten4j.domain.Report;
import io.nekorekten4j.domain.ReportDraft;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of {@code CitiesPort.cities}: a non-empty list of distinct ids that reports can be filed with. */
public abstract class CitiesContract extends NekorektenContract {

    private static final String SOFIA = "София";

    /** For subclasses. */
    protected CitiesContract() {
    }

    /** The service knows cities. If this fails, check how the adapter reads the cities answer (possibly wrapped in {@code items}). */
    @Test
    @KitRule(id = "K-CITIES-01", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_cities_listIsNotEmpty() {
        assertThat(client().cities()).isNotEmpty();
    }

    /** No two cities share an id. If this fails, the adapter reads the list twice or maps ids wrongly. */
    @Test
    @KitRule(id = "K-CITIES-02", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_cities_idsAreUnique() {
        List<CityId> ids = client().cities().stream().map(City::id).toList();

        assertThat(ids).doesNotHaveDuplicates();
    }

    /** The capital, {@code София}, is on the list, spelt in Cyrillic. If this fails, check the decoding of names (UTF-8). */
    @Test
    @KitRule(id = "K-CITIES-03", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_cities_sofiaIsPresent() {
        assertThat(client().cities()).extracting(City::name).contains(SOFIA);
    }

    /** Two calls answer the same list. If this fails, the adapter's cache or mapping is unstable. */
    @Test
    @KitRule(id = "K-CITIES-04", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_cities_answerIsStableAcrossCalls() {
        assertThat(client().cities()).containsExactlyElementsOf(client().cities());
    }

    /**
     * A caller changing the returned list changes nothing for the next caller. If this fails, the
     * adapter hands out its own (cached) mutable list.
     */
    @Test
    @KitRule(id = "K-CITIES-05", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_cities_callerCannotCorruptTheList() {
        List<City> before = new ArrayList<>(client().cities());
        List<City> handedOut = client().cities();
        try {
            handedOut.clear();
        } catch (UnsupportedOperationException expected) {
            // an unmodifiable list is the simplest way to keep this rule
        }

        assertThat(client().cities()).containsExactlyElementsOf(before);
    }

    /**
     * A report can be filed with a city from the list; when the report comes back with a city id,
     * it is that city's. If this fails, check the {@code cityID} field of the posted body.
     */
    @Test
    @KitRule(id = "K-CITIES-06", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_cities_idCanBeUsedInADraft() {
        City sofia = client().cities().stream().filter(c -> c.name().equals(SOFIA)).findFirst().orElseThrow(
                () -> new AssertionError("София is not among the cities"));

        client().create(ReportDraft.builder().text("in Sofia").phone(PHONE).cityId(sofia.id()).build());

        Report report = hitsWithText(PHONE, "in Sofia").get(0).report();
        report.cityId().ifPresent(id -> assertThat(id).isEqualTo(sofia.id()));
        report.cityName().ifPresent(name -> assertThat(name).isEqualTo(SOFIA));
    }

    /**
     * Asking for the cities costs at most one request (the list may be cached). If this fails, the
     * adapter pages or repeats the cities request.
     */
    @Test
    @KitRule(id = "K-CITIES-07", proves = Behaviour.QUOTA)
    public final void required_cities_spendsAtMostOneRequest() {
        long before = subject().backendRequestCount();

        client().cities();

        assertThat(subject().backendRequestCount() - before).isBetween(0L, 1L);
    }
}
