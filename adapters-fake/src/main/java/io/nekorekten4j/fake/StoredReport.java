package io.nekorekten4j.fake;

import io.nekorekten4j.domain.FileId;
import java.util.List;
import java.util.Objects;

/**
 * A report as the fake stores it: compact and unmasked. Absent strings are {@code null}, an absent
 * phone is 0 and an absent city is 0, so that a report costs one object, its few strings and no
 * {@code Optional}s. Immutable: an update stores a new instance in the same slot.
 *
 * @param id          the id, as {@link Ids} numbers it
 * @param slot        where the store keeps it (its insertion rank); -1 before it is stored
 * @param createdAt   when it was filed, in epoch seconds (the service shows seconds)
 * @param text        what happened
 * @param phone       the phone's {@code digits()} as a number, or 0
 * @param email       the e-mail's normalised value, or {@code null}
 * @param firstName   the first name, or {@code null}
 * @param lastName    the last name, or {@code null}
 * @param siteUrl     the web site as given, or {@code null}
 * @param facebookUrl the Facebook address as given, or {@code null}
 * @param cityId      the city's id, or 0
 * @param files       attached file ids
 * @param owner       the account of the key that filed it
 */
record StoredReport(long id, int slot, long createdAt, String text, long phone, String email, String firstName,
                    String lastName, String siteUrl, String facebookUrl, int cityId, List<FileId> files,
                    Account owner) {

    StoredReport {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(owner, "owner");
    }

    /** This report kept in {@code slot}. */
    StoredReport inSlot(int slot) {
        return new StoredReport(id, slot, createdAt, text, phone, email, firstName, lastName, siteUrl, facebookUrl,
                cityId, files, owner);
    }

    /** Whether {@code account} filed it. */
    boolean ownedBy(Account account) {
        return owner.id().equals(account.id());
    }

    /** The phone in E.164, {@code +359888123456}, or {@code null}. */
    String phoneE164() {
        return phone == 0 ? null : "+" + phone;
    }

    @Override
    public String toString() {
        return "StoredReport[" + Ids.encode(id) + ", slot=" + slot + "]";
    }
}
