package io.nekorekten4j.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The fields a report is filed or edited with, validated. Shared by {@link ReportDraft} (text and
 * an identifying field required) and {@link ReportPatch} (every field optional, at least one).
 *
 * @param text        what happened
 * @param phone       the person's phone
 * @param email       the person's e-mail
 * @param siteUrl     a web site
 * @param facebookUrl the person's Facebook address
 * @param firstName   first name
 * @param lastName    last name
 * @param files       ids of uploaded files; empty for none
 * @param cityId      the city
 */
public record ReportFields(Optional<String> text, Optional<Phone> phone, Optional<Email> email,
                           Optional<WebAddress> siteUrl, Optional<WebAddress> facebookUrl,
                           Optional<PersonName> firstName, Optional<PersonName> lastName,
                           List<FileId> files, Optional<CityId> cityId) {

    /** The longest report text accepted, in characters: a guard of ours, the service states none. */
    public static final int MAX_TEXT_LENGTH = 10_000;
    /** The most files one report may carry: a guard of ours, the service states none. */
    public static final int MAX_FILES = 20;

    /** Requires every part (the optionals themselves). */
    public ReportFields {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(siteUrl, "siteUrl");
        Objects.requireNonNull(facebookUrl, "facebookUrl");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        files = List.copyOf(Objects.requireNonNull(files, "files"));
        Objects.requireNonNull(cityId, "cityId");
    }

    /** Whether any of phone, e-mail, site or Facebook is present. */
    public boolean identifiesSomeone() {
        return phone.isPresent() || email.isPresent() || siteUrl.isPresent() || facebookUrl.isPresent();
    }

    /** Whether no field at all is present. */
    public boolean isEmpty() {
        return text.isEmpty() && !identifiesSomeone() && firstName.isEmpty() && lastName.isEmpty()
                && files.isEmpty() && cityId.isEmpty();
    }

    /** Shows which fields are set, never their values: they are personal data. */
    @Override
    public String toString() {
        List<String> set = new ArrayList<>();
        text.ifPresent(t -> set.add("text(" + t.length() + " chars)"));
        phone.ifPresent(p -> set.add("phone=" + p));
        email.ifPresent(e -> set.add("email=" + e));
        siteUrl.ifPresent(s -> set.add("siteUrl"));
        facebookUrl.ifPresent(f -> set.add("facebookUrl"));
        firstName.ifPresent(f -> set.add("firstName"));
        lastName.ifPresent(l -> set.add("lastName"));
        if (!files.isEmpty()) {
            set.add("files=" + files.size());
        }
        cityId.ifPresent(c -> set.add("cityID=" + c));
        return String.join(", ", set);
    }

    /**
     * The setters {@link ReportDraft.Builder} and {@link ReportPatch.Builder} share: collects raw or
     * typed values and parses them all at once, so that one {@link ValidationException} can list
     * every problem. Public so that code can fill either builder with one method; only this package
     * can extend it.
     *
     * @param <B> the concrete builder
     */
    public abstract static class Builder<B extends Builder<B>> {

        Builder() {
        }

        private String text;
        private Object phone;
        private Object email;
        private Object siteUrl;
        private Object facebookUrl;
        private Object firstName;
        private Object lastName;
        private final List<FileId> files = new ArrayList<>();
        private Integer cityId;

        abstract B self();

        /** What happened, where and how. */
        public B text(String text) {
            this.text = text;
            return self();
        }

        /** The person's phone. */
        public B phone(Phone phone) {
            this.phone = phone;
            return self();
        }

        /** The person's phone as typed; parsed with Bulgaria as the default country. */
        public B phone(String phone) {
            this.phone = phone;
            return self();
        }

        /** The person's e-mail. */
        public B email(Email email) {
            this.email = email;
            return self();
        }

        /** The person's e-mail as typed. */
        public B email(String email) {
            this.email = email;
            return self();
        }

        /** A web site. */
        public B siteUrl(WebAddress siteUrl) {
            this.siteUrl = siteUrl;
            return self();
        }

        /** A web site as typed. */
        public B siteUrl(String siteUrl) {
            this.siteUrl = siteUrl;
            return self();
        }

        /** The person's Facebook address (facebook.com or fb.com). */
        public B facebookUrl(WebAddress facebookUrl) {
            this.facebookUrl = facebookUrl;
            return self();
        }

        /** The person's Facebook address as typed. */
        public B facebookUrl(String facebookUrl) {
            this.facebookUrl = facebookUrl;
            return self();
        }

        /** First name. */
        public B firstName(PersonName firstName) {
            this.firstName = firstName;
            return self();
        }

        /** First name as typed. */
        public B firstName(String firstName) {
            this.firstName = firstName;
            return self();
        }

        /** Last name. */
        public B lastName(PersonName lastName) {
            this.lastName = lastName;
            return self();
        }

        /** Last name as typed. */
        public B lastName(String lastName) {
            this.lastName = lastName;
            return self();
        }

        /** Adds ids of uploaded files. */
        public B files(List<FileId> files) {
            Objects.requireNonNull(files, "files").forEach(f -> this.files.add(Objects.requireNonNull(f, "files[]")));
            return self();
        }

        /** Adds ids of uploaded files. */
        public B files(FileId... files) {
            return files(List.of(files));
        }

        /** The city (an id from the cities endpoint). */
        public B cityId(CityId cityId) {
            this.cityId = cityId == null ? null : cityId.value();
            return self();
        }

        /** The city, by id. */
        public B cityId(int cityId) {
            this.cityId = cityId;
            return self();
        }

        /** Parses every value, recording each problem in {@code violations}. */
        ReportFields parse(Violations violations) {
            String t = null;
            if (text != null) {
                t = text.strip();
                if (t.isEmpty()) {
                    violations.add("text", "the text must not be blank");
                } else if (t.length() > MAX_TEXT_LENGTH) {
                    violations.add("text", "the text is at most " + MAX_TEXT_LENGTH + " characters, got " + t.length());
                }
            }
            Phone p = phone instanceof String s ? violations.collect("phone", () -> Phone.parse(s)) : (Phone) phone;
            Email e = email instanceof String s ? violations.collect("email", () -> Email.parse(s)) : (Email) email;
            WebAddress site = siteUrl instanceof String s
                    ? violations.collect("siteUrl", () -> WebAddress.parse(s)) : (WebAddress) siteUrl;
            WebAddress fb = facebookUrl instanceof String s
                    ? violations.collect("facebookUrl", () -> WebAddress.parseFacebook(s)) : checkFacebook(violations);
            PersonName first = firstName instanceof String s
                    ? violations.collect("firstName", () -> PersonName.parse(s)) : (PersonName) firstName;
            PersonName last = lastName instanceof String s
                    ? violations.collect("lastName", () -> PersonName.parse(s)) : (PersonName) lastName;
            CityId city = cityId == null ? null : violations.collect("cityID", () -> CityId.of(cityId));
            if (files.size() > MAX_FILES) {
                violations.add("files", "at most " + MAX_FILES + " files per report, got " + files.size());
            }
            if (new LinkedHashSet<>(files).size() != files.size()) {
                violations.add("files", "the same file id is given twice");
            }
            return new ReportFields(Optional.ofNullable(t), Optional.ofNullable(p), Optional.ofNullable(e),
                    Optional.ofNullable(site), Optional.ofNullable(fb), Optional.ofNullable(first),
                    Optional.ofNullable(last), files, Optional.ofNullable(city));
        }

        /** Whether a value was given for {@code text} (even a blank one). */
        boolean hasText() {
            return text != null;
        }

        /** Whether a value was given for any of the identifying fields (even an invalid one). */
        boolean hasIdentifyingValue() {
            return phone != null || email != null || siteUrl != null || facebookUrl != null;
        }

        private WebAddress checkFacebook(Violations violations) {
            WebAddress fb = (WebAddress) facebookUrl;
            if (fb != null && !fb.isFacebook()) {
                violations.add("facebookUrl", "a Facebook address must be on facebook.com or fb.com");
            }
            return fb;
        }
    }
}
