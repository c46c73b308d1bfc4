package io.nekorekten4j.conformance;

import io.nekorekten4j.domain.Attachment;
import io.nekorekten4j.domain.ReportDraft;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Valid sample values for the contracts: phones, e-mails, names, sites, drafts and attachments.
 * The people are invented; the phones lie in the Bulgarian mobile range 088 so that they pass the
 * national numbering plan, and the e-mails and names differ from their first letter on, so that a
 * masked value ({@code iv***@abv.bg}, {@code Ив**}) of one can never fit another.
 */
public final class TestData {

    /** A Bulgarian mobile phone, as people type it nationally. */
    public static final String PHONE = "0888 123 456";
    /** {@link #PHONE} written internationally with {@code +}, grouped differently. */
    public static final String PHONE_INTERNATIONAL = "+359 88 812 3456";
    /** {@link #PHONE} as the bare digits the API wants. */
    public static final String PHONE_DIGITS = "359888123456";
    /** {@link #PHONE} with the {@code 00} international prefix and dashes. */
    public static final String PHONE_WITH_00 = "00359-888-123-456";
    /** A second, unrelated phone. */
    public static final String OTHER_PHONE = "0877 654 321";
    /** A third phone, for a report that only the e-mail filter finds. */
    public static final String THIRD_PHONE = "0899 111 222";

    /** An e-mail of the person behind {@link #PHONE}. */
    public static final String EMAIL = "ivan.petrov@abv.bg";
    /** An unrelated e-mail (other first letter, other domain). */
    public static final String OTHER_EMAIL = "maria.georgieva@gmail.com";

    /** First name of the person behind {@link #PHONE}. */
    public static final String FIRST_NAME = "Иван";
    /** Last name of the person behind {@link #PHONE}. */
    public static final String LAST_NAME = "Петров";
    /** An unrelated first name. */
    public static final String OTHER_FIRST_NAME = "Мария";
    /** An unrelated last name. */
    public static final String OTHER_LAST_NAME = "Георгиева";

    /** A web shop. */
    public static final String SITE = "https://ivan-petrov-shop.bg";
    /** An unrelated web shop. */
    public static final String OTHER_SITE = "https://maria-shop.example.com";
    /** A Facebook profile. */
    public static final String FACEBOOK = "https://www.facebook.com/ivan.petrov.profile";

    /** The creation time of arranged reports: whole seconds, as the service sends them. */
    public static final Instant FILED_AT = Instant.parse("2025-01-11T21:22:21Z");
    /** A reset time for an exhausted quota, far enough ahead of any subject's clock. */
    public static final Instant QUOTA_RESETS_AT = Instant.parse("2099-01-01T22:00:00Z");
    /** A wait the service asks for; long, so that no adapter retries within one test. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(120);

    /** The text of sample reports. */
    public static final String TEXT = "Поръча с наложен платеж и не потърси пратката; тя се върна към нас.";

    private static final byte[] JPEG_HEADER = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0x00, 0x10,
        'J', 'F', 'I', 'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00};
    private static final byte[] JPEG_END = {(byte) 0xFF, (byte) 0xD9};

    private TestData() {
    }

    /** Phone number {@code n} (0–99999) of a family of distinct valid Bulgarian mobiles, {@code 0888 2nn nnn}. */
    public static String phone(int n) {
        if (n < 0 || n > 99_999) {
            throw new IllegalArgumentException("n must be 0 to 99999, got " + n);
        }
        return String.format("0888 2%05d", n);
    }

    /** A draft with {@link #TEXT} and {@code phone}. */
    public static ReportDraft draft(String phone) {
        return draft(phone, TEXT);
    }

    /** A draft with {@code text} and {@code phone}. */
    public static ReportDraft draft(String phone, String text) {
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(text, "text");
        return ReportDraft.builder().text(text).phone(phone).build();
    }

    /** A draft of {@link #PHONE}, {@link #EMAIL}, {@link #FIRST_NAME} {@link #LAST_NAME} and {@link #SITE}. */
    public static ReportDraft fullDraft(String text) {
        Objects.requireNonNull(text, "text");
        return ReportDraft.builder().text(text).phone(PHONE).email(EMAIL)
                .firstName(FIRST_NAME).lastName(LAST_NAME).siteUrl(SITE).build();
    }

    /** A minimal valid JPEG image: SOI, a JFIF APP0 segment, EOI. */
    public static byte[] jpegBytes() {
        byte[] bytes = Arrays.copyOf(JPEG_HEADER, JPEG_HEADER.length + JPEG_END.length);
        System.arraycopy(JPEG_END, 0, bytes, JPEG_HEADER.length, JPEG_END.length);
        return bytes;
    }

    /** A minimal valid PDF document: header, one empty object, trailer marker. */
    public static byte[] pdfBytes() {
        return "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    }

    /** A JPEG attachment named {@code fileName} (which must end in .jpg or .jpeg). */
    public static Attachment jpeg(String fileName) {
        return Attachment.of(fileName, jpegBytes());
    }

    /** A PDF attachment named {@code fileName} (which must end in .pdf). */
    public static Attachment pdf(String fileName) {
        return Attachment.of(fileName, pdfBytes());
    }

    /** {@code count} distinct JPEG attachments, {@code photo-1.jpg} and on. */
    public static List<Attachment> photos(int count) {
        List<Attachment> photos = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            photos.add(jpeg("photo-" + i + ".jpg"));
        }
        return photos;
    }
}
