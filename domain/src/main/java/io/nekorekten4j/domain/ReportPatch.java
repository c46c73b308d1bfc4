package io.nekorekten4j.domain;

import java.util.Objects;

/**
 * Changes to a report: every field optional, at least one given. Fields not given stay as they are.
 *
 * @param fields the validated fields to change
 */
public record ReportPatch(ReportFields fields) {

    /** Checks that something changes. */
    public ReportPatch {
        Objects.requireNonNull(fields, "fields");
        if (fields.isEmpty()) {
            throw new ValidationException("patch", "a patch must change at least one field");
        }
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "ReportPatch[" + fields + "]";
    }

    /** Builds a {@link ReportPatch}; {@link #build()} reports every problem at once. */
    public static final class Builder extends ReportFields.Builder<Builder> {

        private Builder() {
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * The patch.
         *
         * @throws ValidationException listing every problem: nothing to change, and each value
         *                             that does not parse
         */
        public ReportPatch build() {
            Violations violations = new Violations();
            ReportFields fields = parse(violations);
            if (violations.isEmpty() && fields.isEmpty()) {
                violations.add("patch", "give at least one field to change");
            }
            violations.throwIfAny();
            return new ReportPatch(fields);
        }
    }
}
