package io.nekorekten4j.cli;

import io.nekorekten4j.ports.NekorektenException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * The counts of a CSV screening so far, and the first failure that left a row NOT_CHECKED. Not
 * thread safe: the run updates it under its lock.
 */
final class BatchSummary {

    private int rows;
    private int requests;
    private int found;
    private int notFound;
    private int notChecked;
    private int invalid;
    private int kept;
    private Optional<NekorektenException> firstFailure = Optional.empty();

    /** Counts a row written. */
    void count(ScreenedRow.RowVerdict verdict) {
        rows++;
        switch (verdict) {
            case FOUND -> found++;
            case NOT_FOUND -> notFound++;
            case NOT_CHECKED -> notChecked++;
            case INVALID -> invalid++;
            default -> throw new IllegalArgumentException("unknown verdict " + verdict);
        }
    }

    /** Counts a row kept from the previous run ({@code --resume}), with its verdict. */
    void countKept(ScreenedRow.RowVerdict verdict) {
        count(verdict);
        kept++;
    }

    /** Counts a request sent. */
    void countRequest() {
        requests++;
    }

    /** Remembers the first failure that left a row not checked. */
    void failed(NekorektenException failure) {
        if (firstFailure.isEmpty()) {
            firstFailure = Optional.of(failure);
        }
    }

    int rows() {
        return rows;
    }

    int requests() {
        return requests;
    }

    int found() {
        return found;
    }

    int notChecked() {
        return notChecked;
    }

    int invalid() {
        return invalid;
    }

    /** The first failure that left a row not checked. */
    Optional<NekorektenException> firstFailure() {
        return firstFailure;
    }

    /** {@code Screened 12 rows with 10 requests: 3 found, 8 not found, 1 not checked, 0 invalid.} */
    String line() {
        return "Screened " + rows + (rows == 1 ? " row" : " rows") + " with " + requests
                + (requests == 1 ? " request" : " requests")
                + (kept > 0 ? " (" + kept + " kept from the previous run)" : "") + ": " + found + " found, "
                + notFound + " not found, " + notChecked + " not checked, " + invalid + " invalid.";
    }

    /** The counts as JSON. */
    JsonObject json() {
        return Json.createObjectBuilder().add("rows", rows).add("requests", requests).add("found", found)
                .add("notFound", notFound).add("notChecked", notChecked).add("invalid", invalid).add("kept", kept)
                .build();
    }

    /**
     * The exit code: a row NOT_CHECKED gives its failure's (never 0); else an INVALID row gives
     * {@link ExitCode#PARTIAL}; else FOUND with {@code failOnMatch} gives {@link ExitCode#FOUND}.
     */
    int exitCode(boolean failOnMatch) {
        if (notChecked > 0) {
            return firstFailure.map(ExitCode::of).orElse(ExitCode.UNAVAILABLE);
        }
        if (invalid > 0) {
            return ExitCode.PARTIAL;
        }
        return failOnMatch && found > 0 ? ExitCode.FOUND : ExitCode.OK;
    }
}
