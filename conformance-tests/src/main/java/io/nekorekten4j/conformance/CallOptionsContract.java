package io.nekorekten4j.conformance;

import static io.nekorekten4j.conformance.TestData.FILED_AT;
import static io.nekorekten4j.conformance.TestData.PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.ReportPatch;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchHit;
import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.ports.CallOptions;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.Nekorekten;
import io.nekorekten4j.ports.NekorektenException;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules of per-call options: {@link Nekorekten#withOptions(CallOptions)} refuses {@code null}
 * with a message naming it, and the view it gives is the same API on the same backend — it finds
 * what the client finds, its writes are the client's, it refuses invalid input before any request,
 * it fails as the client fails, and closing it leaves the client working — whatever the options
 * (the presets, tuned ones, a view of a view). How long a view waits is each adapter's own
 * business (the in-memory fake waits for nothing); what it answers is not.
 *
 * <p>The options themselves are validated where they are made ({@link CallOptions}'s withers refuse
 * a negative permit wait or a call timeout that is not positive, naming the field), so no adapter
 * ever sees invalid ones.
 */
public abstract class CallOptionsContract extends NekorektenContract {

    /** For subclasses. */
    protected CallOptionsContract() {
    }

    /**
     * {@code withOptions(null)} throws {@code NullPointerException} naming {@code options}, on the
     * client and on a view. If this fails, the adapter accepts no options (and will fail later,
     * far from the mistake) or names nothing.
     */
    @Test
    @KitRule(id = "K-OPTIONS-01", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_withOptions_nullIsRefusedNamingTheParameter() {
        Nekorekten view = client().withOptions(CallOptions.interactive());

        Throwable onClient = catchThrowable(() -> client().withOptions(null));
        Throwable onView = catchThrowable(() -> view.withOptions(null));

        assertThat(onClient).as("withOptions(null) on the client").isInstanceOf(NullPointerException.class)
                .hasMessageContaining("options");
        assertThat(onView).as("withOptions(null) on a view").isInstanceOf(NullPointerException.class)
                .hasMessageContaining("options");
    }

    /**
     * A view finds exactly what the client finds, and lists the same cities, whatever its options.
     * If this fails, the view runs on another backend, another key or a cache of its own.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("views")
    @KitRule(id = "K-OPTIONS-02", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_withOptions_viewFindsWhatTheClientFinds(String name, UnaryOperator<Nekorekten> viewOf) {
        subject().arrangeReport(TestData.fullDraft(TestData.TEXT), FILED_AT);
        subject().arrangeReport(TestData.draft(PHONE, "second report"), FILED_AT.plusSeconds(60));
        Nekorekten view = viewOf.apply(client());
        SearchCriteria criteria = SearchCriteria.builder().phone(PHONE).build();

        List<ReportId> byClient = ids(client().search(criteria).hits());
        List<ReportId> byView = ids(view.search(criteria).hits());

        assertThat(byClient).as("reports the client finds").hasSize(2);
        assertThat(byView).as("reports the view (%s) finds", name).isEqualTo(byClient);
        assertThat(view.cities()).as("cities the view (%s) lists", name).isEqualTo(client().cities());
    }

    /**
     * A report filed, changed and deleted through a view is the client's own: the client finds it,
     * sees the change, and no longer finds it. If this fails, the view writes with another key or
     * to another backend.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("views")
    @KitRule(id = "K-OPTIONS-03", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_withOptions_viewWritesAreTheClientsWrites(String name, UnaryOperator<Nekorekten> viewOf) {
        Nekorekten view = viewOf.apply(client());

        view.create(TestData.draft(PHONE, "filed through a view"));
        List<SearchHit> filed = hitsWithText(PHONE, "filed through a view");
        assertThat(filed).as("reports the client finds after a create through the view (%s)", name).hasSize(1);
        ReportId id = filed.get(0).report().id();

        view.update(id, ReportPatch.builder().text("changed through a view").build());
        assertThat(hitsWithText(PHONE, "changed through a view")).as("the change, seen by the client").hasSize(1);

        view.delete(id);
        assertThat(hitsWithText(PHONE, "changed through a view")).as("the report after a delete through the view")
                .isEmpty();
    }

    /**
     * A view refuses invalid input as the client does: a {@code ValidationException} before any
     * request, no quota spent. If this fails, the view skips the adapter's validation.
     */
    @Test
    @KitRule(id = "K-OPTIONS-04", proves = {Behaviour.PUBLIC_SURFACE, Behaviour.VALIDATION_BEFORE_ANY_REQUEST})
    public final void required_withOptions_viewRefusesInvalidInputBeforeAnyRequest() {
        Nekorekten view = client().withOptions(CallOptions.batch());

        assertRefusedBeforeAnyRequest(ValidationException.class, () -> view.upload(List.of()));
        assertRefusedBeforeAnyRequest(NullPointerException.class, () -> view.update(ReportId.of("0obgyGbp1Ms"), null));
    }

    /**
     * Closing a view leaves the client and its other views working: a view shares the client's
     * connections and state, and must not release them. If this fails, the view closes what it
     * shares.
     */
    @Test
    @KitRule(id = "K-OPTIONS-05", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_withOptions_closingAViewLeavesTheClientWorking() {
        subject().arrangeReport(TestData.draft(PHONE), FILED_AT);
        Nekorekten closed = client().withOptions(CallOptions.interactive());
        Nekorekten other = client().withOptions(CallOptions.batch());

        closed.close();

        assertThat(searchByPhone(PHONE).hits()).as("the client's hits after a view was closed").hasSize(1);
        assertThat(other.search(SearchCriteria.builder().phone(PHONE).build()).hits())
                .as("another view's hits after a view was closed").hasSize(1);
    }

    /**
     * A view's failed call throws the failure, as the client's does — never an empty answer. Needs
     * {@link Capability#FAULT_INJECTION}. If this fails, the view swallows failures the client
     * reports.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("views")
    @KitRule(id = "K-OPTIONS-06", proves = {Behaviour.PUBLIC_SURFACE, Behaviour.NEVER_A_FALSE_CLEAN})
    public final void optional_withOptions_viewFailsAsTheClientFails(String name, UnaryOperator<Nekorekten> viewOf) {
        assumeCapability(Capability.FAULT_INJECTION);
        Nekorekten view = viewOf.apply(client());
        subject().arrangeFailures(ErrorCode.INVALID_REQUEST, 1);

        Throwable thrown = catchThrowable(() -> view.search(SearchCriteria.builder().phone(PHONE).build()));

        assertThat(thrown).as("what a failed search through the view (%s) gave", name)
                .isInstanceOf(NekorektenException.class);
        assertThat(((NekorektenException) thrown).code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    }

    /** Views of a client, each with a name: the presets, tuned options, a view of a view. */
    static Stream<Arguments> views() {
        return Stream.of(
                view("fromClient", c -> c.withOptions(CallOptions.fromClient())),
                view("interactive", c -> c.withOptions(CallOptions.interactive())),
                view("batch", c -> c.withOptions(CallOptions.batch())),
                view("tuned: 30 s, no retries", c -> c.withOptions(CallOptions.interactive()
                        .withCallTimeout(Duration.ofSeconds(30)).withRetries(false))),
                view("view of a view", c -> c.withOptions(CallOptions.batch()).withOptions(CallOptions.interactive())));
    }

    private static Arguments view(String name, UnaryOperator<Nekorekten> viewOf) {
        return Arguments.of(name, viewOf);
    }

    private static List<ReportId> ids(List<SearchHit> hits) {
        return hits.stream().map(h -> h.report().id()).toList();
    }
}
