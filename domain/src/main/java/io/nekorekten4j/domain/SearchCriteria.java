package io.nekorekten4j.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to search for: at least one of phone, e-mail, name and web site, and how they combine.
 *
 * <pre>{@code
 * SearchCriteria c = SearchCriteria.builder().phone("0888 123 456").email("a@b.bg").mode(SearchMode.ONE_OF).build();
 * }</pre>
 *
 * <p>The builder accepts typed values or text; text is parsed on {@link Builder#build()}, which
 * reports every problem at once in a {@link ValidationException}.
 *
 * <p>{@link #page()} asks for a page of the answer (20 reports a page). The service documents no
 * page parameter; adapters send it only for pages after the first.
 */
public final class SearchCriteria {

    private final Optional<Phone> phone;
    private final Optional<Email> email;
    private final Optional<PersonName> name;
    private final Optional<WebAddress> site;
    private final SearchMode mode;
    private final int page;

    private SearchCriteria(Phone phone, Email email, PersonName name, WebAddress site, SearchMode mode, int page) {
        this.phone = Optional.ofNullable(phone);
        this.email = Optional.ofNullable(email);
        this.name = Optional.ofNullable(name);
        this.site = Optional.ofNullable(site);
        this.mode = mode;
        this.page = page;
    }

    /** A new builder; the mode defaults to {@link SearchMode#ALL}, like the service's. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these criteria. */
    public Builder toBuilder() {
        Builder b = builder().mode(mode).page(page);
        phone.ifPresent(b::phone);
        email.ifPresent(b::email);
        name.ifPresent(b::name);
        site.ifPresent(b::site);
        return b;
    }

    /** The phone filter. */
    public Optional<Phone> phone() {
        return phone;
    }

    /** The e-mail filter. */
    public Optional<Email> email() {
        return email;
    }

    /** The name filter. */
    public Optional<PersonName> name() {
        return name;
    }

    /** The web-site filter. */
    public Optional<WebAddress> site() {
        return site;
    }

    /** How the filters combine. */
    public SearchMode mode() {
        return mode;
    }

    /** The page asked for, from 1. */
    public int page() {
        return page;
    }

    /** The filters given, in {@link SearchField} order. */
    public Set<SearchField> fields() {
        Set<SearchField> fields = EnumSet.noneOf(SearchField.class);
        phone.ifPresent(p -> fields.add(SearchField.PHONE));
        email.ifPresent(e -> fields.add(SearchField.EMAIL));
        name.ifPresent(n -> fields.add(SearchField.NAME));
        site.ifPresent(s -> fields.add(SearchField.SITE));
        return fields;
    }

    /**
     * The value of each given filter as the service wants it in the query: the phone as
     * {@link Phone#digits()}, the e-mail normalised, the name normalised, the site as typed.
     */
    public Map<SearchField, String> queryValues() {
        Map<SearchField, String> values = new EnumMap<>(SearchField.class);
        phone.ifPresent(p -> values.put(SearchField.PHONE, p.digits()));
        email.ifPresent(e -> values.put(SearchField.EMAIL, e.value()));
        name.ifPresent(n -> values.put(SearchField.NAME, n.value()));
        site.ifPresent(s -> values.put(SearchField.SITE, s.value()));
        return values;
    }

    /**
     * Which of these filters {@code report} matches, and how surely. See {@link MatchRules}.
     */
    public Map<SearchField, MatchCertainty> attribute(Report report) {
        return MatchRules.attribute(this, report);
    }

    /** Whether {@code report} satisfies these criteria under their mode, by {@link MatchRules}. */
    public boolean isSatisfiedBy(Report report) {
        Map<SearchField, MatchCertainty> matched = attribute(report);
        return mode == SearchMode.ALL ? matched.keySet().containsAll(fields()) : !matched.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SearchCriteria other && phone.equals(other.phone) && email.equals(other.email)
                && name.equals(other.name) && site.equals(other.site) && mode == other.mode && page == other.page;
    }

    @Override
    public int hashCode() {
        return Objects.hash(phone, email, name, site, mode, page);
    }

    /** Shows which filters are set, masked: criteria hold personal data. */
    @Override
    public String toString() {
        return "SearchCriteria[" + phone.map(p -> "phone=" + p + ", ").orElse("")
                + email.map(e -> "email=" + e + ", ").orElse("")
                + name.map(n -> "name=" + n + ", ").orElse("")
                + site.map(s -> "site=" + s.normalisedHost() + ", ").orElse("")
                + "mode=" + mode + (page == 1 ? "" : ", page=" + page) + "]";
    }

    /** Builds {@link SearchCriteria}; setters take {@code null} to clear a filter. */
    public static final class Builder {
        private Object phone;
        private Object email;
        private Object name;
        private Object site;
        private SearchMode mode = SearchMode.ALL;
        private int page = 1;

        private Builder() {
        }

        /** Filter by this phone. */
        public Builder phone(Phone phone) {
            this.phone = phone;
            return this;
        }

        /** Filter by this phone, as typed; parsed with Bulgaria as the default country. */
        public Builder phone(String phone) {
            this.phone = phone;
            return this;
        }

        /** Filter by this e-mail. */
        public Builder email(Email email) {
            this.email = email;
            return this;
        }

        /** Filter by this e-mail, as typed. */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /** Filter by this name (one or more words). */
        public Builder name(PersonName name) {
            this.name = name;
            return this;
        }

        /** Filter by this name, as typed. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Filter by this web site. */
        public Builder site(WebAddress site) {
            this.site = site;
            return this;
        }

        /** Filter by this web site, as typed (with or without scheme). */
        public Builder site(String site) {
            this.site = site;
            return this;
        }

        /** How the filters combine (default {@link SearchMode#ALL}). */
        public Builder mode(SearchMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** The page to fetch, from 1 (default 1). */
        public Builder page(int page) {
            this.page = page;
            return this;
        }

        /**
         * The criteria.
         *
         * @throws ValidationException listing every problem: no filter at all, each value that does
         *                             not parse, a page below 1
         */
        public SearchCriteria build() {
            Violations violations = new Violations();
            Phone p = phone instanceof String s ? violations.collect("phone", () -> Phone.parse(s)) : (Phone) phone;
            Email e = email instanceof String s ? violations.collect("email", () -> Email.parse(s)) : (Email) email;
            PersonName n = name instanceof String s ? violations.collect("name", () -> PersonName.parse(s)) : (PersonName) name;
            WebAddress w = site instanceof String s ? violations.collect("siteUrl", () -> WebAddress.parse(s)) : (WebAddress) site;
            if (phone == null && email == null && name == null && site == null) {
                violations.add("criteria", "give at least one of phone, email, name or siteUrl");
            }
            if (page < 1) {
                violations.add("page", "the page must be 1 or more, got " + page);
            }
            violations.throwIfAny();
            return new SearchCriteria(p, e, n, w, mode, page);
        }
    }
}
