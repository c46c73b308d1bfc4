package io.nekorekten4j.cli;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The results as JSON Lines ({@code --json}): one compact JSON object a line, so that each row can
 * be written and flushed on its own and an interrupted run leaves whole lines. On the demo fake
 * the first line is {@code {"demo": true, "notice": ...}}; each row is
 * {@code {"line": 2, "input": {...}, "verdict": "FOUND", "reports": 1, "matched": {...},
 * "reportIds": [...], "reason": null}}; the last line is {@code {"summary": {...}}}.
 */
final class JsonLinesResultSink implements ResultSink {

    private final PrintWriter out;
    private final List<String> keys;
    private final boolean demo;
    private final boolean closeOut;

    /**
     * @param out      where the lines go
     * @param header   the input's header: the keys of {@code input} (a repeated name gets {@code #2}, {@code #3}…)
     * @param demo     whether the results come from the demo fake
     * @param closeOut whether {@link #close} closes {@code out} (a file) or only flushes it (stdout)
     */
    JsonLinesResultSink(PrintWriter out, List<String> header, boolean demo, boolean closeOut) {
        this.out = Objects.requireNonNull(out, "out");
        this.keys = uniqueKeys(header);
        this.demo = demo;
        this.closeOut = closeOut;
    }

    private static List<String> uniqueKeys(List<String> header) {
        Map<String, Integer> seen = new HashMap<>();
        return header.stream().map(h -> {
            int n = seen.merge(h, 1, Integer::sum);
            return n == 1 ? h : h + "#" + n;
        }).toList();
    }

    @Override
    public void start() {
        if (demo) {
            line(Json.createObjectBuilder().add("demo", true).add("notice", Demo.NOTICE).build());
        }
    }

    @Override
    public void row(ScreenedRow row) {
        JsonObjectBuilder input = Json.createObjectBuilder();
        for (int i = 0; i < keys.size(); i++) {
            input.add(keys.get(i), i < row.input().size() ? row.input().get(i) : "");
        }
        JsonObjectBuilder matched = Json.createObjectBuilder();
        row.matched().forEach(matched::add);
        JsonArrayBuilder ids = Json.createArrayBuilder();
        row.reportIds().forEach(ids::add);
        JsonObjectBuilder o = Json.createObjectBuilder().add("line", row.line()).add("input", input)
                .add("verdict", row.verdict().name());
        if (row.decided()) {
            o.add("reports", row.reports());
        } else {
            o.addNull("reports"); // nobody answered for this row: a 0 would read as a clean buyer
        }
        o.add("matched", matched).add("reportIds", ids);
        if (row.reason().isEmpty()) {
            o.addNull("reason");
        } else {
            o.add("reason", row.reason());
        }
        line(o.build());
    }

    @Override
    public void copy(List<String> record) {
        throw new UnsupportedOperationException("--resume continues a CSV file, not JSON");
    }

    @Override
    public void end(BatchSummary summary) {
        line(Json.createObjectBuilder().add("summary", summary.json()).build());
    }

    @Override
    public void close() {
        out.flush();
        if (closeOut) {
            out.close();
        }
    }

    private void line(JsonObject object) {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = Json.createWriter(text)) {
            writer.write(object);
        }
        out.print(JsonOutput.terminalSafe(text.toString()));
        out.print('\n');
        out.flush();
    }
}
