package io.nekorekten4j.diagnostics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.nekorekten4j.apicontract.OpenApiContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The object schemas of {@code openapi/nekorekten-api.yaml} as the doctor compares answers with them:
 * for a schema name, its properties (each with its JSON types and pattern) and which are required.
 * Read from the same class-path resource {@link OpenApiContract} validates with, so the two never
 * disagree about the contract.
 */
final class ContractSchemas {

    private final JsonNode schemas;

    private ContractSchemas(JsonNode schemas) {
        this.schemas = schemas;
    }

    /** Reads the contract from the class path. */
    static ContractSchemas load() {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(OpenApiContract.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the contract " + OpenApiContract.RESOURCE + " is not on the class path");
            }
            JsonNode schemas = new YAMLMapper().readTree(in).path("components").path("schemas");
            if (!schemas.isObject()) {
                throw new IllegalStateException("the contract has no components.schemas");
            }
            return new ContractSchemas(schemas);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the contract " + OpenApiContract.RESOURCE, e);
        }
    }

    /** The object schema {@code name}: its properties in the contract's order. */
    ObjectSchema object(String name) {
        JsonNode schema = schemas.path(name);
        if (!schema.isObject()) {
            throw new IllegalArgumentException("the contract has no schema " + name);
        }
        Map<String, Property> properties = new LinkedHashMap<>();
        schema.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), property(e.getValue())));
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        return new ObjectSchema(name, properties, List.copyOf(required));
    }

    private Property property(JsonNode node) {
        JsonNode resolved = node;
        Optional<String> ref = Optional.empty();
        if (node.has("$ref")) {
            String target = node.get("$ref").asText();
            String refName = target.substring(target.lastIndexOf('/') + 1);
            ref = Optional.of(refName);
            resolved = schemas.path(refName);
        }
        List<String> types = new ArrayList<>();
        JsonNode type = resolved.path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        Optional<Pattern> pattern = resolved.has("pattern")
                ? Optional.of(Pattern.compile(resolved.get("pattern").asText())) : Optional.empty();
        return new Property(List.copyOf(types), pattern, ref);
    }

    /**
     * An object schema.
     *
     * @param name       its name in {@code components.schemas}
     * @param properties its properties by name
     * @param required   the names it requires
     */
    record ObjectSchema(String name, Map<String, Property> properties, List<String> required) {
    }

    /**
     * One property.
     *
     * @param types   its JSON types ({@code string}, {@code null}, …); empty when any
     * @param pattern the pattern a string must match, if any
     * @param ref     the schema it refers to, if it is a reference
     */
    record Property(List<String> types, Optional<Pattern> pattern, Optional<String> ref) {

        /** Whether {@code value}'s JSON type is one of {@link #types()}. */
        boolean accepts(JsonNode value) {
            if (types.isEmpty()) {
                return true;
            }
            return types.contains(typeOf(value)) || (value.isIntegralNumber() && types.contains("number"));
        }

        static String typeOf(JsonNode value) {
            if (value.isNull()) {
                return "null";
            }
            if (value.isTextual()) {
                return "string";
            }
            if (value.isIntegralNumber()) {
                return "integer";
            }
            if (value.isNumber()) {
                return "number";
            }
            if (value.isBoolean()) {
                return "boolean";
            }
            return value.isArray() ? "array" : "object";
        }
    }
}
