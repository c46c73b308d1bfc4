package io.nekorekten4j.http;

import jakarta.json.JsonValue;

/** The {@code user} of a report: the account that filed it, not the reported person. A wire DTO. */
final class UserJson {

    /** The account's id. */
    public JsonValue id;
    /** First name. */
    public String firstName;
    /** Last name. */
    public String lastName;
    /** E-mail, masked. */
    public String email;

    /** For Yasson: it instantiates package-private classes only through a protected constructor. */
    protected UserJson() {
    }
}
