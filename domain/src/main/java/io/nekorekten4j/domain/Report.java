package io.nekorekten4j.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A report as the service returns it.
 *
 * <p>The reported person's names and e-mail usually come back <strong>masked</strong>
 * ({@code Не**}, {@code xxxxx****@gmail.com}); use {@link Mask} to compare them. The phone comes
 * back unmasked; {@link #phone()} is that phone parsed (so {@code 0888…}, {@code +359888…} and
 * {@code 359888…} are one person), and {@link #phoneAsReported()} is the text as it came.
 *
 * <p><strong>Dates.</strong> {@link #createdAt()} follows one rule: <em>no date rather than a wrong
 * one</em>. The HTTP adapter reads the service's {@code createDate} tolerantly, but only in forms
 * that cannot mean two things:
 * <ul>
 *   <li>ISO-8601 with an offset or {@code Z}, e.g. {@code 2025-01-11T21:22:21+00:00} (the form the
 *       service is seen to send) — that instant;</li>
 *   <li>{@code yyyy-MM-dd HH:mm:ss} or an ISO date-time without offset, e.g.
 *       {@code 2025-01-11T21:22:21} — Sofia local time, the service's zone;</li>
 *   <li>a number, or text of digits only: epoch milliseconds when it has 13 digits, epoch seconds
 *       when it has 10 digits and cannot also be read as a date written in digits
 *       ({@code yyyyMMddHH}), and only between the years 2000 and 2100;</li>
 *   <li>anything else — {@code "20250111"} (a date in digits, not 1970-08-23), a date without a
 *       time, a fraction, a negative number, a word — gives an empty {@code createdAt()}.</li>
 * </ul>
 *
 * <p>{@link #toString()} shows no personal data.
 */
public final class Report {

    private final ReportId id;
    private final Optional<String> firstName;
    private final Optional<String> lastName;
    private final Optional<String> email;
    private final Optional<String> phoneAsReported;
    private final Optional<Phone> phone;
    private final Optional<String> siteUrl;
    private final Optional<String> facebookUrl;
    private final String text;
    private final Optional<OffsetDateTime> createdAt;
    private final Optional<CityId> cityId;
    private final Optional<String> cityName;
    private final List<ReportFile> files;
    private final Optional<Reporter> reporter;
    private final long views;
    private final long likes;
    private final Optional<ReportId> parentId;
    private final List<Report> replies;

    private Report(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.firstName = Optional.ofNullable(b.firstName);
        this.lastName = Optional.ofNullable(b.lastName);
        this.email = Optional.ofNullable(b.email);
        this.phoneAsReported = Optional.ofNullable(b.phone);
        this.phone = parsedPhone(b.phone);
        this.siteUrl = Optional.ofNullable(b.siteUrl);
        this.facebookUrl = Optional.ofNullable(b.facebookUrl);
        this.text = b.text == null ? "" : b.text;
        this.createdAt = Optional.ofNullable(b.createdAt);
        this.cityId = Optional.ofNullable(b.cityId);
        this.cityName = Optional.ofNullable(b.cityName);
        this.files = List.copyOf(b.files);
        this.reporter = Optional.ofNullable(b.reporter);
        this.views = b.views;
        this.likes = b.likes;
        this.parentId = Optional.ofNullable(b.parentId);
        this.replies = List.copyOf(b.replies);
    }

    /**
     * The reported phone read once: the same answer as {@code isValid} then {@code parse}, without
     * reading it twice (this runs for every report of every answer).
     */
    private static Optional<Phone> parsedPhone(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Phone.parse(text));
        } catch (InvalidPhoneException invalid) {
            return Optional.empty();
        }
    }

    /** A builder, for adapters that map the service's answer. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this report's values. */
    public Builder toBuilder() {
        Builder b = new Builder().id(id).text(text).views(views).likes(likes).files(files).replies(replies);
        firstName.ifPresent(b::firstName);
        lastName.ifPresent(b::lastName);
        email.ifPresent(b::email);
        phoneAsReported.ifPresent(b::phone);
        siteUrl.ifPresent(b::siteUrl);
        facebookUrl.ifPresent(b::facebookUrl);
        createdAt.ifPresent(b::createdAt);
        cityId.ifPresent(b::cityId);
        cityName.ifPresent(b::cityName);
        reporter.ifPresent(b::reporter);
        parentId.ifPresent(b::parentId);
        return b;
    }

    /** The report's id. */
    public ReportId id() {
        return id;
    }

    /** The reported person's first name, possibly masked. */
    public Optional<String> firstName() {
        return firstName;
    }

    /** The reported person's last name, possibly masked. */
    public Optional<String> lastName() {
        return lastName;
    }

    /** The reported person's e-mail, possibly masked. */
    public Optional<String> email() {
        return email;
    }

    /** The reported phone, parsed; empty when absent or not a valid number. */
    public Optional<Phone> phone() {
        return phone;
    }

    /** The reported phone exactly as the service returned it. */
    public Optional<String> phoneAsReported() {
        return phoneAsReported;
    }

    /** The reported web site. */
    public Optional<String> siteUrl() {
        return siteUrl;
    }

    /** The reported Facebook address. */
    public Optional<String> facebookUrl() {
        return facebookUrl;
    }

    /** What happened, in the reporter's words; may be empty. */
    public String text() {
        return text;
    }

    /** When the report was filed; empty when the service did not say it in a form that has one meaning (see above). */
    public Optional<OffsetDateTime> createdAt() {
        return createdAt;
    }

    /** The city's id, when the service gave one. */
    public Optional<CityId> cityId() {
        return cityId;
    }

    /** The city's name, when the service gave one. */
    public Optional<String> cityName() {
        return cityName;
    }

    /** Attached files. */
    public List<ReportFile> files() {
        return files;
    }

    /** The account that filed the report. */
    public Optional<Reporter> reporter() {
        return reporter;
    }

    /** How many times the report was viewed; 0 also when the service sent no count. */
    public long views() {
        return views;
    }

    /**
     * How many likes it has (the service's {@code liked}); 0 also when the service sent no count —
     * a boolean {@code liked} says whether, not how many, and is read as no count.
     */
    public long likes() {
        return likes;
    }

    /** The report this one replies to, when it is a reply. */
    public Optional<ReportId> parentId() {
        return parentId;
    }

    /** Replies to this report (e.g. the reported person's refutations). */
    public List<Report> replies() {
        return replies;
    }

    /** Equal when the ids are equal: a report is an entity of the service. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Report other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Report[id=" + id + createdAt.map(t -> ", createdAt=" + t).orElse("")
                + phone.map(p -> ", phone=" + p).orElse("") + "]";
    }

    /** Builds a {@link Report}; only the id is required. */
    public static final class Builder {
        private ReportId id;
        private String firstName;
        private String lastName;
        private String email;
        private String phone;
        private String siteUrl;
        private String facebookUrl;
        private String text;
        private OffsetDateTime createdAt;
        private CityId cityId;
        private String cityName;
        private List<ReportFile> files = List.of();
        private Reporter reporter;
        private long views;
        private long likes;
        private ReportId parentId;
        private List<Report> replies = List.of();

        private Builder() {
        }

        /** The id (required). */
        public Builder id(ReportId id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        /** First name, as returned (masked or not); {@code null} for none. */
        public Builder firstName(String firstName) {
            this.firstName = firstName;
            return this;
        }

        /** Last name, as returned (masked or not); {@code null} for none. */
        public Builder lastName(String lastName) {
            this.lastName = lastName;
            return this;
        }

        /** E-mail, as returned (masked or not); {@code null} for none. */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /** Phone, as returned; {@code null} for none. */
        public Builder phone(String phone) {
            this.phone = phone;
            return this;
        }

        /** Web site, as returned; {@code null} for none. */
        public Builder siteUrl(String siteUrl) {
            this.siteUrl = siteUrl;
            return this;
        }

        /** Facebook address, as returned; {@code null} for none. */
        public Builder facebookUrl(String facebookUrl) {
            this.facebookUrl = facebookUrl;
            return this;
        }

        /** The report's text; {@code null} for none. */
        public Builder text(String text) {
            this.text = text;
            return this;
        }

        /** When it was filed; {@code null} when unknown. */
        public Builder createdAt(OffsetDateTime createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** The city's id; {@code null} for none. */
        public Builder cityId(CityId cityId) {
            this.cityId = cityId;
            return this;
        }

        /** The city's name; {@code null} for none. */
        public Builder cityName(String cityName) {
            this.cityName = cityName;
            return this;
        }

        /** Attached files. */
        public Builder files(List<ReportFile> files) {
            this.files = List.copyOf(files);
            return this;
        }

        /** The account that filed it; {@code null} when unknown. */
        public Builder reporter(Reporter reporter) {
            this.reporter = reporter;
            return this;
        }

        /** View count. */
        public Builder views(long views) {
            this.views = views;
            return this;
        }

        /** Like count. */
        public Builder likes(long likes) {
            this.likes = likes;
            return this;
        }

        /** The report this one replies to; {@code null} for none. */
        public Builder parentId(ReportId parentId) {
            this.parentId = parentId;
            return this;
        }

        /** Replies to this report. */
        public Builder replies(List<Report> replies) {
            this.replies = List.copyOf(replies);
            return this;
        }

        /** The report; throws {@link NullPointerException} when the id is missing. */
        public Report build() {
            return new Report(this);
        }
    }
}
