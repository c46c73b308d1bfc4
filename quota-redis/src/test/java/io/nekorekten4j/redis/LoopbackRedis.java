package io.nekorekten4j.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/**
 * A real {@code redis-server} process (the binary shipped inside embedded-redis) on a free loopback
 * port, started and stopped by the test: no mock, no in-JVM imitation. It can be stopped and started
 * again on the same port, empty (no persistence), as a crashed Redis comes back.
 */
final class LoopbackRedis implements AutoCloseable {

    private final int port;
    private RedisServer server;

    private LoopbackRedis(int port) {
        this.port = port;
    }

    /** Starts one on a free port. */
    static LoopbackRedis start() {
        LoopbackRedis redis = new LoopbackRedis(freePort());
        redis.startAgain();
        return redis;
    }

    /** Starts the server (again) on its port. */
    void startAgain() {
        try {
            server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"")
                    .setting("appendonly no").build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start redis-server on 127.0.0.1:" + port, e);
        }
    }

    /** Stops the server process; its data is gone. */
    void stop() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop redis-server on 127.0.0.1:" + port, e);
        }
    }

    int port() {
        return port;
    }

    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** A plain Lettuce connection, for looking at what the store wrote. */
    StatefulRedisConnection<String, String> inspect(RedisClient client) {
        return client.connect(io.lettuce.core.RedisURI.create(uri()));
    }

    @Override
    public void close() {
        if (server != null && server.isActive()) {
            stop();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }
}
