package io.nekorekten4j.conformance;

/**
 * The behaviour DESIGN.md promises of every adapter ("Behaviour every adapter shares"), item by
 * item, plus the entry points of its public surface: what a {@link KitRule} proves. Each constant
 * names the DESIGN.md item by its {@linkplain #heading() heading}; {@code docs/kit-rules.md} lists,
 * for each, the rules that prove it — and says so when the kit has none (those are proven by each
 * adapter's own tests).
 */
public enum Behaviour {
    /** The entry points of "The public surface": search and its pages, create, update, delete, upload, cities. */
    PUBLIC_SURFACE("The public surface"),
    /** Bad input throws a {@code ValidationException} listing every field; no request, no quota. */
    VALIDATION_BEFORE_ANY_REQUEST("Validation before any request"),
    /** Phones as people type them; sent and read back as one person's {@code digits()}. */
    PHONES("Phones"),
    /** {@code ALL} intersects, {@code ONE_OF} unites; each report says which filters it matched. */
    SEARCH_MODES("Search modes"),
    /** One hierarchy with stable codes; the service's refusals and "no usable answer" told apart. */
    ERRORS("Errors"),
    /** A failed search is an exception, never an empty result; screening says not checked. */
    NEVER_A_FALSE_CLEAN("Never a false \"clean\""),
    /** A create or upload is never sent twice unless it provably never arrived. */
    WRITES_NEVER_DUPLICATED("Writes are never duplicated"),
    /** Never more requests than the plan allows; one request where one suffices. */
    QUOTA("Quota"),
    /** The key never in logs, messages, {@code toString()} or URLs, nor sent elsewhere. */
    SECRETS("Secrets"),
    /** Timeouts, size caps, a bounded pool. */
    BOUNDED("Bounded"),
    /** Server text sanitised and redacted wherever it is shown. */
    SERVER_TEXT_IS_UNTRUSTED("Server text is untrusted");

    private final String heading;

    Behaviour(String heading) {
        this.heading = heading;
    }

    /** The item's heading in DESIGN.md, e.g. {@code Writes are never duplicated}. */
    public String heading() {
        return heading;
    }
}
