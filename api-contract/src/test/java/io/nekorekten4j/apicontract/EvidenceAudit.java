package io.nekorekten4j.apicontract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the parts of an OpenAPI document that do not say where they come from: every server,
 * security scheme, operation, parameter, request body, response, response header, named schema
 * and property of a named schema must carry {@code x-evidence} with one of the three values.
 */
final class EvidenceAudit {

    static final Set<String> LEVELS = Set.of("documented", "observed", "assumed");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private final List<String> findings = new ArrayList<>();
    private int checked;

    private EvidenceAudit() {
    }

    /** The audit of {@code root}. */
    static EvidenceAudit of(JsonNode root) {
        EvidenceAudit audit = new EvidenceAudit();
        audit.run(root);
        return audit;
    }

    /** Each part without a valid {@code x-evidence}, as {@code pointer: what is wrong}. */
    List<String> findings() {
        return List.copyOf(findings);
    }

    /** How many parts were checked. */
    int checked() {
        return checked;
    }

    private void run(JsonNode root) {
        each(root.path("servers"), (pointer, server) -> check("/servers/" + pointer, server));
        each(root.path("components").path("securitySchemes"),
                (name, scheme) -> check("/components/securitySchemes/" + name, scheme));
        each(root.path("paths"), (path, item) -> {
            String itemPointer = "/paths/" + OpenApiDocument.escape(path);
            parameters(itemPointer, item.path("parameters"));
            each(item, (method, operation) -> {
                if (METHODS.contains(method)) {
                    operation(itemPointer + "/" + method, operation);
                }
            });
        });
        each(root.path("components").path("parameters"), (name, p) -> check("/components/parameters/" + name, p));
        each(root.path("components").path("requestBodies"), (name, b) -> check("/components/requestBodies/" + name, b));
        each(root.path("components").path("responses"), (name, r) -> response("/components/responses/" + name, r));
        each(root.path("components").path("schemas"), (name, s) -> schema("/components/schemas/" + name, s));
    }

    private void operation(String pointer, JsonNode operation) {
        check(pointer, operation);
        parameters(pointer, operation.path("parameters"));
        if (operation.has("requestBody") && !operation.path("requestBody").has("$ref")) {
            check(pointer + "/requestBody", operation.path("requestBody"));
        }
        each(operation.path("responses"), (status, response) -> {
            if (!response.has("$ref")) {
                response(pointer + "/responses/" + status, response);
            }
        });
    }

    private void parameters(String pointer, JsonNode parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            if (!parameters.get(i).has("$ref")) {
                check(pointer + "/parameters/" + i, parameters.get(i));
            }
        }
    }

    private void response(String pointer, JsonNode response) {
        check(pointer, response);
        each(response.path("headers"), (name, header) -> check(pointer + "/headers/" + name, header));
    }

    /** A named schema and, recursively, every property it (or a nested object) declares. */
    private void schema(String pointer, JsonNode schema) {
        check(pointer, schema);
        each(schema.path("properties"), (name, property) -> schema(pointer + "/properties/"
                + OpenApiDocument.escape(name), property));
    }

    private void check(String pointer, JsonNode node) {
        checked++;
        JsonNode evidence = node.get(OpenApiContract.EVIDENCE);
        if (evidence == null) {
            findings.add(pointer + ": no " + OpenApiContract.EVIDENCE);
        } else if (!evidence.isTextual() || !LEVELS.contains(evidence.asText())) {
            findings.add(pointer + ": " + OpenApiContract.EVIDENCE + " is " + evidence + ", not one of " + LEVELS);
        }
    }

    private interface Visitor {
        void visit(String key, JsonNode value);
    }

    /** Visits the members of an object, or the elements of an array keyed by index. */
    private static void each(JsonNode node, Visitor visitor) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                visitor.visit(Integer.toString(i), node.get(i));
            }
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            visitor.visit(field.getKey(), field.getValue());
        }
    }
}
