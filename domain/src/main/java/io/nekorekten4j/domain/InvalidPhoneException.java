package io.nekorekten4j.domain;

import java.util.Objects;

/**
 * A phone number that cannot be used: thrown by {@link Phone#parse(String)} and friends before
 * any request is sent.
 *
 * <p>It carries exactly one {@link Violation}, on field {@code phone}, whose message a merchant
 * understands (for example "too short for a Bulgarian mobile number: 9 digits expected after
 * +359, got 7"). Phone numbers are personal data, so the message never repeats the digits typed;
 * at most it states how many there were.
 */
public final class InvalidPhoneException extends ValidationException {

    private static final long serialVersionUID = 1L;

    /** The field the violation is reported on, as the nekorekten.com API names it. */
    static final String FIELD = "phone";

    /** Why a phone number was rejected; stable, for callers that branch on it. */
    public enum Reason {
        /** Empty, or contains something other than digits, separators and a leading {@code +}. */
        NOT_A_NUMBER,
        /** Written internationally, but no country uses the calling code it starts with. */
        INVALID_COUNTRY_CODE,
        /** Fewer digits than numbers of that country or range have. */
        TOO_SHORT,
        /** More digits than numbers of that country or range have (E.164 allows at most 15). */
        TOO_LONG,
        /** A Bulgarian number whose leading digits belong to no range of the national plan. */
        UNKNOWN_AREA_CODE,
        /** Well formed, but not a number a customer can have (for example a short code like 112). */
        INVALID_NUMBER,
        /**
         * Typed without a country code in a form that cannot be read as one number for sure:
         * either it is the national form of a Russian, Kazakh or North American number ("8 (912)
         * 345-67-89", "1 212 555 0100") while the default country is another, or it starts with
         * the trunk prefix of a default country whose plan is not known here (8 in Belarus and
         * Turkmenistan, 06 in Hungary, 1 in the Marshall Islands). Written internationally, with
         * '+' and the country code, it can be read.
         */
        AMBIGUOUS_NATIONAL_FORM
    }

    private final Reason reason;

    /**
     * @param reason  why the number was rejected
     * @param message what is wrong, for a merchant; must not contain the number itself
     */
    public InvalidPhoneException(Reason reason, String message) {
        super(FIELD, message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why the number was rejected. */
    public Reason reason() {
        return reason;
    }
}
