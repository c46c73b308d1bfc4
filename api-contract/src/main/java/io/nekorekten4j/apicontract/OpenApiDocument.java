package io.nekorekten4j.apicontract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Navigation in the parsed OpenAPI document: operations by method and path template, their
 * responses by status (exact code, then {@code 4XX}-style range, then {@code default}), request
 * bodies, and the JSON pointer of each JSON schema, following the document's own
 * {@code #/components/...} references. Immutable, so thread safe.
 */
final class OpenApiDocument {

    /** How many {@code $ref}s in a row are followed before the document is called cyclic. */
    private static final int MAX_REF_HOPS = 16;
    private static final String JSON = "application/json";

    private final JsonNode root;
    private final List<PathTemplate> templates;

    OpenApiDocument(JsonNode root) {
        this.root = Objects.requireNonNull(root, "root");
        if (!root.path("openapi").asText("").startsWith("3.1")) {
            throw new IllegalArgumentException("not an OpenAPI 3.1 document: openapi is '" + root.path("openapi").asText("") + "'");
        }
        List<PathTemplate> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            found.add(PathTemplate.of(path.getKey()));
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("the document describes no paths");
        }
        this.templates = List.copyOf(found);
    }

    /** The whole document. */
    JsonNode root() {
        return root;
    }

    /** Every path template, in document order. */
    List<String> pathTemplates() {
        return templates.stream().map(PathTemplate::template).toList();
    }

    /** The template that {@code path} (no query) is an instance of, if any. */
    Optional<String> templateOf(String path) {
        return templates.stream().filter(t -> t.matches(path)).map(PathTemplate::template).findFirst();
    }

    /**
     * The JSON pointer of the schema of the JSON answer of {@code method pathTemplate} with
     * {@code status}; empty when the operation documents no such status or no JSON body for it.
     *
     * @throws IllegalArgumentException when the document has no such operation
     */
    Optional<String> responseSchemaPointer(String method, String pathTemplate, int status) {
        String operation = operationPointer(method, pathTemplate);
        JsonNode responses = root.at(operation + "/responses");
        String code = Integer.toString(status);
        for (String key : List.of(code, code.charAt(0) + "XX", "default")) {
            if (responses.has(key)) {
                return jsonSchemaPointer(resolve(operation + "/responses/" + escape(key)));
            }
        }
        return Optional.empty();
    }

    /**
     * The JSON pointer of the schema of the JSON request body of {@code method pathTemplate};
     * empty when the operation takes no JSON body.
     *
     * @throws IllegalArgumentException when the document has no such operation
     */
    Optional<String> requestSchemaPointer(String method, String pathTemplate) {
        String operation = operationPointer(method, pathTemplate);
        if (!root.at(operation).has("requestBody")) {
            return Optional.empty();
        }
        return jsonSchemaPointer(resolve(operation + "/requestBody"));
    }

    /** The pointer of the operation; throws when there is none. */
    String operationPointer(String method, String pathTemplate) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathTemplate, "pathTemplate");
        String pointer = "/paths/" + escape(pathTemplate) + "/" + method.toLowerCase(Locale.ROOT);
        if (!root.at(pointer).isObject()) {
            throw new IllegalArgumentException("the contract has no operation " + method.toUpperCase(Locale.ROOT)
                    + " " + pathTemplate + "; its paths are " + pathTemplates());
        }
        return pointer;
    }

    private Optional<String> jsonSchemaPointer(String objectPointer) {
        String pointer = objectPointer + "/content/" + escape(JSON) + "/schema";
        JsonNode schema = root.at(pointer);
        if (schema.isMissingNode()) {
            return Optional.empty();
        }
        // A schema that is only a reference is validated as its target: the pointer then lies under
        // components/, never under a path such as /api/v1/reports/{reportId} whose braces a URI
        // fragment cannot carry.
        return Optional.of(schema.size() == 1 && schema.has("$ref") ? resolve(pointer) : pointer);
    }

    /**
     * Follows the {@code $ref} of the object at {@code pointer}, if it has one, to the object it
     * names: responses and request bodies are referenced at the OpenAPI level, which the JSON
     * Schema validator does not know about. Schemas' own references are left to the validator.
     */
    String resolve(String pointer) {
        String current = pointer;
        for (int hop = 0; hop < MAX_REF_HOPS; hop++) {
            JsonNode ref = root.at(current).get("$ref");
            if (ref == null) {
                return current;
            }
            String target = ref.asText();
            if (!target.startsWith("#/")) {
                throw new IllegalStateException("only references inside the document are supported, found " + target);
            }
            current = target.substring(1);
            if (root.at(current).isMissingNode()) {
                throw new IllegalStateException("the reference " + target + " names nothing in the document");
            }
        }
        throw new IllegalStateException("more than " + MAX_REF_HOPS + " references in a row from " + pointer);
    }

    /** {@code name} as one JSON pointer segment (RFC 6901: {@code ~} → {@code ~0}, {@code /} → {@code ~1}). */
    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** A path template such as {@code /api/v1/reports/{reportId}}, matched against concrete paths. */
    private record PathTemplate(String template, Pattern pattern) {

        static PathTemplate of(String template) {
            StringBuilder regex = new StringBuilder();
            int at = 0;
            while (at < template.length()) {
                int open = template.indexOf('{', at);
                if (open < 0) {
                    regex.append(Pattern.quote(template.substring(at)));
                    break;
                }
                int close = template.indexOf('}', open);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed parameter in path template " + template);
                }
                if (open > at) {
                    regex.append(Pattern.quote(template.substring(at, open)));
                }
                regex.append("[^/]+");
                at = close + 1;
            }
            return new PathTemplate(template, Pattern.compile(regex.toString()));
        }

        boolean matches(String path) {
            return pattern.matcher(path).matches();
        }
    }
}
