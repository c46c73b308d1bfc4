package io.nekorekten4j.fakeserver;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A bare HTTP client for the server's own tests: sends exactly the bytes asked for and returns the
 * status, headers and body as they came, so the tests see the wire, not a client library's reading of it.
 */
final class RawHttp {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    RawHttp(URI base) {
        this.base = base;
    }

    /** What came back. */
    record Response(int status, HttpResponse<String> raw) {

        /** The body as JSON. */
        JsonObject json() {
            return Json.createReader(new StringReader(raw.body())).readObject();
        }

        /** The body as text. */
        String body() {
            return raw.body();
        }

        /** A header. */
        Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }
    }

    Response get(String pathAndQuery, String key) {
        return send(request(pathAndQuery, key).GET());
    }

    Response send(String method, String path, String key, String contentType, byte[] body) {
        HttpRequest.Builder b = request(path, key).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b);
    }

    Response json(String method, String path, String key, String json) {
        return send(method, path, key, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends and throws what the transport threw, for tests of a dropped connection. */
    Response sendOrThrow(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(r.statusCode(), r);
    }

    HttpRequest.Builder request(String pathAndQuery, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(20));
        if (key != null) {
            b.header("Api-Key", key);
        }
        return b;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            return sendOrThrow(request.build());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
