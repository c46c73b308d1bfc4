package io.nekorekten4j.apicontract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The contract itself: it parses, says where each part comes from, and tells the live shape from guessed ones. */
class OpenApiContractTest {

    private static final OpenApiContract CONTRACT = OpenApiContract.load();
    private static final String SEARCH = "/api/v1/reports";
    private static final String REPORT = "/api/v1/reports/{reportId}";
    private static final String SERVER = "{\"date\": \"2026-02-27 20:22:33\", \"httpCode\": %d}";

    /** The live search answer of the reference (§2), captured 2026-02-27, personal data replaced — verbatim. */
    static final String LIVE_PAYLOAD = """
            {
              "message": null,
              "items": [
                {
                  "id": "6PpAbCdEfG",
                  "firstName": "Не**",
                  "lastName": "Желяз****",
                  "email": "xxxxx****@gmail.com",
                  "phone": "+359888123456",
                  "text": "Поръча си ... пратката се върна към нас без да бъде потърсена.\\nНЕКОРЕКТНА!!!",
                  "facebookUrl": null,
                  "siteUrl": null,
                  "siteUrlMapped": null,
                  "user": { "id": "V4pAbCdEfG", "firstName": "Reporter", "lastName": "Name", "email": "xxxxxxxxxx*****@gmail.com" },
                  "city": null,
                  "parent": null,
                  "children": [],
                  "categories": [],
                  "files": [],
                  "createDate": "2025-01-11T21:22:21+00:00",
                  "views": 16,
                  "liked": 0,
                  "visibleOnlyForCreator": false,
                  "isArchived": false
                }
              ],
              "count": 1,
              "currentPage": 1,
              "itemsPerPage": 20,
              "server": { "date": "2026-02-27 20:22:33", "httpCode": 200 }
            }
            """;

    private static String error(String message, int httpCode) {
        return "{\"message\": \"" + message + "\", \"server\": " + SERVER.formatted(httpCode) + "}";
    }

    private static String yaml() throws IOException {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(OpenApiContract.RESOURCE)) {
            assertThat(in).as(OpenApiContract.RESOURCE).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Nested
    class TheDocument {

        @Test
        void isOpenApi31WithTheServerTheKeyHeaderAndTheSixDocumentedOperations() {
            JsonNode doc = CONTRACT.document();

            assertThat(doc.path("openapi").asText()).startsWith("3.1.");
            assertThat(doc.at("/servers/0/url").asText()).isEqualTo("https://api.nekorekten.com");
            assertThat(doc.at("/components/securitySchemes/ApiKey/in").asText()).isEqualTo("header");
            assertThat(doc.at("/components/securitySchemes/ApiKey/name").asText()).isEqualTo("Api-Key");
            assertThat(CONTRACT.pathTemplates())
                    .containsExactly(SEARCH, REPORT, "/api/v1/files", "/api/v1/cities");
            List<String> operations = new ArrayList<>();
            for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
                for (Map.Entry<String, JsonNode> member : path.getValue().properties()) {
                    if (member.getValue().has("operationId")) {
                        operations.add(member.getKey().toUpperCase() + " " + path.getKey());
                    }
                }
            }
            assertThat(operations).containsExactlyInAnyOrder("GET " + SEARCH, "POST " + SEARCH, "PATCH " + REPORT,
                    "DELETE " + REPORT, "POST /api/v1/files", "GET /api/v1/cities");
        }

        @Test
        void theSearchTakesTheFourFiltersTheModeAndAnAssumedPage() {
            JsonNode parameters = CONTRACT.document().at("/components/parameters");

            assertThat(parameters.at("/SearchMode/schema/enum").toString()).isEqualTo("[\"all\",\"one-of\"]");
            assertThat(parameters.at("/Page/x-evidence").asText()).isEqualTo("assumed");
            List<String> names = new ArrayList<>();
            parameters.forEach(p -> names.add(p.path("name").asText()));
            assertThat(names).contains("phone", "email", "name", "siteUrl", "searchMode", "page", "reportId");
        }

        @Test
        void everyOperationParameterSchemaAndResponseSaysWhereItComesFrom() {
            EvidenceAudit audit = EvidenceAudit.of(CONTRACT.document());

            assertThat(audit.findings()).isEmpty();
            assertThat(audit.checked()).isGreaterThan(100);
        }

        @Test
        void theEvidenceAuditFindsAMissingOrUnknownMarker() throws IOException {
            ObjectNode doc = (ObjectNode) new YAMLMapper().readTree(yaml());
            ((ObjectNode) doc.at("/components/schemas/Report/properties/views")).remove("x-evidence");
            ((ObjectNode) doc.at("/paths/~1api~1v1~1cities/get")).put("x-evidence", "rumoured");

            assertThat(EvidenceAudit.of(doc).findings()).containsExactlyInAnyOrder(
                    "/components/schemas/Report/properties/views: no x-evidence",
                    "/paths/~1api~1v1~1cities/get: x-evidence is \"rumoured\", not one of " + EvidenceAudit.LEVELS);
        }

        @Test
        void aMisspeltSchemaKeywordBreaksTheContractInsteadOfSilentlyAssertingNothing() throws IOException {
            OpenApiContract misspelt = OpenApiContract.parse(yaml().replace(
                    "      required: [message, items, count, currentPage, itemsPerPage, server]",
                    "      requried: [message, items, count, currentPage, itemsPerPage, server]"));

            assertThatThrownBy(() -> misspelt.validateResponse("GET", SEARCH, 200, "{}"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("requried");
        }

        @Test
        void aDocumentThatIsNotOpenApi31IsRefused() {
            assertThatThrownBy(() -> OpenApiContract.parse("openapi: 3.0.3\npaths: {}\n"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3.0.3");
            assertThatThrownBy(() -> OpenApiContract.parse("- a list\n"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class SearchAnswers {

        @Test
        void theLivePayloadOfTheReferenceKeepsTheContract() {
            assertThat(CONTRACT.validateResponse("GET", SEARCH, 200, LIVE_PAYLOAD)).isEmpty();
        }

        @Test
        void aGuessedShapeWithReportsInsteadOfItemsIsRefused() {
            String guessed = LIVE_PAYLOAD.replace("\"items\":", "\"reports\":");

            assertThat(CONTRACT.validateResponse("GET", SEARCH, 200, guessed))
                    .contains(new ContractViolation("$", "required property 'items' not found"));
        }

        @Test
        void aBareArrayOfReportsIsRefused() {
            String items = LIVE_PAYLOAD.substring(LIVE_PAYLOAD.indexOf('['), LIVE_PAYLOAD.lastIndexOf(']') + 1);

            assertThat(CONTRACT.validateResponse("GET", SEARCH, 200, items)).isNotEmpty();
        }

        @Test
        void createdAtInsteadOfCreateDateIsRefused() {
            String guessed = LIVE_PAYLOAD.replace("\"createDate\":", "\"createdAt\":");

            assertThat(CONTRACT.validateResponse("GET", SEARCH, 200, guessed))
                    .contains(new ContractViolation("$.items[0]", "required property 'createDate' not found"));
        }

        @Test
        void aPhoneWithoutThePlusOrADateWithoutAnOffsetIsRefused() {
            String local = LIVE_PAYLOAD.replace("\"+359888123456\"", "\"0888123456\"")
                    .replace("2025-01-11T21:22:21+00:00", "2025-01-11 21:22:21");

            assertThat(CONTRACT.validateResponse("GET", SEARCH, 200, local)).extracting(ContractViolation::location)
                    .containsExactlyInAnyOrder("$.items[0].phone", "$.items[0].createDate");
        }

        @Test
        void fieldsTheServiceMayAddAreAllowed() {
            String more = LIVE_PAYLOAD.replace("\"views\": 16,", "\"views\": 16, \"score\": 3.5, \"tags\": [\"cod\"],");

            assertThat(CONTRACT.validateResponse("GET", SEARCH, 200, more)).isEmpty();
        }

        @Test
        void anErrorInsideA200IsStillTheSearchEnvelope() {
            String failed = "{\"message\": \"Възникна грешка.\", \"items\": [], \"count\": 0, \"currentPage\": 1,"
                    + " \"itemsPerPage\": 20, \"server\": " + SERVER.formatted(500) + "}";

            assertThat(CONTRACT.validateResponse("GET", SEARCH, 200, failed)).isEmpty();
        }
    }

    @Nested
    class OtherAnswers {

        @ParameterizedTest
        @ValueSource(ints = {400, 401, 403, 422, 429, 500, 502, 503})
        void everyRefusalOfASearchIsTheErrorEnvelope(int status) {
            assertThat(CONTRACT.validateResponse("GET", SEARCH, status, error("Refused.", status))).isEmpty();
            assertThat(CONTRACT.validateResponse("GET", SEARCH, status, "{\"error\": \"Refused.\"}"))
                    .contains(new ContractViolation("$", "required property 'message' not found"));
        }

        @Test
        void fieldErrorsAreAnObjectOfTextsOrListsOfTexts() {
            String fields = "{\"message\": \"Невалидни данни.\", \"errors\": {\"phone\": \"Невалиден.\","
                    + " \"text\": [\"Задължително.\"]}, \"server\": " + SERVER.formatted(422) + "}";
            String list = fields.replace("{\"phone\"", "[{\"phone\"").replace("]},", "]}],");

            assertThat(CONTRACT.validateResponse("POST", SEARCH, 422, fields)).isEmpty();
            assertThat(CONTRACT.validateResponse("POST", SEARCH, 422, list)).extracting(ContractViolation::location)
                    .containsExactly("$.errors");
        }

        @Test
        void aCreateAnswersAMessageAndPerhapsTheNewId() {
            String plain = "{\"message\": \"Сигналът е подаден.\", \"server\": " + SERVER.formatted(200) + "}";
            String withId = plain.replace("{\"message\"", "{\"id\": \"0obgyGbp1Ms\", \"message\"");
            String wrapped = plain.replace("{\"message\"", "{\"data\": {\"id\": \"0obgyGbp1Ms\"}, \"message\"");

            assertThat(CONTRACT.validateResponse("POST", SEARCH, 200, plain)).isEmpty();
            assertThat(CONTRACT.validateResponse("POST", SEARCH, 200, withId)).isEmpty();
            assertThat(CONTRACT.validateResponse("POST", SEARCH, 200, wrapped)).isEmpty();
            assertThat(CONTRACT.validateResponse("POST", SEARCH, 200, plain.replace("{\"message\"", "{\"id\": \"a b\", \"message\"")))
                    .extracting(ContractViolation::location).containsExactly("$.id");
        }

        @Test
        void anUploadAnswersAtLeastOneIdBareOrWrapped() {
            assertThat(CONTRACT.validateResponse("POST", "/api/v1/files", 200, "[\"f1\", \"f2\"]")).isEmpty();
            assertThat(CONTRACT.validateResponse("POST", "/api/v1/files", 200, "{\"files\": [{\"id\": 7}]}")).isEmpty();
            assertThat(CONTRACT.validateResponse("POST", "/api/v1/files", 200, "{\"message\": null, \"files\": []}"))
                    .isNotEmpty();
            assertThat(CONTRACT.validateResponse("POST", "/api/v1/files", 200, "{\"message\": \"ok\"}")).isNotEmpty();
        }

        @Test
        void citiesAreIdsWithNamesBareOrWrapped() {
            assertThat(CONTRACT.validateResponse("GET", "/api/v1/cities", 200, "[{\"id\": 1, \"name\": \"София\"}]"))
                    .isEmpty();
            assertThat(CONTRACT.validateResponse("GET", "/api/v1/cities", 200,
                    "{\"items\": [{\"id\": 1, \"name\": \"София\"}], \"server\": " + SERVER.formatted(200) + "}")).isEmpty();
            assertThat(CONTRACT.validateResponse("GET", "/api/v1/cities", 200, "[{\"id\": \"1\", \"title\": \"София\"}]"))
                    .isNotEmpty();
        }

        @Test
        void anEditOrADeleteAnswersTheMessageEnvelopeAndAnUnknownIdIs404() {
            String done = "{\"message\": \"Готово.\", \"server\": " + SERVER.formatted(200) + "}";

            assertThat(CONTRACT.validateResponse("PATCH", REPORT, 200, done)).isEmpty();
            assertThat(CONTRACT.validateResponse("delete", REPORT, 200, done)).isEmpty();
            assertThat(CONTRACT.validateResponse("DELETE", REPORT, 404, error("Няма го.", 404))).isEmpty();
        }
    }

    @Nested
    class WhatIsNotAContractAnswer {

        @Test
        void aStatusTheOperationDoesNotDocument() {
            assertThat(CONTRACT.validateResponse("GET", "/api/v1/cities", 404, error("Няма.", 404)))
                    .containsExactly(new ContractViolation("$",
                            "HTTP 404 is not an answer the contract documents for GET /api/v1/cities"));
            assertThat(CONTRACT.documentsStatus("GET", "/api/v1/cities", 503)).isTrue();
            assertThat(CONTRACT.documentsStatus("GET", "/api/v1/cities", 405)).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "<!DOCTYPE html><html><body>502 Bad Gateway</body></html>",
                "{\"message\":null,\"items\":[{\"id\":\"6PpAbCdEfG\",\"phone\":\"+3598",
                "{\"message\": \"a\", \"server\": {\"date\": \"2026-02-27 20:22:33\", \"httpCode\": 401}} trailing",
                "{\"message\": \"a\", \"message\": \"b\", \"server\": {\"date\": \"2026-02-27 20:22:33\", \"httpCode\": 401}}"})
        void aBodyThatIsNotOneStrictJsonDocument(String body) {
            assertThat(CONTRACT.validateResponse("GET", SEARCH, 401, body)).singleElement()
                    .satisfies(v -> assertThat(v.location()).isEqualTo("$"))
                    .satisfies(v -> assertThat(v.message()).startsWith("the body is"));
        }

        @Test
        void nestingDeeperThanTheReaderAllows() {
            String deep = "[".repeat(5_000) + "]".repeat(5_000);

            assertThat(CONTRACT.validateResponse("GET", "/api/v1/cities", 200, deep)).singleElement()
                    .satisfies(v -> assertThat(v.message()).startsWith("the body is not JSON"));
        }

        @Test
        void anOperationTheContractDoesNotHaveIsAMistakeOfTheCaller() {
            assertThatThrownBy(() -> CONTRACT.validateResponse("PUT", SEARCH, 200, "{}"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PUT /api/v1/reports");
            assertThatThrownBy(() -> CONTRACT.validateResponse("GET", "/api/v2/reports", 200, "{}"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Requests {

        @Test
        void aDraftNeedsTextAndOneIdentifyingField() {
            assertThat(CONTRACT.validateRequestBody("POST", SEARCH,
                    "{\"text\": \"Не потърси пратката.\", \"phone\": \"359888123456\", \"cityID\": 1}")).isEmpty();
            assertThat(CONTRACT.validateRequestBody("POST", SEARCH,
                    "{\"text\": \"Не потърси пратката.\", \"facebookUrl\": \"https://facebook.com/x\"}")).isEmpty();
            assertThat(CONTRACT.validateRequestBody("POST", SEARCH, "{\"text\": \"Не потърси пратката.\"}"))
                    .isNotEmpty();
        }

        @Test
        void theDocsOwnExampleLacksTheTextTheSamePageRequires() {
            String docsExample = "{ \"firstName\": \"Иван\", \"lastName\": \"Иванов\", \"phone\": \"35988888888\" }";

            assertThat(CONTRACT.validateRequestBody("POST", SEARCH, docsExample))
                    .contains(new ContractViolation("$", "required property 'text' not found"));
        }

        @Test
        void aPhoneIsSentAsDigitsWithTheCountryCode() {
            assertThat(CONTRACT.validateRequestBody("PATCH", REPORT, "{\"phone\": \"+359 888 123 456\"}"))
                    .extracting(ContractViolation::location).containsExactly("$.phone");
        }

        @Test
        void anEditChangesSomethingAndADeleteTakesNoBody() {
            assertThat(CONTRACT.validateRequestBody("PATCH", REPORT, "{\"text\": \"Уточнение.\"}")).isEmpty();
            assertThat(CONTRACT.validateRequestBody("PATCH", REPORT, "{}")).isNotEmpty();
            assertThat(CONTRACT.validateRequestBody("DELETE", REPORT, "{}")).singleElement()
                    .satisfies(v -> assertThat(v.message()).contains("no JSON request body"));
        }
    }

    @Test
    void concretePathsMapToTheirTemplates() {
        assertThat(CONTRACT.pathTemplateOf("/api/v1/reports")).contains(SEARCH);
        assertThat(CONTRACT.pathTemplateOf("/api/v1/reports/6PpAbCdEfG")).contains(REPORT);
        assertThat(CONTRACT.pathTemplateOf("/api/v1/reports/6PpAbCdEfG/files")).isEmpty();
        assertThat(CONTRACT.pathTemplateOf("/api/v1/cities")).contains("/api/v1/cities");
    }

    @Test
    void loadAnswersOneSharedContract() {
        assertThat(OpenApiContract.load()).isSameAs(CONTRACT);
    }
}
