package io.nekorekten4j.ports.screening;

import io.nekorekten4j.domain.SearchHit;
import io.nekorekten4j.domain.SearchResult;
import io.nekorekten4j.ports.NekorektenException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The outcome of screening one buyer: the verdict, the reports found, and — when the buyer could
 * not be checked — the failure itself, never swallowed.
 *
 * <p>{@link #hits()} is the first page of the answer (up to 20 reports, newest first), each with
 * the buyer's fields it matched ({@link SearchHit#matchedBy()}: certain for phones, "compatible
 * with the mask" for masked e-mails and names), as the adapter attributed them. {@link #totalCount()}
 * is how many reports match in all, when the service said so unambiguously (see
 * {@link SearchResult}); when it did not, a full first page may be followed by more, and
 * {@link #minimumCount()} is what is certain. There is no score: the reports and what they matched
 * are the evidence, and the merchant judges.
 *
 * @param buyer      the buyer screened
 * @param verdict    found, not found or not checked
 * @param hits       the first page of matching reports; empty unless {@link Verdict#FOUND}
 * @param totalCount how many reports match in all, when known; never below {@code hits.size()}
 * @param failure    why the buyer could not be checked; present exactly when {@link Verdict#NOT_CHECKED}
 */
public record ScreeningResult(Buyer buyer, Verdict verdict, List<SearchHit> hits, OptionalLong totalCount,
                              Optional<NekorektenException> failure) {

    /** Checks that the parts agree with the verdict. */
    public ScreeningResult {
        Objects.requireNonNull(buyer, "buyer");
        Objects.requireNonNull(verdict, "verdict");
        hits = List.copyOf(Objects.requireNonNull(hits, "hits"));
        Objects.requireNonNull(failure, "failure");
        if (failure.isPresent() != (verdict == Verdict.NOT_CHECKED)) {
            throw new IllegalArgumentException("a failure must be present exactly when the verdict is NOT_CHECKED, got "
                    + verdict + (failure.isPresent() ? " with" : " without") + " a failure");
        }
        Objects.requireNonNull(totalCount, "totalCount");
        if (totalCount.isPresent() && totalCount.getAsLong() < hits.size()) {
            throw new IllegalArgumentException("totalCount " + totalCount.getAsLong() + " is below the " + hits.size()
                    + " hits given");
        }
        boolean found = !hits.isEmpty() || totalCount.orElse(0) > 0;
        if ((verdict == Verdict.FOUND) != found) {
            throw new IllegalArgumentException("the verdict is FOUND exactly when there are hits or a totalCount above 0, got "
                    + verdict + " with " + hits.size() + " hits and totalCount " + describe(totalCount));
        }
    }

    /**
     * A result whose total is known.
     *
     * @param totalCount how many reports match in all, at least {@code hits.size()}
     */
    public ScreeningResult(Buyer buyer, Verdict verdict, List<SearchHit> hits, long totalCount,
                           Optional<NekorektenException> failure) {
        this(buyer, verdict, hits, OptionalLong.of(totalCount), failure);
    }

    /** How many reports match at least: the total when known, else the hits shown. */
    public long minimumCount() {
        return totalCount.orElse(hits.size());
    }

    /** Whether more reports match than {@link #hits()} holds, or may: the total is unknown or larger. */
    public boolean mayHaveMoreReports() {
        return verdict == Verdict.FOUND && (totalCount.isEmpty() || totalCount.getAsLong() > hits.size());
    }

    /**
     * The result of a search that succeeded: {@link Verdict#NOT_FOUND} when it matched nothing
     * ({@link SearchResult#isEmpty()}), else {@link Verdict#FOUND}.
     */
    public static ScreeningResult of(Buyer buyer, SearchResult result) {
        Objects.requireNonNull(result, "result");
        Verdict verdict = result.isEmpty() ? Verdict.NOT_FOUND : Verdict.FOUND;
        return new ScreeningResult(buyer, verdict, result.hits(), result.totalCount(), Optional.empty());
    }

    /** The result for a buyer whose search failed with {@code failure}: {@link Verdict#NOT_CHECKED}. */
    public static ScreeningResult notChecked(Buyer buyer, NekorektenException failure) {
        Objects.requireNonNull(failure, "failure");
        return new ScreeningResult(buyer, Verdict.NOT_CHECKED, List.of(), OptionalLong.empty(), Optional.of(failure));
    }

    /**
     * Why the buyer could not be checked, as the failure's stable code and its message, e.g.
     * {@code RATE_LIMITED: Too many requests…}; empty unless {@link Verdict#NOT_CHECKED}. The
     * message holds no personal data and no API key (see {@link NekorektenException}).
     */
    public Optional<String> notCheckedReason() {
        return failure.map(e -> e.code() + ": " + e.getMessage());
    }

    /** This result for {@code other}, an equal buyer that shares the answer. */
    ScreeningResult forBuyer(Buyer other) {
        return new ScreeningResult(other, verdict, hits, totalCount, failure);
    }

    /** The buyer (masked), the verdict, the total and, when not checked, the failure's code. */
    @Override
    public String toString() {
        return "ScreeningResult[buyer=" + buyer + ", verdict=" + verdict + ", totalCount=" + describe(totalCount)
                + failure.map(e -> ", failure=" + e.code()).orElse("") + "]";
    }

    private static String describe(OptionalLong count) {
        return count.isPresent() ? Long.toString(count.getAsLong()) : "unknown";
    }
}
