package io.nekorekten4j.spring.boot.autoconfigure;

import io.nekorekten4j.http.CallEnd;
import io.nekorekten4j.http.CallListener;
import io.nekorekten4j.http.CallOutcome;
import io.nekorekten4j.http.CallStart;
import io.nekorekten4j.http.NekorektenListener;
import io.nekorekten4j.ports.ErrorCode;
import io.nekorekten4j.ports.IpNotWhitelistedException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Remembers what the client's own calls showed, for the health indicator: the last outcomes, and
 * when the service last refused the key or the caller's IP address (with the address it named) —
 * unless a call has succeeded since. It sends nothing and spends no quota. Thread safe.
 */
public class NekorektenHealthRecorder implements NekorektenListener {

    /** How many recent outcomes are kept. */
    public static final int KEPT_OUTCOMES = 10;

    private final Deque<Outcome> recent = new ArrayDeque<>();
    private Instant lastSuccess;
    private Instant keyRefused;
    private Instant ipRefused;
    private String refusedIp;

    /** One finished call, without anything personal: operation, outcome, code, status class, when. */
    public record Outcome(String operation, String outcome, Optional<String> errorCode, String statusClass,
                          Instant at) {
    }

    /** What the recorder knows, at one instant. */
    public record Snapshot(List<Outcome> recent, Optional<Instant> lastSuccess, Optional<Instant> keyRefusedAt,
                           Optional<Instant> ipRefusedAt, Optional<String> refusedIp) {
    }

    /** Records the end of every call. */
    @Override
    public CallListener callStarted(CallStart call) {
        return new CallListener() {
            @Override
            public void callEnded(CallEnd end) {
                record(end);
            }
        };
    }

    /** What the recorder knows now. */
    public synchronized Snapshot snapshot() {
        return new Snapshot(List.copyOf(new ArrayList<>(recent)), Optional.ofNullable(lastSuccess),
                Optional.ofNullable(keyRefused), Optional.ofNullable(ipRefused), Optional.ofNullable(refusedIp));
    }

    private synchronized void record(CallEnd end) {
        recent.addFirst(new Outcome(end.operation().tagValue(), end.outcome().tagValue(),
                end.errorCode().map(Enum::name), end.statusClass(), end.endedAt()));
        while (recent.size() > KEPT_OUTCOMES) {
            recent.removeLast();
        }
        if (end.outcome() == CallOutcome.SUCCESS && end.attempts() > 0) {
            // The service accepted the key from this address: earlier refusals are over.
            lastSuccess = end.endedAt();
            keyRefused = null;
            ipRefused = null;
            refusedIp = null;
        }
        ErrorCode code = end.errorCode().orElse(null);
        if (code == ErrorCode.INVALID_API_KEY) {
            keyRefused = end.endedAt();
        } else if (code == ErrorCode.IP_NOT_WHITELISTED) {
            ipRefused = end.endedAt();
            refusedIp = end.failure().filter(IpNotWhitelistedException.class::isInstance)
                    .flatMap(f -> ((IpNotWhitelistedException) f).ipAddress()).orElse(null);
        }
    }
}
