package io.nekorekten4j.fakeserver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.nekorekten4j.domain.Attachment;
import io.nekorekten4j.domain.FileId;
import io.nekorekten4j.domain.ReportDraft;
import io.nekorekten4j.domain.ReportId;
import io.nekorekten4j.domain.ReportPatch;
import io.nekorekten4j.domain.ReportReceipt;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.domain.ValidationException;
import io.nekorekten4j.domain.Violation;
import io.nekorekten4j.fake.NekorektenFake;
import io.nekorekten4j.ports.ApiPaths;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.ServiceFacts;
import io.nekorekten4j.ports.UploadRule;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The API on the wire: checks the key, routes, reads the request into domain values, calls the
 * fake as the key's view ({@link NekorektenFake#withKey}), and writes the answer.
 *
 * <p>Order of checks: the {@code Api-Key} header (401 when missing, blank or not accepted), then
 * the route (404, or 405 with {@code Allow}), then the request's size (413) and values (400), then
 * the fake — which checks refused keys and addresses, injected faults and the quota, in that
 * order. So a key the fake was told to refuse gets its 401 or 403 only for a well-formed request;
 * the HTTP adapter never sends another kind.
 *
 * <p>Thread safe: it holds the fake (thread safe), an atomic counter and immutable settings.
 */
final class ApiHandler implements HttpHandler {

    /** The largest JSON or form body of a report. */
    static final int MAX_REPORT_BODY = 1024 * 1024;
    /** The largest upload body. */
    static final int MAX_UPLOAD_BODY = FakeServer.MAX_BODY_BYTES;
    /** The longest key looked at; longer is refused. */
    static final int MAX_KEY_LENGTH = 512;

    static final String DELETED_MESSAGE = "Сигналът е изтрит успешно.";

    private final NekorektenFake fake;
    private final Set<String> acceptedKeys;
    private final Clock clock;
    private final Duration stall;
    private final CountDownLatch closing;
    private final WireJson json = new WireJson();
    private final ErrorAnswers errors = new ErrorAnswers(json);
    private final AtomicLong requests = new AtomicLong();
    private final ScriptedAnswers script = new ScriptedAnswers();

    /**
     * @param fake         the fake behind the API
     * @param acceptedKeys the keys accepted; empty accepts every non-blank key
     * @param clock        the time of {@code server.date}
     * @param stall        how long a simulated timeout holds its answer back
     * @param closing      released when the server closes, so that held answers end at once
     */
    ApiHandler(NekorektenFake fake, Set<String> acceptedKeys, Clock clock, Duration stall, CountDownLatch closing) {
        this.fake = fake;
        this.acceptedKeys = Set.copyOf(acceptedKeys);
        this.clock = clock;
        this.stall = stall;
        this.closing = closing;
    }

    /** The answers queued to be given instead of the fake's. */
    ScriptedAnswers script() {
        return script;
    }

    /** The answer for a request in the service's own words (see {@link ErrorAnswers#said}). */
    Answer.Http said(io.nekorekten4j.ports.ErrorCode code, String said, Instant now) {
        return errors.said(code, said, now);
    }

    /** How many requests reached the handler, refused ones included. */
    long requestCount() {
        return requests.get();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try {
            Instant now = clock.instant();
            Answer answer;
            try {
                answer = answer(exchange, now);
            } catch (RuntimeException e) {
                // A bug of the server, not a refusal of the service; the class, never the message,
                // which may hold the request's personal data.
                answer = errors.plain(500, "Вътрешна грешка на сървъра (" + e.getClass().getSimpleName() + ").", now);
            }
            send(exchange, answer);
        } finally {
            exchange.close();
        }
    }

    private Answer answer(HttpExchange exchange, Instant now) throws IOException {
        String key = exchange.getRequestHeaders().getFirst(ServiceFacts.API_KEY_HEADER);
        if (key == null || key.isBlank()) {
            return errors.plain(401, "Липсва API ключ: изпратете го в заглавката Api-Key.", now);
        }
        if (key.length() > MAX_KEY_LENGTH || !(acceptedKeys.isEmpty() || acceptedKeys.contains(key))) {
            return errors.plain(401, "Невалиден API ключ.", now);
        }
        Optional<Answer> scripted = script.next(now);
        if (scripted.isPresent()) {
            return scripted.get();
        }
        NekorektenFake view = fake.withKey(key);
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        try {
            if (path.equals(ApiPaths.REPORTS)) {
                return switch (method) {
                    case "GET" -> search(view, exchange, now);
                    case "POST" -> create(view, exchange, now);
                    default -> notAllowed("GET, POST", now);
                };
            }
            if (path.startsWith(ApiPaths.REPORT_PREFIX) && path.indexOf('/', ApiPaths.REPORT_PREFIX.length()) < 0) {
                String id = URLDecoder.decode(path.substring(ApiPaths.REPORT_PREFIX.length()).replace("+", "%2B"),
                        StandardCharsets.UTF_8);
                return switch (method) {
                    case "PATCH" -> update(view, id, exchange, now);
                    case "DELETE" -> delete(view, id, now);
                    default -> notAllowed("PATCH, DELETE", now);
                };
            }
            if (path.equals(ApiPaths.FILES)) {
                return method.equals("POST") ? upload(view, exchange, now) : notAllowed("POST", now);
            }
            if (path.equals(ApiPaths.CITIES)) {
                return method.equals("GET") ? Answer.Http.json(200, json.cities(view.cities(), now))
                        : notAllowed("GET", now);
            }
            return errors.plain(404, "Няма такъв адрес в API-то.", now);
        } catch (ValidationException e) {
            return errors.invalid(e, now);
        } catch (NekorektenException e) {
            return errors.of(e, now);
        } catch (BoundedBodyReader.TooLargeException e) {
            return errors.plain(413, "Заявката е твърде голяма: най-много " + e.limit() / (1024 * 1024) + " MiB.", now)
                    .withHeader("Connection", "close");
        }
    }

    private Answer search(NekorektenFake view, HttpExchange exchange, Instant now) {
        SearchCriteria criteria = SearchQuery.criteria(Query.parse(exchange.getRequestURI().getRawQuery()));
        return Answer.Http.json(200, json.searchPage(view.search(criteria), now));
    }

    private Answer create(NekorektenFake view, HttpExchange exchange, Instant now)
            throws IOException, BoundedBodyReader.TooLargeException {
        ReportDraft draft = fields(exchange).toDraft();
        ReportReceipt receipt = view.create(draft);
        return receipt(receipt, now);
    }

    private Answer update(NekorektenFake view, String id, HttpExchange exchange, Instant now)
            throws IOException, BoundedBodyReader.TooLargeException {
        ReportId reportId = reportId(id);
        if (reportId == null) {
            return errors.plain(404, "Сигналът не е намерен.", now);
        }
        ReportPatch patch = fields(exchange).toPatch();
        return receipt(view.update(reportId, patch), now);
    }

    private Answer delete(NekorektenFake view, String id, Instant now) {
        ReportId reportId = reportId(id);
        if (reportId == null) {
            return errors.plain(404, "Сигналът не е намерен.", now);
        }
        view.delete(reportId);
        return Answer.Http.json(200, json.message(DELETED_MESSAGE, 200, now));
    }

    private Answer upload(NekorektenFake view, HttpExchange exchange, Instant now)
            throws IOException, BoundedBodyReader.TooLargeException {
        String boundary = Multipart.boundary(exchange.getRequestHeaders().getFirst("Content-Type"));
        List<Multipart.Part> parts = Multipart.parse(BoundedBodyReader.read(exchange, MAX_UPLOAD_BODY), boundary);
        List<Attachment> attachments = new ArrayList<>();
        List<Violation> problems = new ArrayList<>();
        for (Multipart.Part part : parts) {
            if (!part.name().equals(ServiceFacts.UPLOAD_PART) && !part.name().equals(UploadRule.FIELD)) {
                continue; // other form fields: ignored, as a form handler would
            }
            if (part.fileName() == null || part.fileName().isBlank()) {
                problems.add(new Violation("files", "a files[] part has no file name"));
                continue;
            }
            try {
                attachments.add(Attachment.of(part.fileName(), part.content()));
            } catch (ValidationException e) {
                problems.addAll(e.violations());
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        if (attachments.isEmpty()) {
            throw new ValidationException("files", "send at least one file as a files[] part");
        }
        List<FileId> ids = view.upload(attachments);
        return Answer.Http.json(200, json.uploaded(ids, attachments.stream().map(Attachment::fileName).toList(), now));
    }

    private Answer receipt(ReportReceipt receipt, Instant now) {
        if (receipt.id().isPresent()) {
            return Answer.Http.json(200, json.receipt(receipt.message(), receipt.id().get(), now));
        }
        return Answer.Http.json(200, json.message(receipt.message(), 200, now));
    }

    /** The fields of a report body: a form when the client says so, JSON otherwise. */
    private static RequestFields fields(HttpExchange exchange) throws IOException, BoundedBodyReader.TooLargeException {
        byte[] body = BoundedBodyReader.read(exchange, MAX_REPORT_BODY);
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return RequestFields.fromForm(body);
        }
        return RequestFields.fromJson(body);
    }

    /** The id of a path, or {@code null} when no report can have it (404, as for an unknown id). */
    private static ReportId reportId(String id) {
        try {
            return ReportId.of(id);
        } catch (ValidationException e) {
            return null;
        }
    }

    private Answer notAllowed(String allow, Instant now) {
        return errors.plain(405, "Методът не е разрешен за този адрес.", now).withHeader("Allow", allow);
    }

    private void send(HttpExchange exchange, Answer answer) throws IOException {
        if (answer instanceof Answer.Http http) {
            write(exchange, http);
        } else if (answer instanceof Answer.Stall held) {
            try {
                if (closing.await(stall.toNanos(), TimeUnit.NANOSECONDS)) {
                    return; // the server is closing: the exchange's close drops the connection
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                write(exchange, held.then());
            } catch (IOException clientGone) {
                // The client timed out and closed the connection, as it should have.
            }
        } else if (answer instanceof Answer.Silence) {
            try {
                closing.await(); // until the server closes; the exchange's close then drops the connection
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // Answer.Drop: nothing is written; closing an exchange whose headers were never sent
        // closes the connection, which the client reads as a connection that broke.
    }

    private static void write(HttpExchange exchange, Answer.Http answer) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", Answer.JSON);
        for (Map.Entry<String, String> header : answer.headers().entrySet()) {
            exchange.getResponseHeaders().set(header.getKey(), header.getValue());
        }
        if (exchange.getRequestMethod().equalsIgnoreCase("HEAD")) {
            exchange.sendResponseHeaders(answer.status(), -1); // a HEAD answer has no body
            return;
        }
        exchange.sendResponseHeaders(answer.status(), answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
        }
    }
}
