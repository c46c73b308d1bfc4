package io.nekorekten4j.spring.boot.autoconfigure;

import io.nekorekten4j.http.CircuitState;
import io.nekorekten4j.http.ClientState;
import io.nekorekten4j.http.RemainingQuota;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The client's health from what it already knows — never a request, never quota spent. Independent
 * of Spring Boot's health API, which differs between Boot 3 and 4; the indicators of each line
 * translate it.
 *
 * <ul>
 *   <li>{@link Level#DOWN} only for what needs a human: the service refused the key (401), or the
 *       caller's IP address is not on the key's whitelist (403, with the address it named), and no
 *       call has succeeded since;</li>
 *   <li>{@link Level#DEGRADED} while the circuit is open or half open, the daily budget is spent,
 *       the last call got no usable answer or was refused, or the quota store cannot be reached;</li>
 *   <li>{@link Level#UP} otherwise.</li>
 * </ul>
 */
public final class NekorektenHealth {

    /** The three states of the indicator. */
    public enum Level {
        /** All known is well. */
        UP,
        /** Working, but not fully: calls may fail or wait. */
        DEGRADED,
        /** A human must act: the key or the IP whitelist. */
        DOWN
    }

    private final ClientState client;
    private final NekorektenHealthRecorder recorder;
    private final QuotaStoreProbe store;

    /**
     * @param client   the client's live state
     * @param recorder what its calls showed
     * @param store    where its quota is kept
     */
    public NekorektenHealth(ClientState client, NekorektenHealthRecorder recorder, QuotaStoreProbe store) {
        this.client = Objects.requireNonNull(client, "client");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The level and the details now. */
    public Report check() {
        NekorektenHealthRecorder.Snapshot seen = recorder.snapshot();
        Map<String, Object> details = new LinkedHashMap<>();
        List<String> reasons = new ArrayList<>();
        Level level = Level.UP;

        details.put("baseUri", client.baseUri().toString());
        CircuitState circuit = client.circuitState();
        details.put("circuit", circuit.tagValue());
        if (circuit == CircuitState.OPEN || circuit == CircuitState.HALF_OPEN) {
            level = Level.DEGRADED;
            reasons.add("circuit breaker " + circuit.tagValue());
        }

        client.quota().ifPresent(q -> details.put("quota", quota(q)));
        if (client.quota().map(RemainingQuota::dailyCapSpent).orElse(false)) {
            level = Level.DEGRADED;
            reasons.add("daily budget spent");
        }

        boolean storeUp;
        try {
            storeUp = store.reachable();
        } catch (RuntimeException e) {
            storeUp = false;
            details.put("quotaStoreError", e.getClass().getSimpleName());
        }
        details.put("quotaStore", Map.of("name", store.name(), "reachable", storeUp));
        if (!storeUp) {
            level = Level.DEGRADED;
            reasons.add("quota store " + store.name() + " unreachable");
        }

        if (!seen.recent().isEmpty()) {
            NekorektenHealthRecorder.Outcome last = seen.recent().get(0);
            if (!last.outcome().equals("success")) {
                level = Level.DEGRADED;
                reasons.add("last call: " + last.outcome() + last.errorCode().map(c -> " " + c).orElse(""));
            }
            List<Map<String, Object>> outcomes = new ArrayList<>();
            for (NekorektenHealthRecorder.Outcome o : seen.recent()) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("operation", o.operation());
                one.put("outcome", o.outcome());
                o.errorCode().ifPresent(c -> one.put("errorCode", c));
                one.put("statusClass", o.statusClass());
                one.put("at", o.at().toString());
                outcomes.add(one);
            }
            details.put("lastOutcomes", outcomes);
        }
        seen.lastSuccess().ifPresent(at -> details.put("lastSuccess", at.toString()));

        if (seen.keyRefusedAt().isPresent()) {
            level = Level.DOWN;
            reasons.add("the service refused the API key: check nekorekten.api-key");
            details.put("keyRefusedAt", seen.keyRefusedAt().get().toString());
        }
        if (seen.ipRefusedAt().isPresent()) {
            level = Level.DOWN;
            String ip = seen.refusedIp().orElse("unknown");
            reasons.add("this IP address (" + ip + ") is not on the key's whitelist: add it in the dashboard");
            details.put("ipNotWhitelisted", Map.of("ip", ip, "at", seen.ipRefusedAt().get().toString()));
        }
        if (!reasons.isEmpty()) {
            details.put("reasons", List.copyOf(reasons));
        }
        return new Report(level, details);
    }

    private static Map<String, Object> quota(RemainingQuota q) {
        Map<String, Object> quota = new LinkedHashMap<>();
        quota.put("perMinute", q.perMinute());
        quota.put("leftThisMinute", q.leftThisMinute());
        q.perDay().ifPresent(d -> quota.put("perDay", d));
        q.leftToday().ifPresent(d -> quota.put("leftToday", d));
        quota.put("dailyBudgetSpent", q.dailyCapSpent());
        q.pausedUntil().ifPresent(p -> quota.put("pausedUntil", p.toString()));
        return quota;
    }

    /**
     * A health check's result.
     *
     * @param level   the level
     * @param details what the indicator shows (no personal data, never the key)
     */
    public record Report(Level level, Map<String, Object> details) {
        /** Copies the details. */
        public Report {
            Objects.requireNonNull(level, "level");
            details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(details, "details")));
        }
    }
}
