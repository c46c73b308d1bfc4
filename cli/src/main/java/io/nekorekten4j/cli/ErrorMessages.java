package io.nekorekten4j.cli;

import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.domain.Violation;
import io.nekorekten4j.ports.InvalidRequestException;
import io.nekorekten4j.ports.IpNotWhitelistedException;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.QuotaExhaustedException;
import io.nekorekten4j.ports.RateLimitedException;
import io.nekorekten4j.ports.ServiceFacts;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One clear line for each failure, printed on stderr. The exceptions' own messages already hold no
 * API key and no query values; this adds what the user can do next (wait, whitelist an IP).
 */
final class ErrorMessages {

    private static final ZoneId SOFIA = ServiceFacts.SOFIA;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    private ErrorMessages() {
    }

    /** The line for {@code failure}, starting with {@code error: }. */
    static String of(Throwable failure) {
        return "error: " + oneLine(describe(failure));
    }

    private static String describe(Throwable failure) {
        if (failure instanceof InvalidRequestException invalid && !invalid.fieldErrors().isEmpty()) {
            return invalid.getMessage() + ": " + invalid.fieldErrors().stream()
                    .map(Violation::toString).collect(Collectors.joining("; "));
        }
        if (failure instanceof ValidationException invalid) {
            return describe(invalid);
        }
        if (failure instanceof RateLimitedException limited) {
            return limited.getMessage() + limited.retryAfter().map(d -> "; try again in " + seconds(d)).orElse("");
        }
        if (failure instanceof QuotaExhaustedException spent) {
            return spent.getMessage() + spent.resetsAt()
                    .map(t -> "; the quota resets at " + WHEN.format(t.atZone(SOFIA))).orElse("");
        }
        if (failure instanceof IpNotWhitelistedException ip) {
            // The exception's message may already give the advice: say it once.
            boolean advised = ip.getMessage().contains("allowed");
            return ip.getMessage() + (advised ? "" : ip.ipAddress()
                    .map(a -> "; add " + a + " to the key's allowed IPs on nekorekten.com").orElse(""));
        }
        if (failure instanceof NekorektenException || failure instanceof UsageException
                || failure instanceof NoKeyException) {
            return failure.getMessage();
        }
        // A bug: name the class, so a report of it can be traced; the message may be empty.
        return "internal error: " + failure.getClass().getName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }

    // The library names its fields (siteUrl, cityId); the user typed options (--site, --city-id).
    private static final Map<String, String> OPTION_OF_FIELD = Map.ofEntries(
            Map.entry("phone", "--phone"), Map.entry("email", "--email"), Map.entry("name", "--name"),
            Map.entry("site", "--site"), Map.entry("siteUrl", "--site"), Map.entry("facebookUrl", "--facebook"),
            Map.entry("firstName", "--first-name"), Map.entry("lastName", "--last-name"),
            Map.entry("cityId", "--city-id"), Map.entry("cityID", "--city-id"), Map.entry("files", "--file-id"),
            Map.entry("text", "--text"), Map.entry("page", "--page"), Map.entry("searchMode", "--mode"),
            Map.entry("baseUri", "--base-uri"));
    private static final Pattern FIELD_REFERENCE = Pattern.compile(
            "(?<=^|: |; |, | or | of )(phone|email|name|site|siteUrl|facebookUrl|firstName|lastName|cityId|cityID|files|text|page|searchMode|baseUri)"
                    + "(?=:|,| or |$|;)");

    /**
     * The problems of a {@link ValidationException}: those about options read with the options' names;
     * those about a CSV file verbatim, since their words are the file's column headers and prose
     * ("a header naming phone, email, name and/or site"), and made no sense as {@code --email}.
     */
    static String describe(ValidationException invalid) {
        List<Violation> problems = invalid.violations();
        String prefix = problems.size() == 1 ? "Invalid input: " : "Invalid input (" + problems.size() + " problems): ";
        return prefix + problems.stream()
                .map(v -> CSV_FIELD.equals(v.field()) ? v.toString() : optionNames(v.toString()))
                .collect(Collectors.joining("; "));
    }

    /** The field of every problem found in a CSV file given with {@code --csv}, rather than in an option. */
    static final String CSV_FIELD = "csv";

    /**
     * {@code message} with the library's field names replaced by the options that set them:
     * {@code siteUrl: not a web address} reads {@code --site: not a web address}. Only for input
     * that came from options (a CSV row's reason keeps its column names).
     */
    static String optionNames(String message) {
        Matcher fields = FIELD_REFERENCE.matcher(message);
        StringBuilder named = new StringBuilder();
        while (fields.find()) {
            fields.appendReplacement(named, Matcher.quoteReplacement(OPTION_OF_FIELD.get(fields.group(1))));
        }
        fields.appendTail(named);
        // Rules about several fields at once are named after the library's object (criteria, buyer,
        // contact, patch): on the command line the options say it.
        return named.toString().replace("criteria: give", "give").replace("buyer: give", "give")
                .replace("contact: give", "give")
                .replace("patch: give at least one field to change", "give at least one field to change: --text, --phone,"
                        + " --email, --site, --facebook, --first-name, --last-name, --city-id or --file-id");
    }

    private static String seconds(Duration wait) {
        long s = Math.max(1, (wait.toMillis() + 999) / 1000);
        return s + " s";
    }

    /**
     * Why {@code file} could not be read, in words: "it is a directory", "permission denied", or the
     * JDK's own reason. The class name alone ("IOException") told a user nothing.
     */
    static String whyUnreadable(Path file, Exception failure) {
        if (Files.isDirectory(file)) {
            return "it is a directory, not a file";
        }
        if (failure instanceof AccessDeniedException) {
            return "permission denied";
        }
        String reason = failure.getMessage();
        if (reason == null || reason.isBlank() || reason.strip().equals(file.toString())) {
            return failure.getClass().getSimpleName();
        }
        return oneLine(reason);
    }

    /**
     * Why {@code file} could not be written, in words: "it is a directory", "no such directory: …",
     * "permission denied", or the JDK's own reason - never only the exception's class name.
     */
    static String whyUnwritable(Path file, Exception failure) {
        if (Files.isDirectory(file)) {
            return "it is a directory, not a file";
        }
        Path parent = file.toAbsolutePath().getParent();
        if (failure instanceof NoSuchFileException && parent != null && !Files.isDirectory(parent)) {
            return "no such directory: " + parent;
        }
        return whyUnreadable(file, failure);
    }

    /** Collapses line breaks: an error is one line on stderr. */
    static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
