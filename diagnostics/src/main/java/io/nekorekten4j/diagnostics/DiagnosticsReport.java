package io.nekorekten4j.diagnostics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Diagnostics#run()} found: one {@link Check} per line, the number of requests sent,
 * and the overall verdict. Renders as text for a person ({@link #toText()}) and JSON for monitoring
 * ({@link #toJson()}). Neither ever contains the API key: any text that might carry it (a message
 * the service sent) is redacted when the report is made.
 */
public final class DiagnosticsReport {

    private static final String REDACTED = "****";

    private final URI baseUri;
    private final List<Check> checks;
    private final int requestsSent;

    DiagnosticsReport(URI baseUri, List<Check> checks, int requestsSent, String apiKey) {
        this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
        this.checks = checks.stream().map(c -> redact(c, apiKey)).toList();
        this.requestsSent = requestsSent;
    }

    /** The service checked. */
    public URI baseUri() {
        return baseUri;
    }

    /** Every check, in the order run. */
    public List<Check> checks() {
        return checks;
    }

    /** The check named {@code id}, if it ran. */
    public Optional<Check> check(String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** How many HTTP requests reached the transport (at most two). */
    public int requestsSent() {
        return requestsSent;
    }

    /**
     * The worst status of any check: {@link Status#FAILURE}, {@link Status#WARNING} or
     * {@link Status#OK}. A skipped check does not count: it is skipped by design (no TLS on a loopback
     * {@code http} URI) or because of another check, which carries the failure.
     */
    public Status overall() {
        return checks.stream().map(Check::status).filter(s -> s != Status.SKIPPED).reduce(Status.OK, Status::worst);
    }

    /** One line per check ({@code OK      dns   …}), each difference of a contract check indented below it, then a summary. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append("nekorekten doctor: ").append(baseUri).append('\n');
        for (Check c : checks) {
            out.append(String.format(Locale.ROOT, "%-8s %-16s %s%n", c.status(), c.id(), c.summary()));
            for (Drift d : c.drifts()) {
                out.append("           - ").append(d).append('\n');
            }
            c.fix().ifPresent(f -> out.append("           fix: ").append(f).append('\n'));
        }
        out.append(String.format(Locale.ROOT, "%s: %d request%s sent%n", overall(), requestsSent,
                requestsSent == 1 ? "" : "s"));
        return out.toString();
    }

    /** The report as one JSON document: {@code {baseUri, overall, requestsSent, checks: [{id, status, summary, fix, drifts: [...]}]}}. */
    public String toJson() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("baseUri", baseUri.toString());
        root.put("overall", overall().name());
        root.put("requestsSent", requestsSent);
        ArrayNode list = root.putArray("checks");
        for (Check c : checks) {
            ObjectNode node = list.addObject();
            node.put("id", c.id());
            node.put("status", c.status().name());
            node.put("summary", c.summary());
            c.fix().ifPresentOrElse(f -> node.put("fix", f), () -> node.putNull("fix"));
            ArrayNode drifts = node.putArray("drifts");
            for (Drift d : c.drifts()) {
                ObjectNode drift = drifts.addObject();
                drift.put("location", d.location());
                drift.put("kind", d.kind().name());
                drift.put("effect", d.effect().name());
                drift.put("severity", d.effect().status().name());
                drift.put("detail", d.detail());
            }
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
    }

    /** {@link #toText()}. */
    @Override
    public String toString() {
        return toText();
    }

    private static Check redact(Check c, String key) {
        return new Check(c.id(), c.status(), redact(c.summary(), key), c.fix().map(f -> redact(f, key)),
                c.drifts().stream().map(d -> new Drift(redact(d.location(), key), d.kind(), d.effect(),
                        redact(d.detail(), key))).toList());
    }

    private static String redact(String text, String key) {
        return key == null || key.isEmpty() ? text : text.replace(key, REDACTED);
    }
}
