package io.nekorekten4j.ports.screening;

import io.nekorekten4j.domain.Email;
import io.nekorekten4j.domain.PersonName;
import io.nekorekten4j.domain.Phone;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.SearchMode;
import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.domain.Violation;
import io.nekorekten4j.domain.WebAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A buyer to screen before shipping: at least one of phone, e-mail, name and web site.
 *
 * <pre>{@code
 * Buyer buyer = Buyer.builder().phone("0888 123 456").email("ivan@abv.bg").build();
 * }</pre>
 *
 * <p>Two buyers are equal when their normalised values are: the phone's
 * {@linkplain Phone#digits() digits} ({@code 0888 123 456} and {@code +359888123456} are one
 * buyer), the e-mail lower-cased, the name with its spaces collapsed and ignoring case (the rule
 * {@link io.nekorekten4j.domain.MatchRules} matches names by), the site's
 * {@linkplain WebAddress#normalised() normalised form}. Equal buyers get the same answer, which is
 * why {@link Screening#screenAll} asks for them once.
 *
 * <p>Immutable and thread safe. {@link #toString()} is masked: a buyer is personal data.
 */
public final class Buyer {

    /** The buyer's fields, held as the one-of search that screens them: the parsing is the criteria's. */
    private final SearchCriteria criteria;
    private final Optional<Phone> phone;
    private final Optional<Email> email;
    private final Optional<PersonName> name;
    private final Optional<WebAddress> site;

    private Buyer(SearchCriteria criteria) {
        this.criteria = criteria;
        this.phone = criteria.phone();
        this.email = criteria.email();
        this.name = criteria.name();
        this.site = criteria.site();
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The buyer's phone. */
    public Optional<Phone> phone() {
        return phone;
    }

    /** The buyer's e-mail. */
    public Optional<Email> email() {
        return email;
    }

    /** The buyer's name. */
    public Optional<PersonName> name() {
        return name;
    }

    /** The buyer's web site or profile address. */
    public Optional<WebAddress> site() {
        return site;
    }

    /**
     * The search that screens this buyer: every given field, in {@link SearchMode#ONE_OF} mode
     * (a report about any of them is a warning), page 1. One request, whatever the number of fields.
     */
    public SearchCriteria toCriteria() {
        return criteria;
    }

    /** Equal when every field is equal after normalisation (see the class comment). */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Buyer other && phone.equals(other.phone) && email.equals(other.email)
                && nameKey().equals(other.nameKey()) && site.equals(other.site);
    }

    /** Consistent with {@link #equals(Object)}. */
    @Override
    public int hashCode() {
        return Objects.hash(phone, email, nameKey(), site);
    }

    /** The fields given, masked ({@code Buyer[phone=+359888***456, email=iv***@abv.bg]}): no personal data. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>(4);
        phone.ifPresent(p -> parts.add("phone=" + p));
        email.ifPresent(e -> parts.add("email=" + e));
        name.ifPresent(n -> parts.add("name=" + n));
        // A shop's host is not a person's data; its path may be (a profile name), so it is left out.
        site.ifPresent(s -> parts.add("site=" + s.normalisedHost()));
        return "Buyer" + parts;
    }

    private Optional<String> nameKey() {
        return name.map(n -> n.value().toLowerCase(Locale.ROOT));
    }

    /**
     * Builds a {@link Buyer}. Setters take typed values or text as people type it; text is parsed
     * on {@link #build()}. A {@code null} clears the field.
     */
    public static final class Builder {
        private final SearchCriteria.Builder criteria = SearchCriteria.builder().mode(SearchMode.ONE_OF);

        private Builder() {
        }

        /** The buyer's phone. */
        public Builder phone(Phone phone) {
            criteria.phone(phone);
            return this;
        }

        /** The buyer's phone as typed; Bulgaria is the default country ({@link Phone#parse(String)}). */
        public Builder phone(String phone) {
            criteria.phone(phone);
            return this;
        }

        /** The buyer's e-mail. */
        public Builder email(Email email) {
            criteria.email(email);
            return this;
        }

        /** The buyer's e-mail as typed. */
        public Builder email(String email) {
            criteria.email(email);
            return this;
        }

        /** The buyer's name (one or more words). */
        public Builder name(PersonName name) {
            criteria.name(name);
            return this;
        }

        /** The buyer's name as typed. */
        public Builder name(String name) {
            criteria.name(name);
            return this;
        }

        /** The buyer's web site or profile address. */
        public Builder site(WebAddress site) {
            criteria.site(site);
            return this;
        }

        /** The buyer's web site or profile address as typed, with or without scheme. */
        public Builder site(String site) {
            criteria.site(site);
            return this;
        }

        /**
         * The buyer.
         *
         * @throws ValidationException listing every problem at once: field {@code buyer} when no
         *                             field is given, and {@code phone}, {@code email}, {@code name}
         *                             or {@code siteUrl} for each text that does not parse
         */
        public Buyer build() {
            try {
                return new Buyer(criteria.build());
            } catch (ValidationException invalid) {
                // The criteria's own "no filter" violation is the buyer's "no field".
                List<Violation> violations = invalid.violations().stream()
                        .map(v -> v.field().equals("criteria")
                                ? new Violation("buyer", "give at least one of phone, email, name or site") : v)
                        .toList();
                throw new ValidationException(violations);
            }
        }
    }
}
