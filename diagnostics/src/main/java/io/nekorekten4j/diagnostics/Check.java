package io.nekorekten4j.diagnostics;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a {@link DiagnosticsReport}.
 *
 * @param id      a stable, machine-readable name: {@code dns}, {@code tcp}, {@code tls}, {@code http},
 *                {@code key}, {@code ip-whitelist}, {@code contract.cities}, {@code contract.search},
 *                {@code quota}
 * @param status  the verdict
 * @param summary what was found, in one line
 * @param fix     what to do about it, when there is something to do
 * @param drifts  for contract checks, every difference found
 */
public record Check(String id, Status status, String summary, Optional<String> fix, List<Drift> drifts) {

    /** Copies the list and checks every part. */
    public Check {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(fix, "fix");
        drifts = List.copyOf(Objects.requireNonNull(drifts, "drifts"));
    }

    static Check ok(String id, String summary) {
        return new Check(id, Status.OK, summary, Optional.empty(), List.of());
    }

    static Check warning(String id, String summary, String fix) {
        return new Check(id, Status.WARNING, summary, Optional.of(fix), List.of());
    }

    static Check failure(String id, String summary, String fix) {
        return new Check(id, Status.FAILURE, summary, Optional.of(fix), List.of());
    }

    static Check skipped(String id, String why) {
        return new Check(id, Status.SKIPPED, why, Optional.empty(), List.of());
    }
}
