package io.nekorekten4j.http;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Turns a request's absolute deadline into a {@link System#nanoTime()} deadline, and runs a task
 * (cancel the exchange, close the body) when it passes. A per-read timeout is not a deadline: a
 * server dribbling one byte a second never trips it, so the transports arm this watchdog too.
 *
 * <p>One daemon thread serves every transport in the JVM; its tasks only flip flags and close
 * sockets, so they never hold it for long.
 */
final class DeadlineWatchdog {

    /** About 73 years: far enough to mean "no deadline" without overflowing nanoTime arithmetic. */
    private static final long FAR_FUTURE_NANOS = Long.MAX_VALUE / 4;

    private static final ScheduledThreadPoolExecutor SCHEDULER = newScheduler();

    private DeadlineWatchdog() {
    }

    /**
     * The {@link System#nanoTime()} value at which {@code deadline} passes, read against the system
     * clock once, here; later checks compare nano times only, so a wall-clock jump cannot move it.
     */
    static long toNanoDeadline(Instant deadline) {
        Objects.requireNonNull(deadline, "deadline");
        Instant now = Instant.now();
        long remaining;
        if (deadline.isBefore(now)) {
            remaining = 0;
        } else {
            Duration left = Duration.between(now, deadline);
            remaining = left.compareTo(Duration.ofNanos(FAR_FUTURE_NANOS)) > 0 ? FAR_FUTURE_NANOS : left.toNanos();
        }
        return System.nanoTime() + remaining;
    }

    /** Nanoseconds left until {@code nanoDeadline}; zero or less once it passed. */
    static long remainingNanos(long nanoDeadline) {
        return nanoDeadline - System.nanoTime();
    }

    /**
     * The checks every transport makes before it sends: not closed, deadline not yet passed.
     *
     * @return the request's deadline as a {@link System#nanoTime()} value
     * @throws IllegalStateException when the transport is closed
     * @throws TransportIOException    of kind TIMEOUT when the deadline has already passed
     */
    static long startExchange(TransportRequest request, boolean transportClosed) throws TransportIOException {
        if (transportClosed) {
            throw new IllegalStateException("this transport is closed");
        }
        long nanoDeadline = toNanoDeadline(request.deadline());
        if (passed(nanoDeadline)) {
            throw new TransportIOException(TransportIOException.Kind.TIMEOUT,
                    "the call deadline passed before the request was sent", null);
        }
        return nanoDeadline;
    }

    /** Whether {@code nanoDeadline} has passed. */
    static boolean passed(long nanoDeadline) {
        return remainingNanos(nanoDeadline) <= 0;
    }

    /**
     * Runs {@code task} once {@code nanoDeadline} passes, unless the returned handle is cancelled
     * first.
     */
    static Future<?> at(long nanoDeadline, Runnable task) {
        Objects.requireNonNull(task, "task");
        return SCHEDULER.schedule(task, Math.max(0, remainingNanos(nanoDeadline)), TimeUnit.NANOSECONDS);
    }

    /** Runs {@code task} every {@code period} until the returned handle is cancelled. */
    static Future<?> every(Duration period, Runnable task) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(task, "task");
        long nanos = Math.max(1, period.toNanos());
        return SCHEDULER.scheduleAtFixedRate(task, nanos, nanos, TimeUnit.NANOSECONDS);
    }

    private static ScheduledThreadPoolExecutor newScheduler() {
        ThreadFactory daemons = runnable -> {
            Thread thread = new Thread(runnable, "nekorekten4j-deadline-watchdog");
            thread.setDaemon(true);
            return thread;
        };
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, daemons);
        // Most watches are cancelled long before they fire: drop them at once rather than keep
        // thousands of dead tasks queued until their time comes.
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }
}
