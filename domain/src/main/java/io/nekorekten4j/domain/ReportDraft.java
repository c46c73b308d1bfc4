package io.nekorekten4j.domain;

import java.util.Objects;

/**
 * A new report to file: the text is required, and at least one of phone, e-mail, web site or
 * Facebook address that identifies the person.
 *
 * <pre>{@code
 * ReportDraft draft = ReportDraft.builder()
 *         .text("Refused a cash-on-delivery parcel on 2026-11-20.")
 *         .phone("0888 123 456").firstName("Иван").lastName("Иванов")
 *         .build();
 * }</pre>
 *
 * @param fields the validated fields
 */
public record ReportDraft(ReportFields fields) {

    /** Checks the rules of a draft. */
    public ReportDraft {
        Objects.requireNonNull(fields, "fields");
        Violations violations = new Violations();
        if (fields.text().isEmpty()) {
            violations.add("text", "the text is required: say what happened, where and how");
        }
        if (!fields.identifiesSomeone()) {
            violations.add("contact", "give at least one of phone, email, siteUrl or facebookUrl");
        }
        violations.throwIfAny();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The text (present). */
    public String text() {
        return fields.text().orElseThrow();
    }

    @Override
    public String toString() {
        return "ReportDraft[" + fields + "]";
    }

    /** Builds a {@link ReportDraft}; {@link #build()} reports every problem at once. */
    public static final class Builder extends ReportFields.Builder<Builder> {

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * The draft.
         *
         * @throws ValidationException listing every problem: missing text, no identifying field,
         *                             and each value that does not parse
         */
        public ReportDraft build() {
            Violations violations = new Violations();
            ReportFields fields = parse(violations);
            if (!hasText()) {
                violations.add("text", "the text is required: say what happened, where and how");
            }
            if (!hasIdentifyingValue()) {
                violations.add("contact", "give at least one of phone, email, siteUrl or facebookUrl");
            }
            violations.throwIfAny();
            return new ReportDraft(fields);
        }
    }
}
