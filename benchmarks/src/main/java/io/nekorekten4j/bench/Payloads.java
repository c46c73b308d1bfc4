package io.nekorekten4j.bench;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Search answers in the live shape of the reference (§2): the observed report, repeated with
 * distinct ids and phones, in the envelope {@code items}, {@code count}, {@code currentPage},
 * {@code itemsPerPage}, {@code server}. Every value is invented; the names and e-mails come masked,
 * as the service sends them.
 */
public final class Payloads {

    private Payloads() {
    }

    /**
     * A search answer holding {@code reports} reports, as UTF-8 bytes (about 0.9 KiB a report).
     *
     * @throws IllegalArgumentException when {@code reports} is negative or above 9,999
     */
    public static byte[] searchAnswer(int reports) {
        if (reports < 0 || reports > 9_999) {
            throw new IllegalArgumentException("reports must be between 0 and 9999, got " + reports);
        }
        StringBuilder json = new StringBuilder(200 + reports * 1000);
        json.append("{\n  \"message\": null,\n  \"items\": [");
        for (int i = 0; i < reports; i++) {
            json.append(i == 0 ? "\n" : ",\n").append(report(i));
        }
        json.append(reports == 0 ? "],\n" : "\n  ],\n");
        json.append("  \"count\": ").append(reports).append(",\n");
        json.append("  \"currentPage\": 1,\n");
        json.append("  \"itemsPerPage\": ").append(Math.max(reports, 20)).append(",\n");
        json.append("  \"server\": { \"date\": \"2026-02-27 20:22:33\", \"httpCode\": 200 }\n}\n");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The live report of the reference, with id {@code 6PpAb<i>} and phone {@code +35988812<i>}. */
    private static String report(int i) {
        String n = String.format(Locale.ROOT, "%04d", i);
        return "    {\n"
                + "      \"id\": \"6PpAbC" + n + "\",\n"
                + "      \"firstName\": \"Не**\",\n"
                + "      \"lastName\": \"Желяз****\",\n"
                + "      \"email\": \"xxxxx****@gmail.com\",\n"
                + "      \"phone\": \"+35988812" + n + "\",\n"
                + "      \"text\": \"Поръча си ... пратката се върна към нас без да бъде потърсена.\\nНЕКОРЕКТНА!!!\",\n"
                + "      \"facebookUrl\": null,\n"
                + "      \"siteUrl\": null,\n"
                + "      \"siteUrlMapped\": null,\n"
                + "      \"user\": { \"id\": \"V4pAbCdEfG\", \"firstName\": \"Reporter\", \"lastName\": \"Name\","
                + " \"email\": \"xxxxxxxxxx*****@gmail.com\" },\n"
                + "      \"city\": null,\n"
                + "      \"parent\": null,\n"
                + "      \"children\": [],\n"
                + "      \"categories\": [],\n"
                + "      \"files\": [],\n"
                + "      \"createDate\": \"2025-01-11T21:22:21+00:00\",\n"
                + "      \"views\": 16,\n"
                + "      \"liked\": 0,\n"
                + "      \"visibleOnlyForCreator\": false,\n"
                + "      \"isArchived\": false\n"
                + "    }";
    }
}
