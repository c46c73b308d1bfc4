package io.nekorekten4j.http;

import java.util.Locale;

/** Why the client's quota gate refused a request permit locally, without sending anything. */
public enum PermitRefusal {
    /** The next permit was further away than the permit-wait timeout (or the call's budget) allowed. */
    WAIT_EXCEEDED,
    /** The plan's daily cap is spent. */
    DAILY_CAP,
    /** The shared quota store (Redis) could not be asked within its timeout. */
    STORE_UNAVAILABLE;

    private final String tagValue = name().toLowerCase(Locale.ROOT);

    /** The lowercase name, e.g. {@code daily_cap}. */
    public String tagValue() {
        return tagValue;
    }
}
