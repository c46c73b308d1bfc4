package io.nekorekten4j.apicontract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.keyword.DisallowUnknownKeywordFactory;
import com.networknt.schema.keyword.Keyword;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The written contract of the nekorekten.com API — {@code openapi/nekorekten-api.yaml}, OpenAPI
 * 3.1 — as a validator of bodies, for tests: does this answer (or request) have the shape the
 * contract describes for its operation and status?
 *
 * <p>Schemas are checked with networknt's JSON Schema validator in the OpenAPI 3.1 dialect
 * (JSON Schema 2020-12); {@code $ref}s are resolved inside the document, responses' and request
 * bodies' OpenAPI-level references by this class. A status is looked up exactly, then by its range
 * ({@code 5XX}), then as {@code default}. Bodies are read as strict JSON: trailing data, duplicate
 * names and nesting past Jackson's limit are violations, not tolerated.
 *
 * <p>Immutable and thread safe; {@link #load()} answers one shared instance.
 *
 * <pre>{@code
 * List<ContractViolation> violations =
 *         OpenApiContract.load().validateResponse("GET", "/api/v1/reports", 200, body);
 * assertThat(violations).isEmpty();
 * }</pre>
 */
public final class OpenApiContract {

    /** Where the contract lies on the class path. */
    public static final String RESOURCE = "openapi/nekorekten-api.yaml";

    /**
     * The IRI the document is registered under with the validator. Never fetched: the text is
     * handed over, and the {@code .invalid} domain (RFC 2606) cannot resolve anyway.
     */
    private static final String DOCUMENT_IRI = "https://contract.nekorekten4j.invalid/nekorekten-api.yaml";

    /** The extension naming where each part of the contract comes from. */
    static final String EVIDENCE = "x-evidence";
    /** The fields of an OpenAPI 3.1 document's root, none of them a schema keyword. */
    private static final List<String> DOCUMENT_FIELDS = List.of("openapi", "jsonSchemaDialect", "info", "servers",
            "paths", "webhooks", "components", "security", "tags", "externalDocs");

    /** The contract of the class path, read on first use. */
    private static volatile OpenApiContract shared;

    private final OpenApiDocument document;
    private final SchemaRegistry registry;
    private final ObjectMapper bodies = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private OpenApiContract(String yaml) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the contract is not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the contract is not a YAML mapping");
        }
        this.document = new OpenApiDocument(root);
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH).build();
        this.registry = SchemaRegistry.withDialect(dialect(),
                builder -> builder.schemaRegistryConfig(config).schemas(Map.of(DOCUMENT_IRI, yaml)));
    }

    /**
     * The contract from {@link #RESOURCE} on the class path of this class.
     *
     * @throws IllegalStateException when the resource is missing or is not an OpenAPI 3.1 document
     */
    public static OpenApiContract load() {
        OpenApiContract contract = shared;
        if (contract == null) {
            synchronized (OpenApiContract.class) {
                if (shared == null) {
                    shared = readResource();
                }
                contract = shared;
            }
        }
        return contract;
    }

    /**
     * A contract read from {@code yaml}, for checking a variant of the document.
     *
     * @throws IllegalArgumentException when {@code yaml} is not an OpenAPI 3.1 document
     */
    public static OpenApiContract parse(String yaml) {
        return new OpenApiContract(Objects.requireNonNull(yaml, "yaml"));
    }

    /**
     * The violations of {@code jsonBody} as the answer of {@code method pathTemplate} with HTTP
     * {@code status}; empty when it keeps the contract. A status the operation does not document,
     * a status documented without a JSON body, and a body that is not JSON are violations too.
     *
     * @param method       the HTTP method, any case ({@code GET})
     * @param pathTemplate the path as the contract spells it ({@code /api/v1/reports/{reportId}});
     *                     see {@link #pathTemplateOf(String)} for a concrete path
     * @param status       the HTTP status of the answer
     * @param jsonBody     the body as received
     * @throws IllegalArgumentException when the contract has no such operation
     */
    public List<ContractViolation> validateResponse(String method, String pathTemplate, int status, String jsonBody) {
        Objects.requireNonNull(jsonBody, "jsonBody");
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100–599, got " + status);
        }
        String operation = describe(method, pathTemplate);
        if (!documentsStatus(method, pathTemplate, status)) {
            return List.of(new ContractViolation("$", "HTTP " + status + " is not an answer the contract documents for "
                    + operation));
        }
        Optional<String> pointer = document.responseSchemaPointer(method, pathTemplate, status);
        if (pointer.isEmpty()) {
            return List.of(new ContractViolation("$", "the contract documents no JSON body for HTTP " + status + " of "
                    + operation));
        }
        return validate(pointer.get(), jsonBody);
    }

    /**
     * The violations of {@code jsonBody} as the JSON request body of {@code method pathTemplate};
     * empty when it keeps the contract. An operation without a JSON request body makes every body
     * a violation.
     *
     * @throws IllegalArgumentException when the contract has no such operation
     */
    public List<ContractViolation> validateRequestBody(String method, String pathTemplate, String jsonBody) {
        Objects.requireNonNull(jsonBody, "jsonBody");
        Optional<String> pointer = document.requestSchemaPointer(method, pathTemplate);
        if (pointer.isEmpty()) {
            return List.of(new ContractViolation("$", "the contract documents no JSON request body for "
                    + describe(method, pathTemplate)));
        }
        return validate(pointer.get(), jsonBody);
    }

    /**
     * Whether the contract documents HTTP {@code status} (exactly, by range or as {@code default})
     * for {@code method pathTemplate}.
     *
     * @throws IllegalArgumentException when the contract has no such operation
     */
    public boolean documentsStatus(String method, String pathTemplate, int status) {
        JsonNode responses = document.root().at(document.operationPointer(method, pathTemplate) + "/responses");
        String code = Integer.toString(status);
        return responses.has(code) || responses.has(code.charAt(0) + "XX") || responses.has("default");
    }

    /**
     * The path template of the contract that concrete {@code path} (without query) belongs to,
     * e.g. {@code /api/v1/reports/{reportId}} for {@code /api/v1/reports/6PpAbCdEfG}.
     */
    public Optional<String> pathTemplateOf(String path) {
        return document.templateOf(Objects.requireNonNull(path, "path"));
    }

    /** Every path template of the contract, in document order. */
    public List<String> pathTemplates() {
        return document.pathTemplates();
    }

    /** The parsed document, for checks of the contract itself. */
    JsonNode document() {
        return document.root();
    }

    private List<ContractViolation> validate(String schemaPointer, String body) {
        JsonNode instance;
        try {
            instance = bodies.readTree(body);
        } catch (JsonProcessingException e) {
            // The original message only: Jackson leaves the source out of locations by default,
            // and a body may carry personal data.
            return List.of(new ContractViolation("$", "the body is not JSON: " + e.getOriginalMessage()));
        }
        if (instance == null || instance.isMissingNode()) {
            return List.of(new ContractViolation("$", "the body is empty"));
        }
        List<Error> errors;
        try {
            errors = schemas.computeIfAbsent(schemaPointer, p -> registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + p)))
                    .validate(instance);
        } catch (SchemaException e) {
            throw new IllegalStateException("the contract's schema at " + schemaPointer + " is broken: " + e.getMessage(), e);
        }
        return errors.stream()
                .map(e -> new ContractViolation(e.getInstanceLocation().toString(), e.getMessage()))
                .toList();
    }

    /**
     * The OpenAPI 3.1 dialect, strict: a keyword it does not know is an error when a schema is
     * compiled, so a misspelt {@code requried} cannot silently stop asserting. Known beyond the
     * dialect are {@code x-evidence} (an annotation) and the fields of the OpenAPI document itself,
     * whose root the validator reads as a schema resource.
     */
    private static Dialect dialect() {
        List<Keyword> extra = new ArrayList<>();
        extra.add(new AnnotationKeyword(EVIDENCE));
        for (String field : DOCUMENT_FIELDS) {
            extra.add(new NonValidationKeyword(field));
        }
        return Dialect.builder(Dialects.getOpenApi31()).keywords(extra)
                .unknownKeywordFactory(DisallowUnknownKeywordFactory.getInstance()).build();
    }

    private static String describe(String method, String pathTemplate) {
        return Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT) + " "
                + Objects.requireNonNull(pathTemplate, "pathTemplate");
    }

    private static OpenApiContract readResource() {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + RESOURCE + " on the class path");
            }
            return new OpenApiContract(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(RESOURCE + " is not a usable contract: " + e.getMessage(), e);
        }
    }
}
