package io.nekorekten4j.http;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Caps the exchanges under way at once, in all and per route (scheme, host and port), for a wire
 * that has no connection limit of its own ({@code java.net.http}). An exchange holds one
 * connection, so no more connections than that are ever in use: a call over the cap waits for a
 * free slot until its deadline, as a call of the Apache transport waits for a pool lease.
 *
 * <p>Thread safe. {@link #close()} wakes every waiter, which then fails as not sent.
 */
final class ConnectionCap {

    private final int maxTotal;
    private final int maxPerRoute;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition freed = lock.newCondition();
    private final Map<String, Integer> inUsePerRoute = new HashMap<>();
    private int inUse;
    private boolean closed;

    /**
     * @param maxTotal    exchanges at once over every route; at least 1
     * @param maxPerRoute exchanges at once to one route; at least 1, at most {@code maxTotal}
     */
    ConnectionCap(int maxTotal, int maxPerRoute) {
        if (maxTotal < 1) {
            throw new IllegalArgumentException("maxTotal must be at least 1, got " + maxTotal);
        }
        if (maxPerRoute < 1 || maxPerRoute > maxTotal) {
            throw new IllegalArgumentException("maxPerRoute must be between 1 and maxTotal (" + maxTotal
                    + "), got " + maxPerRoute);
        }
        this.maxTotal = maxTotal;
        this.maxPerRoute = maxPerRoute;
    }

    /**
     * Waits for a slot to {@code uri}'s route until {@code nanoDeadline}.
     *
     * @return the slot, to be {@link Slot#close() closed} when the exchange has ended
     * @throws TransportIOException   of kind TIMEOUT when no slot came free before the deadline, of kind
     *                              NOT_SENT when the cap was closed meanwhile
     * @throws InterruptedException when interrupted while waiting
     */
    Slot acquire(URI uri, long nanoDeadline) throws TransportIOException, InterruptedException {
        String route = routeOf(uri);
        lock.lockInterruptibly();
        try {
            long nanos = DeadlineWatchdog.remainingNanos(nanoDeadline);
            while (!closed && (inUse >= maxTotal || inUsePerRoute.getOrDefault(route, 0) >= maxPerRoute)) {
                if (nanos <= 0) {
                    throw new TransportIOException(TransportIOException.Kind.TIMEOUT, "the call deadline passed while"
                            + " waiting for one of the " + maxTotal + " connections (" + maxPerRoute
                            + " per host); nothing was sent", null);
                }
                nanos = freed.awaitNanos(nanos);
            }
            if (closed) {
                throw new TransportIOException(TransportIOException.Kind.NOT_SENT,
                        "the transport was closed before the request was sent", null);
            }
            inUse++;
            inUsePerRoute.merge(route, 1, Integer::sum);
            return new Slot(route);
        } finally {
            lock.unlock();
        }
    }

    /** Exchanges under way now, over every route. */
    int inUse() {
        lock.lock();
        try {
            return inUse;
        } finally {
            lock.unlock();
        }
    }

    /** Refuses further slots and wakes every waiter. Idempotent. */
    void close() {
        lock.lock();
        try {
            closed = true;
            freed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void release(String route) {
        lock.lock();
        try {
            inUse--;
            inUsePerRoute.computeIfPresent(route, (r, n) -> n == 1 ? null : n - 1);
            freed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static String routeOf(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + host + ":" + port;
    }

    /** One exchange's hold on the cap; closing it twice releases once. */
    final class Slot implements AutoCloseable {
        private final String route;
        private boolean released;

        private Slot(String route) {
            this.route = route;
        }

        @Override
        public void close() {
            synchronized (this) {
                if (released) {
                    return;
                }
                released = true;
            }
            release(route);
        }
    }
}
