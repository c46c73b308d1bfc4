package io.nekorekten4j.fakeserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.nekorekten4j.conformance.TestData;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/files}: {@code multipart/form-data} with one {@code files[]} part per file,
 * parsed by the server itself; each file is checked as the client library checks it (extension,
 * magic bytes, size); the body is capped at 12 MiB (413).
 */
class FakeServerUploadTest {

    private static final String BOUNDARY = "test-boundary-7f3a";
    private static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

    private final FakeServer server = FakeServer.builder().build().start();
    private final RawHttp http = new RawHttp(server.uri());

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void eachFilesPartGetsAnIdInOrderWithItsName() {
        byte[] body = multipart(
                part("files[]", "filename=\"снимка.jpg\"; filename*=UTF-8''%D1%81%D0%BD%D0%B8%D0%BC%D0%BA%D0%B0.jpg",
                        TestData.jpegBytes()),
                part("files[]", "filename=\"waybill.pdf\"", TestData.pdfBytes()));

        RawHttp.Response r = http.send("POST", "/api/v1/files", "k", MULTIPART, body);

        assertThat(r.status()).isEqualTo(200);
        JsonArray files = r.json().getJsonArray("files");
        assertThat(files).hasSize(2);
        assertThat(files.getJsonObject(0).getString("name")).isEqualTo("снимка.jpg");
        assertThat(files.getJsonObject(1).getString("name")).isEqualTo("waybill.pdf");
        assertThat(files.getJsonObject(0).getString("id")).isNotEqualTo(files.getJsonObject(1).getString("id"));
        assertThat(files.getJsonObject(0).getString("previewUrl"))
                .isEqualTo("/files/" + files.getJsonObject(0).getString("id"));
    }

    @Test
    void uploadedIdsAttachToAReportWhichListsThemWithNameAndPreview() {
        String id = http.send("POST", "/api/v1/files", "k", MULTIPART,
                multipart(part("files[]", "filename=\"parcel.jpg\"", TestData.jpegBytes())))
                .json().getJsonArray("files").getJsonObject(0).getString("id");
        http.json("POST", "/api/v1/reports", "k",
                "{\"text\":\"with a photo\",\"phone\":\"359888000666\",\"files\":[\"" + id + "\"]}");

        JsonObject file = http.get("/api/v1/reports?phone=359888000666", "k").json()
                .getJsonArray("items").getJsonObject(0).getJsonArray("files").getJsonObject(0);

        assertThat(file.getString("id")).isEqualTo(id);
        assertThat(file.getString("name")).isEqualTo("parcel.jpg");
        assertThat(file.getString("previewUrl")).isEqualTo("/files/" + id);
    }

    @Test
    void aFileWhoseContentIsNotItsTypeGets400NamingFiles() {
        RawHttp.Response r = http.send("POST", "/api/v1/files", "k", MULTIPART,
                multipart(part("files[]", "filename=\"photo.jpg\"", "MZ not a jpeg".getBytes(StandardCharsets.US_ASCII))));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().getJsonObject("errors").keySet()).containsExactly("files");
    }

    @Test
    void aDisallowedExtensionGets400() {
        RawHttp.Response r = http.send("POST", "/api/v1/files", "k", MULTIPART,
                multipart(part("files[]", "filename=\"run.exe\"", new byte[] {'M', 'Z', 0, 0})));

        assertThat(r.status()).isEqualTo(400);
    }

    @Test
    void aBodyWithoutFilesPartsGets400() {
        RawHttp.Response r = http.send("POST", "/api/v1/files", "k", MULTIPART,
                multipart(part("comment", null, "hello".getBytes(StandardCharsets.US_ASCII))));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().getJsonObject("errors").getString("files")).contains("files[]");
    }

    @Test
    void aBodyThatIsNotMultipartGets400() {
        RawHttp.Response r = http.json("POST", "/api/v1/files", "k", "{\"files\":[]}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().getJsonObject("errors").keySet()).containsExactly("body");
    }

    @Test
    void moreThanTenFilesGets400() {
        byte[][] parts = new byte[11][];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = part("files[]", "filename=\"p" + i + ".jpg\"", TestData.jpegBytes());
        }

        assertThat(http.send("POST", "/api/v1/files", "k", MULTIPART, multipart(parts)).status()).isEqualTo(400);
    }

    @Test
    void aBodyOverTwelveMebibytesGets413() {
        byte[] big = new byte[FakeServer.MAX_BODY_BYTES + 1];

        RawHttp.Response r = http.send("POST", "/api/v1/files", "k", MULTIPART, big);

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().getJsonObject("server").getInt("httpCode")).isEqualTo(413);
    }

    @Test
    void aReportBodyOverItsLimitGets413() {
        byte[] big = new byte[ApiHandler.MAX_REPORT_BODY + 1];

        assertThat(http.send("POST", "/api/v1/reports", "k", "application/json", big).status()).isEqualTo(413);
    }

    private static byte[] part(String name, String fileNameParameters, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String disposition = "Content-Disposition: form-data; name=\"" + name + "\""
                + (fileNameParameters == null ? "" : "; " + fileNameParameters);
        out.writeBytes(("--" + BOUNDARY + "\r\n" + disposition + "\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] multipart(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
