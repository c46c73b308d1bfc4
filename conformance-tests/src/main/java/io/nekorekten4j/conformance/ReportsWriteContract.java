package io.nekorekten4j.conformance;

import static io.nekorekten4j.conformance.TestData.EMAIL;
import static io.nekorekten4j.conformance.TestData.FILED_AT;
import static io.nekorekten4j.conformance.TestData.FIRST_NAME;
import static io.nekorekten4j.conformance.TestData.LAST_NAME;
import static io.nekorekten4j.conformance.TestData.OTHER_PHONE;
import static io.nekorekten4j.conformance.TestData.PHONE;
import static io.nekorekten4j.conformance.TestData.SITE;
import static io.nekorekten4j.conformance.TestData.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nekorekten4j.domain.Mask;
import io.nekorekten4j.domain.Phone;
import io.nekorekten4j.domain.Report;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.ReportPatch;
import io.nekorekten4j.domain.ReportReceipt;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchHit;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.ports.ForbiddenException;
import io.nekorekten4j.ports.NotFoundException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules of {@code ReportsPort.create}, {@code update} and {@code delete}: what is filed is
 * found, changed and removed; unknown ids are "not found"; reports of other keys are "forbidden".
 *
 * <p>The kit never relies on the id in a create's receipt (the live service is not known to return
 * it): it finds a created report again by its phone and its text.
 */
public abstract class ReportsWriteContract extends NekorektenContract {

    /** A well-formed id no subject has given out. */
    private static final ReportId UNKNOWN_ID = ReportId.of("noSuchRep01");

    /** For subclasses. */
    protected ReportsWriteContract() {
    }

    // ---- create ------------------------------------------------------------------------------

    /**
     * A created report is found by a search for its phone. If this fails, check the body the
     * adapter posts ({@code text}, {@code phone} as digits) and that the search reads {@code items}.
     */
    @Test
    @KitRule(id = "K-WRITE-01", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_create_reportIsFoundBySearch() {
        client().create(TestData.draft(PHONE, "created and found"));

        assertThat(hitsWithText(PHONE, "created and found")).hasSize(1);
    }

    /**
     * A report created with {@code 0888…} is found by its phone in every written form: {@code 0888…},
     * {@code +359 88…}, {@code 359888…}. If this fails, check that both create and search send
     * {@code Phone.digits()}.
     */
    @ParameterizedTest
    @ValueSource(strings = {TestData.PHONE, TestData.PHONE_INTERNATIONAL, TestData.PHONE_DIGITS})
    @KitRule(id = "K-WRITE-02", proves = Behaviour.PHONES)
    public final void required_create_reportIsFoundByThePhoneInAnyForm(String searched) {
        client().create(TestData.draft(PHONE, "found in any form"));

        assertThat(hitsWithText(searched, "found in any form")).hasSize(1);
    }

    /**
     * A report created with the phone in any written form is found by its national form. If this
     * fails, the adapter sends the phone as typed instead of {@code Phone.digits()}.
     */
    @ParameterizedTest
    @ValueSource(strings = {TestData.PHONE_INTERNATIONAL, TestData.PHONE_DIGITS, TestData.PHONE_WITH_00})
    @KitRule(id = "K-WRITE-03", proves = Behaviour.PHONES)
    public final void required_create_acceptsThePhoneInAnyForm(String filed) {
        client().create(TestData.draft(filed, "filed in any form"));

        assertThat(hitsWithText(PHONE, "filed in any form")).hasSize(1);
    }

    /** A created report carries its text and its phone. If this fails, check the mapping of the created fields. */
    @Test
    @KitRule(id = "K-WRITE-04", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_create_storesTextAndPhone() {
        client().create(TestData.draft(PHONE, "text kept"));

        Report report = hitsWithText(PHONE, "text kept").get(0).report();

        assertThat(report.text()).isEqualTo("text kept");
        assertThat(report.phone()).contains(Phone.parse(PHONE));
    }

    /**
     * A created report's names and e-mail come back equal, or masked in a way they fit (the live
     * service masks them). If this fails, check the {@code firstName}, {@code lastName} and
     * {@code email} fields of the posted body.
     */
    @Test
    @KitRule(id = "K-WRITE-05", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_create_namesAndEmailComeBackEqualOrMasked() {
        client().create(TestData.fullDraft("names kept"));

        Report report = hitsWithText(PHONE, "names kept").get(0).report();

        assertThat(report.firstName()).hasValueSatisfying(f -> assertThat(Mask.compatible(f, FIRST_NAME)).isTrue());
        assertThat(report.lastName()).hasValueSatisfying(l -> assertThat(Mask.compatible(l, LAST_NAME)).isTrue());
        assertThat(report.email()).hasValueSatisfying(e -> assertThat(Mask.compatible(e, EMAIL)).isTrue());
    }

    /**
     * One create files exactly one report and costs exactly one request: a create is never
     * repeated once it may have reached the service. If this fails, the adapter retries a POST.
     */
    @Test
    @KitRule(id = "K-WRITE-06", proves = {Behaviour.WRITES_NEVER_DUPLICATED, Behaviour.QUOTA})
    public final void required_create_filesExactlyOneReportWithOneRequest() {
        expectingBackendRequests(1, () -> client().create(TestData.draft(PHONE, "filed once")));

        assertThat(searchByPhone(PHONE).totalCount()).hasValue(1);
    }

    /**
     * A create's receipt carries the new report's id, the one a search then returns. Needs
     * {@link Capability#CREATE_RETURNS_ID}. If this fails, check how the adapter reads the id from
     * the create answer.
     */
    @Test
    @KitRule(id = "K-WRITE-07", proves = Behaviour.PUBLIC_SURFACE)
    public final void optional_create_receiptCarriesTheNewId() {
        assumeCapability(Capability.CREATE_RETURNS_ID);

        ReportReceipt receipt = client().create(TestData.draft(PHONE, "id returned"));

        assertThat(receipt.id()).contains(hitsWithText(PHONE, "id returned").get(0).report().id());
    }

    /**
     * A report identified only by an e-mail is accepted and found by that e-mail. If this fails,
     * the adapter requires a phone, which the API does not.
     */
    @Test
    @KitRule(id = "K-WRITE-08", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_create_reportWithOnlyAnEmailIsFoundByIt() {
        client().create(ReportDraft.builder().text("email only").email(EMAIL).build());

        SearchResult result = client().search(SearchCriteria.builder().email(EMAIL).build());

        assertThat(result.reports()).extracting(Report::text).containsExactly("email only");
    }

    /**
     * A report identified only by a web site is accepted and found by that site. If this fails,
     * check the {@code siteUrl} field of the posted body.
     */
    @Test
    @KitRule(id = "K-WRITE-09", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_create_reportWithOnlyASiteIsFoundByIt() {
        client().create(ReportDraft.builder().text("site only").siteUrl(SITE).build());

        SearchResult result = client().search(SearchCriteria.builder().site(SITE).build());

        assertThat(result.reports()).extracting(Report::text).containsExactly("site only");
    }

    /**
     * Reports are public: a report filed with one key is found by a search with another. If this
     * fails, the backend scopes searches to the key.
     */
    @Test
    @KitRule(id = "K-WRITE-10", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_create_reportIsVisibleToOtherKeys() {
        client().create(TestData.draft(PHONE, "seen by all"));

        SearchResult result = subject().clientWithOtherKey().search(SearchCriteria.builder().phone(PHONE).build());

        assertThat(result.reports()).extracting(Report::text).containsExactly("seen by all");
    }

    // ---- update ------------------------------------------------------------------------------

    /** An update changes the report's text, keeping its id. If this fails, check the PATCH body. */
    @Test
    @KitRule(id = "K-WRITE-11", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_update_changesTheText() {
        ReportId id = createAndFind(TestData.draft(PHONE, "before the update"));

        client().update(id, ReportPatch.builder().text("after the update").build());

        List<SearchHit> hits = searchByPhone(PHONE).hits();
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).report().id()).isEqualTo(id);
        assertThat(hits.get(0).report().text()).isEqualTo("after the update");
    }

    /**
     * An update of the phone moves the report: the new phone finds it, the old one no longer does.
     * If this fails, check that the PATCH body carries the phone as digits.
     */
    @Test
    @KitRule(id = "K-WRITE-12", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_update_movesTheReportToTheNewPhone() {
        ReportId id = createAndFind(TestData.draft(PHONE, "moving"));

        client().update(id, ReportPatch.builder().phone(OTHER_PHONE).build());

        assertThat(searchByPhone(OTHER_PHONE).reports()).extracting(Report::id).containsExactly(id);
        assertThat(searchByPhone(PHONE).hits()).isEmpty();
    }

    /**
     * Fields a patch does not name stay as they were. If this fails, the adapter sends absent
     * fields as {@code null} or empty, erasing them.
     */
    @Test
    @KitRule(id = "K-WRITE-13", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_update_keepsTheFieldsThePatchDoesNotName() {
        ReportId id = createAndFind(ReportDraft.builder().text("kept fields").phone(PHONE).email(EMAIL).build());

        client().update(id, ReportPatch.builder().text("only the text changed").build());

        Report report = searchByPhone(PHONE).hits().get(0).report();
        assertThat(report.phone()).contains(Phone.parse(PHONE));
        assertThat(client().search(SearchCriteria.builder().email(EMAIL).build()).reports())
                .extracting(Report::id).containsExactly(id);
    }

    /** An update costs exactly one request. If this fails, the adapter repeats or precedes the PATCH. */
    @Test
    @KitRule(id = "K-WRITE-14", proves = Behaviour.QUOTA)
    public final void required_update_spendsOneRequest() {
        ReportId id = createAndFind(TestData.draft(PHONE, "one patch"));

        expectingBackendRequests(1, () -> client().update(id, ReportPatch.builder().text("patched").build()));
    }

    /** An update of an unknown id is "not found". If this fails, check how the adapter maps 404. */
    @Test
    @KitRule(id = "K-WRITE-15", proves = Behaviour.ERRORS)
    public final void required_update_ofAnUnknownIdIsNotFound() {
        assertThatThrownBy(() -> client().update(UNKNOWN_ID, ReportPatch.builder().text("x").build()))
                .isInstanceOf(NotFoundException.class);
    }

    /** An update of a deleted report is "not found". If this fails, the delete left the report behind. */
    @Test
    @KitRule(id = "K-WRITE-16", proves = Behaviour.ERRORS)
    public final void required_update_ofADeletedReportIsNotFound() {
        ReportId id = createAndFind(TestData.draft(PHONE, "deleted, then patched"));
        client().delete(id);

        assertThatThrownBy(() -> client().update(id, ReportPatch.builder().text("too late").build()))
                .isInstanceOf(NotFoundException.class);
    }

    // ---- delete ------------------------------------------------------------------------------

    /** A deleted report is no longer found. If this fails, check the DELETE request's path. */
    @Test
    @KitRule(id = "K-WRITE-17", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_delete_removesTheReport() {
        ReportId id = createAndFind(TestData.draft(PHONE, "to delete"));

        client().delete(id);

        assertThat(searchByPhone(PHONE).reports()).extracting(Report::id).doesNotContain(id);
        assertThat(searchByPhone(PHONE).totalCount()).hasValue(0);
    }

    /**
     * A second delete of the same report is "not found" (this is also what a retried delete whose
     * first attempt went through sees). If this fails, check how the adapter maps 404 on DELETE.
     */
    @Test
    @KitRule(id = "K-WRITE-18", proves = Behaviour.ERRORS)
    public final void required_delete_secondDeleteIsNotFound() {
        ReportId id = createAndFind(TestData.draft(PHONE, "deleted twice"));
        client().delete(id);

        assertThatThrownBy(() -> client().delete(id)).isInstanceOf(NotFoundException.class);
    }

    /** A delete of an unknown id is "not found". If this fails, check how the adapter maps 404. */
    @Test
    @KitRule(id = "K-WRITE-19", proves = Behaviour.ERRORS)
    public final void required_delete_ofAnUnknownIdIsNotFound() {
        assertThatThrownBy(() -> client().delete(UNKNOWN_ID)).isInstanceOf(NotFoundException.class);
    }

    /** A delete removes only its report. If this fails, the adapter deletes by phone rather than by id. */
    @Test
    @KitRule(id = "K-WRITE-20", proves = Behaviour.PUBLIC_SURFACE)
    public final void required_delete_removesOnlyThatReport() {
        ReportId first = createAndFind(TestData.draft(PHONE, "first of two"));
        ReportId second = createAndFind(TestData.draft(PHONE, "second of two"));

        client().delete(first);

        assertThat(searchByPhone(PHONE).reports()).extracting(Report::id).containsExactly(second);
    }

    // ---- ownership ---------------------------------------------------------------------------

    /**
     * An update of a report filed with another key is "forbidden". If this fails, check how the
     * adapter maps 403 (and that it does not swallow it).
     */
    @Test
    @KitRule(id = "K-WRITE-21", proves = Behaviour.ERRORS)
    public final void required_ownership_updateOfAnotherKeysReportIsForbidden() {
        ReportId theirs = subject().arrangeReport(TestData.draft(PHONE), FILED_AT);

        assertThatThrownBy(() -> client().update(theirs, ReportPatch.builder().text("not mine").build()))
                .isInstanceOf(ForbiddenException.class);
    }

    /** A delete of a report filed with another key is "forbidden". If this fails, check how the adapter maps 403. */
    @Test
    @KitRule(id = "K-WRITE-22", proves = Behaviour.ERRORS)
    public final void required_ownership_deleteOfAnotherKeysReportIsForbidden() {
        ReportId theirs = subject().arrangeReport(TestData.draft(PHONE), FILED_AT);

        assertThatThrownBy(() -> client().delete(theirs)).isInstanceOf(ForbiddenException.class);
    }

    /** A forbidden update changes nothing. If this fails, the backend applied the patch before checking the owner. */
    @Test
    @KitRule(id = "K-WRITE-23", proves = {Behaviour.ERRORS, Behaviour.PUBLIC_SURFACE})
    public final void required_ownership_forbiddenUpdateChangesNothing() {
        ReportId theirs = subject().arrangeReport(TestData.draft(PHONE), FILED_AT);

        try {
            client().update(theirs, ReportPatch.builder().text("not mine").build());
        } catch (ForbiddenException expected) {
            // the refusal itself is another rule's concern; this one checks the report
        }

        assertThat(searchByPhone(PHONE).reports()).extracting(Report::text).containsExactly(TEXT);
    }

    /** A forbidden delete leaves the report in place. If this fails, the backend deleted before checking the owner. */
    @Test
    @KitRule(id = "K-WRITE-24", proves = {Behaviour.ERRORS, Behaviour.PUBLIC_SURFACE})
    public final void required_ownership_forbiddenDeleteKeepsTheReport() {
        ReportId theirs = subject().arrangeReport(TestData.draft(PHONE), FILED_AT);

        try {
            client().delete(theirs);
        } catch (ForbiddenException expected) {
            // the refusal itself is another rule's concern; this one checks the report
        }

        assertThat(searchByPhone(PHONE).reports()).extracting(Report::id).containsExactly(theirs);
    }

    /**
     * Another key cannot update a report this key filed. If this fails, the backend does not
     * record who filed a report.
     */
    @Test
    @KitRule(id = "K-WRITE-25", proves = {Behaviour.ERRORS, Behaviour.PUBLIC_SURFACE})
    public final void required_ownership_otherKeyCannotUpdateMyReport() {
        ReportId mine = createAndFind(TestData.draft(PHONE, "mine"));

        assertThatThrownBy(() -> subject().clientWithOtherKey().update(mine, ReportPatch.builder().text("theirs").build()))
                .isInstanceOf(ForbiddenException.class);
        assertThat(searchByPhone(PHONE).reports()).extracting(Report::text).containsExactly("mine");
    }

    /** Another key cannot delete a report this key filed. If this fails, the backend does not record who filed a report. */
    @Test
    @KitRule(id = "K-WRITE-26", proves = {Behaviour.ERRORS, Behaviour.PUBLIC_SURFACE})
    public final void required_ownership_otherKeyCannotDeleteMyReport() {
        ReportId mine = createAndFind(TestData.draft(PHONE, "mine to keep"));

        assertThatThrownBy(() -> subject().clientWithOtherKey().delete(mine)).isInstanceOf(ForbiddenException.class);
        assertThat(searchByPhone(PHONE).reports()).extracting(Report::id).containsExactly(mine);
    }
}
