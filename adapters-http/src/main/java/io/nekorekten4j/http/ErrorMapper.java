package io.nekorekten4j.http;

import io.nekorekten4j.domain.ServerText;
import io.nekorekten4j.domain.Violation;
import io.nekorekten4j.ports.ErrorContext;
import io.nekorekten4j.ports.ForbiddenException;
import io.nekorekten4j.ports.InvalidApiKeyException;
import io.nekorekten4j.ports.InvalidRequestException;
import io.nekorekten4j.ports.IpNotWhitelistedException;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.NotFoundException;
import io.nekorekten4j.ports.QuotaExhaustedException;
import io.nekorekten4j.ports.RateLimitedException;
import io.nekorekten4j.ports.RequestOutcome;
import io.nekorekten4j.ports.ServiceUnavailableException;
import io.nekorekten4j.ports.UnexpectedResponseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps an error answer onto the ports' exceptions.
 *
 * <table>
 *   <caption>Status → exception</caption>
 *   <tr><th>status</th><th>exception</th></tr>
 *   <tr><td>400, 422</td><td>{@link InvalidRequestException}, with the body's {@code errors} per field</td></tr>
 *   <tr><td>401</td><td>{@link InvalidApiKeyException}</td></tr>
 *   <tr><td>403</td><td>{@link IpNotWhitelistedException} when the message names an IP address or
 *       speaks of IPs, else {@link ForbiddenException}</td></tr>
 *   <tr><td>404</td><td>{@link NotFoundException}</td></tr>
 *   <tr><td>429</td><td>{@link RateLimitedException} with {@code Retry-After} (seconds or HTTP date,
 *       honoured up to {@link RetryAfter#cap}: the next Sofia midnight, 24 h at most);
 *       {@link QuotaExhaustedException} when the message says the daily or plan limit is spent</td></tr>
 *   <tr><td>402</td><td>{@link QuotaExhaustedException} when the message says the daily or plan
 *       limit is spent, else {@link UnexpectedResponseException}</td></tr>
 *   <tr><td>5xx</td><td>{@link ServiceUnavailableException}</td></tr>
 *   <tr><td>3xx, anything else</td><td>{@link UnexpectedResponseException} (a redirect is never followed)</td></tr>
 * </table>
 * A 2xx answer whose {@code server.httpCode} is not 2xx is mapped by that code.
 *
 * <p>Every exception's outcome is the outcome so far in the request context followed by what
 * this answer says ({@link #outcomeOf}): a 4xx refused the request, anything else may have
 * applied it. Every exception carries the method, the path (never the query), the status, an excerpt of
 * at most 200 characters of the body and the service's message — with the API key and the
 * request's query values blanked out of both (see {@link Redactor}), then sanitised: every text of
 * the service (message, excerpt, field names and messages) is made one safe line and capped by
 * {@link ServerText} before it reaches a message, a context or a log. Thread safe.
 */
final class ErrorMapper {

    /** What replaces the API key wherever the service might echo it. */
    static final String REDACTED = "[redacted]";
    /** The most characters of one text of the service that are redacted and kept (before sanitising). */
    static final int MAX_TEXT_SCANNED = 2000;
    /** The most field names an invalid-request message lists. */
    static final int MAX_NAMES_IN_MESSAGE = 10;
    /** The longest field name an invalid-request message shows. */
    static final int MAX_NAME_IN_MESSAGE = 40;

    private static final Pattern MENTIONS_IP = Pattern.compile("(?iu)(\\bIP\\b|\\bIPv[46]\\b|IP[- ]?адрес|whitelist|white-list|allowed list)");
    private static final Pattern MENTIONS_MINUTE = Pattern.compile("(?iu)(minute|минут)");
    private static final Pattern MENTIONS_DAY_OR_PLAN = Pattern.compile(
            "(?iu)(daily|per day|a day|today|\\bday\\b|24 ?h|\\bplan\\b|subscription|дневн|на ден|за ден|днес|денонощ|план|абонамент)");

    private ErrorMapper() {
    }

    /**
     * The exception for an answer with a non-2xx status.
     *
     * @param request    the request's method and path
     * @param status     the HTTP status
     * @param retryAfter the {@code Retry-After} header, if any
     * @param envelope   what the body said (empty when it was not JSON)
     * @param excerpt    the first characters of the body
     * @param now        the current instant, for an HTTP-date {@code Retry-After}
     * @param redactor   blanks the API key and the request's personal data out of every text kept
     */
    static NekorektenException fromStatus(ErrorContext request, int status, Optional<String> retryAfter,
                                          Envelope envelope, String excerpt, Instant now, Redactor redactor) {
        return map(request, status, status, retryAfter, envelope, excerpt, now, redactor);
    }

    /**
     * The exception for a 2xx answer whose {@code server.httpCode} contradicts its status: mapped by
     * that code, and the message says so.
     */
    static NekorektenException fromBody(ErrorContext request, int wireStatus, Optional<String> retryAfter,
                                        Envelope envelope, String excerpt, Instant now, Redactor redactor) {
        int code = envelope.httpCode().orElse(wireStatus);
        return map(request, wireStatus, code, retryAfter, envelope, excerpt, now, redactor);
    }

    /** An answer that could not be used. */
    static UnexpectedResponseException unexpected(ErrorContext context, String reason, String excerpt, Redactor redactor,
                                                  Throwable cause) {
        // An answer came, or a body was being read: the request reached the service.
        ErrorContext reached = CallProgress.after(context, RequestOutcome.MAY_HAVE_BEEN_APPLIED);
        ErrorContext withBody = excerpt == null || excerpt.isEmpty() ? reached : reached.withBody(redactor.apply(excerpt));
        return new UnexpectedResponseException(reason, withBody, cause);
    }

    private static NekorektenException map(ErrorContext request, int wireStatus, int code, Optional<String> retryAfter,
                                           Envelope envelope, String excerpt, Instant now, Redactor redactor) {
        Optional<String> message = envelope.message().map(m -> redactor.apply(cut(m)));
        ErrorContext context = CallProgress.after(request, outcomeOf(code)).withStatus(code)
                .withServiceMessage(message.orElse(null));
        if (excerpt != null && !excerpt.isEmpty()) {
            context = context.withBody(redactor.apply(excerpt));
        }
        String said = wireStatus == code ? "" : " (HTTP " + wireStatus + " carried server.httpCode " + code + ")";
        Optional<Duration> asked = retryAfter.flatMap(h -> RetryAfter.parse(h, now));
        String text = message.orElse("");
        if (code == 400 || code == 422) {
            List<Violation> fields = new ArrayList<>();
            for (Violation v : envelope.fieldErrors().subList(0,
                    Math.min(envelope.fieldErrors().size(), InvalidRequestException.MAX_FIELD_ERRORS))) {
                // Field names are the service's text as much as the messages are.
                fields.add(new Violation(redactor.apply(cut(v.field())), redactor.apply(cut(v.message()))));
            }
            return new InvalidRequestException("The service rejected the request as invalid" + fieldNames(fields) + said,
                    context, fields);
        }
        if (code == 401) {
            return new InvalidApiKeyException("The service does not accept the API key" + said, context, null);
        }
        if (code == 403) {
            Optional<String> ip = IpNotWhitelistedException.extractIpAddress(text);
            if (ip.isPresent() || MENTIONS_IP.matcher(text).find()) {
                return new IpNotWhitelistedException("The API key is not allowed from this IP address"
                        + ip.map(a -> " (" + a + "): add it to the key's allowed list").orElse("") + said,
                        context, ip.orElse(null));
            }
            return new ForbiddenException("The API key may not do this" + said, context, null);
        }
        if (code == 404) {
            return new NotFoundException("No such report or resource" + said, context, null);
        }
        if ((code == 429 || code == 402) && saysDailyQuotaIsSpent(text)) {
            // Reported as sent (saturated, never overflowing): the gate does not wait for it.
            return new QuotaExhaustedException("The plan's daily quota is spent" + said, context,
                    asked.map(w -> RetryAfter.instantAfter(now, w)).orElse(null));
        }
        if (code == 429) {
            // Honoured, so never more than the cap: a hostile or broken value must not pause the key for good.
            Optional<Duration> wait = asked.map(w -> RetryAfter.honoured(w, now, request.describe()));
            return new RateLimitedException("Too many requests" + wait.map(w -> ": retry after " + w.toSeconds() + " s")
                    .orElse("") + said, context, wait.orElse(null));
        }
        if (code >= 500 && code <= 599) {
            return new ServiceUnavailableException("The service failed or is unavailable" + said, context, null);
        }
        if (code >= 300 && code <= 399) {
            return new UnexpectedResponseException("The service answered with a redirect, which is never followed"
                    + said, context, null);
        }
        return new UnexpectedResponseException("The service answered with an unexpected status" + said, context, null);
    }

    /**
     * What an answer with {@code code} says about the request: a 4xx is a refusal (nothing was
     * applied); a 5xx, a 3xx or anything else does not prove that the request was not applied.
     */
    static RequestOutcome outcomeOf(int code) {
        return code >= 400 && code <= 499 ? RequestOutcome.REFUSED : RequestOutcome.MAY_HAVE_BEEN_APPLIED;
    }

    /**
     * {@code : phone, text} — the first {@value #MAX_NAMES_IN_MESSAGE} distinct field names, each
     * sanitised and short, and how many more there are.
     */
    static String fieldNames(List<Violation> fields) {
        List<String> names = fields.stream().map(v -> ServerText.sanitise(v.field(), MAX_NAME_IN_MESSAGE))
                .distinct().toList();
        if (names.isEmpty()) {
            return "";
        }
        String shown = String.join(", ", names.subList(0, Math.min(names.size(), MAX_NAMES_IN_MESSAGE)));
        return ": " + shown + (names.size() > MAX_NAMES_IN_MESSAGE
                ? " and " + (names.size() - MAX_NAMES_IN_MESSAGE) + " more" : "");
    }

    /**
     * The first {@value #MAX_TEXT_SCANNED} characters of a text of the service: all that any
     * message keeps, and a bound on the work of redacting it (a body may be megabytes).
     */
    private static String cut(String text) {
        return text.length() <= MAX_TEXT_SCANNED ? text : text.substring(0, MAX_TEXT_SCANNED);
    }

    /** Whether a 429's or 402's message speaks of the day or the plan rather than the minute. */
    static boolean saysDailyQuotaIsSpent(String message) {
        return !MENTIONS_MINUTE.matcher(message).find() && MENTIONS_DAY_OR_PLAN.matcher(message).find();
    }

    /**
     * A {@code Retry-After} value as a wait from {@code now}, as sent (see {@link RetryAfter#parse});
     * empty when it is not one of the accepted forms.
     */
    static Optional<Duration> parseRetryAfter(String header, Instant now) {
        return RetryAfter.parse(header, now);
    }

    /**
     * Blanks secrets out of texts taken from an answer: the API key, should the service ever echo
     * it, and the request's own query values (the phone, e-mail, name or site searched for), which
     * are personal data and often come back in the body. Each is found in every form an answer may
     * carry it in — JSON, percent or HTML escaped, in any case, in base64 — see
     * {@link SecretRedaction}.
     *
     * @param secrets the texts to blank out, longest first
     */
    record Redactor(List<String> secrets) {

        /** Values shorter than this are not blanked: they would blank half of any text. */
        static final int MIN_LENGTH = 3;

        private static final java.util.Comparator<String> LONGEST_FIRST =
                java.util.Comparator.comparingInt(String::length).reversed();

        /** Keeps the usable secrets, longest first, so that a longer one is blanked whole. */
        Redactor {
            // Loops rather than a stream pipeline: a redactor is made for every attempt of every call.
            List<String> usable = new ArrayList<>(secrets.size());
            for (String s : secrets) {
                if (s != null && s.length() >= MIN_LENGTH && !usable.contains(s)) {
                    usable.add(s);
                }
            }
            usable.sort(LONGEST_FIRST);
            secrets = List.copyOf(usable);
        }

        /** A redactor of {@code key} and {@code values}. */
        static Redactor of(String key, java.util.Collection<String> values) {
            List<String> all = new ArrayList<>(values);
            all.add(key);
            return new Redactor(all);
        }

        /** {@code text} with every secret replaced by {@value ErrorMapper#REDACTED}; {@code null} stays {@code null}. */
        String apply(String text) {
            if (text == null) {
                return null;
            }
            return SecretRedaction.redact(text, secrets, REDACTED);
        }
    }
}
