package io.nekorekten4j.ports.screening;

import io.nekorekten4j.ports.InvalidApiKeyException;
import io.nekorekten4j.ports.IpNotWhitelistedException;
import io.nekorekten4j.ports.NekorektenException;
import io.nekorekten4j.ports.QuotaExhaustedException;
import io.nekorekten4j.ports.QuotaPlan;
import io.nekorekten4j.ports.RequestOutcome;
import io.nekorekten4j.ports.ReportsPort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Screens buyers before shipping, one request per distinct buyer, written only against
 * {@link ReportsPort}: it serves the HTTP adapter and the in-memory fake alike.
 *
 * <pre>{@code
 * Screening screening = Screening.of(api, QuotaPlan.START);
 * ScreeningResult r = screening.screen(Buyer.builder().phone("0888 123 456").email("ivan@abv.bg").build());
 * switch (r.verdict()) {
 *     case FOUND -> hold(order, r.hits());          // each hit says which fields it matched
 *     case NOT_FOUND -> ship(order);
 *     case NOT_CHECKED -> retryLater(order, r.notCheckedReason().orElseThrow());
 * }
 * }</pre>
 *
 * <h2>One buyer</h2>
 * {@link #screen} sends exactly one search: {@link Buyer#toCriteria()}, every field of the buyer in
 * {@code ONE_OF} mode, page 1 (never one request per field). The verdict is {@link Verdict#FOUND}
 * when the service counts any matching report, {@link Verdict#NOT_FOUND} when the search succeeded
 * with none, and {@link Verdict#NOT_CHECKED} when the search threw any {@link NekorektenException}
 * — the exception is kept in the result, never swallowed, and a failure is never "clean".
 *
 * <h2>Many buyers</h2>
 * {@link #screenAll} screens the buyers one after another on the calling thread, in input order,
 * and answers one result per given buyer, in input order.
 * <ul>
 *   <li><b>Equal buyers are asked once</b> ({@link Buyer#equals}: {@code 0888 123 456} and
 *       {@code +359888123456} are one buyer) and share the answer. Buyers that differ but share a
 *       field (the same phone with two e-mails) are two requests here: answering a subset of an
 *       earlier {@code ONE_OF} search from that search's answer is the job of the HTTP adapter's
 *       result cache, below this class.</li>
 *   <li><b>A failed buyer is {@link Verdict#NOT_CHECKED}</b> with its exception, and the run goes
 *       on. A {@link io.nekorekten4j.ports.RateLimitedException} is such a failure: waiting
 *       through a {@code Retry-After} is the port's business (the HTTP adapter's gate does it),
 *       and a buyer it could not wait for is recorded, not asked again.</li>
 *   <li><b>Some failures end the run</b>: a {@link QuotaExhaustedException} (the daily quota is
 *       spent), an {@link InvalidApiKeyException} or an {@link IpNotWhitelistedException} (the key is
 *       refused). Every further request would fail the same way and spend the per-minute quota, so
 *       none is sent: the buyers not yet asked are {@link Verdict#NOT_CHECKED} with that exception.</li>
 *   <li><b>Progress</b>: the listener is called after each distinct buyer with a
 *       {@link ScreeningProgress}; its {@code requestsSent} counts the searches that reached the
 *       transport — not those whose failure's {@code outcome()} is {@code NOT_SENT} (no quota permit in
 *       time, an open circuit, a connection that never opened), so a batch that outran its permit wait reports what it really spent.</li>
 * </ul>
 *
 * <h2>The ETA</h2>
 * Computed from the {@link QuotaPlan} alone, without a clock. With {@code N} requests a minute, a
 * sliding 60-second window admits the first {@code N} requests of a fresh window at once, then
 * {@code N} more each minute: the {@code k}-th request of a run (from 1) may go
 * {@code ⌊(k−1)/N⌋} minutes after the first. So when a run needs {@code R} requests (its distinct
 * buyers) and has sent {@code s ≥ 1}:
 * <pre>
 *   eta = (⌊(R−1)/N⌋ − ⌊(s−1)/N⌋) minutes
 * </pre>
 * the time until the last request may be sent. Example, {@code N = 10}, {@code R = 25}: 2 minutes
 * after the 1st to the 10th request, 1 minute after the 11th to the 20th, 0 from the 21st on.
 * It assumes that the run's first request opens a fresh window (no other traffic on the key) and
 * that answers take little time beside a window; it leaves out the last answer's own latency.
 * It is {@code 0} once nothing is left to ask (also when a failure ended the run), and
 * <b>empty when the plan has a daily cap below {@code R}</b>: the run cannot finish within one
 * day's quota, and when the cap runs out the adapter's {@code QuotaExhaustedException} ends the run
 * as above. Requests other code spent today are not known here, so a present ETA does not promise
 * that the day's quota lasts.
 *
 * <p>Immutable and thread safe when the port is.
 */
public final class Screening {

    private final ReportsPort port;
    private final QuotaPlan plan;

    private Screening(ReportsPort port, QuotaPlan plan) {
        this.port = port;
        this.plan = plan;
    }

    /** Screening through {@code port}, with ETAs for {@link QuotaPlan#DOCUMENTED_DEFAULT} (10 a minute). */
    public static Screening of(ReportsPort port) {
        return of(port, QuotaPlan.DOCUMENTED_DEFAULT);
    }

    /** Screening through {@code port}, with ETAs computed for the key's {@code plan}. */
    public static Screening of(ReportsPort port, QuotaPlan plan) {
        return new Screening(Objects.requireNonNull(port, "port"), Objects.requireNonNull(plan, "plan"));
    }

    /**
     * Screens one buyer with exactly one search request.
     *
     * @return found or not found, or not checked with the failure when the search threw a
     *         {@link NekorektenException}; never throws one
     * @throws NullPointerException when {@code buyer} is null
     */
    public ScreeningResult screen(Buyer buyer) {
        Objects.requireNonNull(buyer, "buyer");
        try {
            return ScreeningResult.of(buyer, port.search(buyer.toCriteria()));
        } catch (NekorektenException failure) {
            return ScreeningResult.notChecked(buyer, failure);
        }
    }

    /**
     * Screens many buyers: one request per distinct buyer, results in input order. See the class
     * comment for what is shared, what ends the run, and the ETA. Every element is checked before
     * the first request.
     *
     * @param buyers   the buyers; no element may be null
     * @param listener told the progress after each request
     * @return one result per buyer, in the order given
     * @throws NullPointerException when {@code buyers}, an element of it or {@code listener} is null
     */
    public List<ScreeningResult> screenAll(List<Buyer> buyers, ScreeningListener listener) {
        Objects.requireNonNull(buyers, "buyers");
        Objects.requireNonNull(listener, "listener");
        Map<Buyer, Integer> occurrences = new LinkedHashMap<>();
        for (int i = 0; i < buyers.size(); i++) {
            Buyer buyer = Objects.requireNonNull(buyers.get(i), "buyers[" + i + "]");
            occurrences.merge(buyer, 1, Integer::sum);
        }
        List<Buyer> distinct = new ArrayList<>(occurrences.keySet());
        Map<Buyer, ScreeningResult> answers = new HashMap<>();
        int total = buyers.size();
        int done = 0;
        int sent = 0;
        for (int i = 0; i < distinct.size(); i++) {
            Buyer buyer = distinct.get(i);
            ScreeningResult result = screen(buyer);
            if (reachedTheTransport(result)) {
                sent++;
            }
            answers.put(buyer, result);
            done += occurrences.get(buyer);
            int needed = distinct.size();
            Optional<NekorektenException> ending = result.failure().filter(Screening::endsTheRun);
            if (ending.isPresent()) {
                for (Buyer left : distinct.subList(i + 1, distinct.size())) {
                    answers.put(left, ScreeningResult.notChecked(left, ending.get()));
                }
                done = total;
                needed = sent;
            }
            listener.onProgress(new ScreeningProgress(done, total, sent, QuotaEta.after(plan, needed, sent)));
            if (ending.isPresent()) {
                break;
            }
        }
        List<ScreeningResult> results = new ArrayList<>(total);
        for (Buyer buyer : buyers) {
            ScreeningResult shared = answers.get(buyer);
            results.add(shared.buyer() == buyer ? shared : shared.forBuyer(buyer));
        }
        return results;
    }

    /**
     * Whether the buyer's search went out: it answered, or failed with an outcome other than
     * {@link RequestOutcome#NOT_SENT} — a search refused by the local quota gate, an open circuit
     * or a connection that never opened did not reach the service and is not counted.
     */
    private static boolean reachedTheTransport(ScreeningResult result) {
        return result.failure().map(f -> f.outcome() != RequestOutcome.NOT_SENT).orElse(true);
    }

    /** Whether every further request would fail the same way: the quota is spent or the key refused. */
    private static boolean endsTheRun(NekorektenException failure) {
        return failure instanceof QuotaExhaustedException || failure instanceof InvalidApiKeyException
                || failure instanceof IpNotWhitelistedException;
    }

    /** The plan the ETA is computed for. */
    @Override
    public String toString() {
        return "Screening[plan=" + plan.name() + ", " + plan.perMinute() + "/min"
                + (plan.perDay().isPresent() ? ", " + plan.perDay().getAsInt() + "/day" : "") + "]";
    }
}
