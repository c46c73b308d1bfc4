package io.nekorekten4j.http;

import static io.nekorekten4j.http.NekorektenHttpTestSupport.fixture;
import static io.nekorekten4j.http.NekorektenHttpTestSupport.randomKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.nekorekten4j.domain.SearchCriteria;
import io.nekorekten4j.ports.QuotaPlan;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13 item 13: calls from virtual threads never pin their carrier. Hundreds of virtual threads
 * search at once through each transport — waiting for quota permits (the gate, parking for real), for the
 * identical search in flight (single-flight), for one of two connections (the pool / the
 * connection cap) and on socket reads — while JFR records {@code jdk.VirtualThreadPinned} with no
 * threshold; the test fails on any such event, printing its stack.
 *
 * <p>It needs Java 21 or later (virtual threads), so on the build's Java 17 it is skipped; the
 * Maven profile {@code java25-virtual-threads}, active when {@code /usr/lib/jvm/temurin-25-jdk-amd64}
 * exists, runs it on that JDK (Java 25 removed {@code -Djdk.tracePinnedThreads}: JFR is the way).
 * On Java 24 and later a {@code synchronized} block and {@code Object.wait} no longer pin
 * (JEP 491), so this run catches what still does (native frames, class initialisation); the
 * Java 21–23 hazard — a blocking wait inside {@code synchronized} — is kept out by the code itself:
 * every wait in the client (gate, single-flight, connection cap, HttpClient 5's pool) is on a
 * {@code ReentrantLock}, a {@code Condition} or a {@code CompletableFuture}.
 */
@Timeout(120)
class VirtualThreadPinningTest {

    private static final int CALLERS = 200;
    private static final String PINNED = "jdk.VirtualThreadPinned";
    private static final java.util.concurrent.CountDownLatch SLOW_INITIALISATION_STARTED =
            new java.util.concurrent.CountDownLatch(1);

    private HttpServer server;
    private ExecutorService serverThreads;

    @BeforeEach
    void startServer() throws IOException {
        assumeTrue(Runtime.version().feature() >= 21, "virtual threads need Java 21+; this JVM is "
                + Runtime.version() + ". The profile java25-virtual-threads runs this test on "
                + "/usr/lib/jvm/temurin-25-jdk-amd64 when that JDK is installed");
        byte[] body = fixture("search-live.json").getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        serverThreads = Executors.newFixedThreadPool(8);
        server.setExecutor(serverThreads);
        server.createContext("/api/v1/reports", exchange -> {
            try {
                exchange.getRequestBody().readAllBytes();
                // A little latency, so callers block in socket reads and queue for connections.
                sleepQuietly(5);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
            serverThreads.shutdownNow();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"apache", "jdk"})
    void callsFromVirtualThreadsNeverPinTheirCarrier(String kind) throws Exception {
        Transport transport = kind.equals("apache")
                ? ApacheTransport.builder().maxConnections(2).maxConnectionsPerRoute(2).build()
                : JdkTransport.builder().maxConnections(2).maxConnectionsPerRoute(2).build();
        Path jfr = Files.createTempFile("nekorekten4j-pinning-" + kind, ".jfr");
        AtomicInteger onVirtualThreads = new AtomicInteger();
        // 20 a minute for 200 callers: most wait in the gate. Its waits run on virtual time (a minute
        // would be too long for a test) but still park the caller for real, as a real wait does.
        VirtualTime time = VirtualTime.create();
        Sleeper parksForReal = duration -> {
            time.sleep(duration);
            Thread.sleep(1);
        };
        try (NekorektenHttp api = NekorektenHttp.builder()
                .baseUri("http://127.0.0.1:" + server.getAddress().getPort())
                .apiKey(randomKey())
                .transport(transport)
                .quota(QuotaPlan.perMinute(20))
                .clock(time)
                .sleeper(parksForReal)
                // Many callers sleeping at once each move the shared virtual clock on: generous budgets.
                .permitWaitTimeout(Duration.ofDays(3650))
                .callTimeout(Duration.ofDays(3650))
                .build();
             Recording recording = new Recording()) {
            // Cold start: the first calls load and initialise hundreds of classes at once, and class
            // loading and initialisation pin a waiting virtual thread on every JDK (JEP 491 leaves them
            // out). Those pins happen once per class, in the JVM; the recorded run is the steady state.
            runCallers(api, 0, "0888 123 456", new AtomicInteger());
            recording.enable(PINNED).withThreshold(Duration.ZERO).withStackTrace();
            recording.start();
            runCallers(api, CALLERS, "0888 654 321", onVirtualThreads);
            recording.stop();
            recording.dump(jfr);
        }

        List<RecordedEvent> pinned = RecordingFile.readAllEvents(jfr).stream()
                .filter(e -> e.getEventType().getName().equals(PINNED)).toList();
        Files.deleteIfExists(jfr);
        assertThat(onVirtualThreads.get()).as("every call ran on a virtual thread").isEqualTo(CALLERS);
        assertThat(pinned).as("pinned virtual threads:%n%s", describe(pinned)).isEmpty();
    }

    /** The check can fail: a virtual thread waiting for another thread's class initialisation is pinned, and seen. */
    @org.junit.jupiter.api.Test
    void theRecordingSeesAVirtualThreadThatIsPinned() throws Exception {
        Path jfr = Files.createTempFile("nekorekten4j-pinning-sentinel", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable(PINNED).withThreshold(Duration.ZERO).withStackTrace();
            recording.start();
            Thread initialiser = new Thread(SlowInitialisation::touch, "initialiser");
            initialiser.start();
            SLOW_INITIALISATION_STARTED.await();
            ExecutorService virtual = newVirtualThreadPerTaskExecutor();
            try {
                virtual.submit(SlowInitialisation::touch).get(30, TimeUnit.SECONDS);
            } finally {
                virtual.shutdownNow();
            }
            initialiser.join();
            recording.stop();
            recording.dump(jfr);
        }
        List<RecordedEvent> pinned = RecordingFile.readAllEvents(jfr).stream()
                .filter(e -> e.getEventType().getName().equals(PINNED)).toList();
        Files.deleteIfExists(jfr);
        // Java 24+ names the reason; Java 21 shows it in the stack.
        assertThat(pinned).anySatisfy(e -> assertThat((e.hasField("pinnedReason") ? e.getString("pinnedReason") : "")
                + describe(List.of(e))).contains("SlowInitialisation"));
    }

    /** A class whose initialisation takes a while, on the thread that starts it. */
    private static final class SlowInitialisation {
        static {
            SLOW_INITIALISATION_STARTED.countDown();
            sleepQuietly(200);
        }

        static boolean touch() {
            return true;
        }
    }

    /**
     * {@value #CALLERS} virtual threads search at once: one in five the same phone {@code shared}
     * (single-flight, then the cache), the others each their own, numbered from {@code offset}.
     */
    private static void runCallers(NekorektenHttp api, int offset, String shared, AtomicInteger onVirtualThreads)
            throws Exception {
        ExecutorService callers = newVirtualThreadPerTaskExecutor();
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                String phone = i % 5 == 0 ? shared : String.format("0888%06d", offset + i);
                calls.add(callers.submit(() -> {
                    if (isVirtual(Thread.currentThread())) {
                        onVirtualThreads.incrementAndGet();
                    }
                    return api.search(SearchCriteria.builder().phone(phone).build());
                }));
            }
            for (Future<?> call : calls) {
                call.get(90, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    /** {@code Executors.newVirtualThreadPerTaskExecutor()}, Java 21+, called without compiling against it. */
    private static ExecutorService newVirtualThreadPerTaskExecutor() {
        try {
            return (ExecutorService) MethodHandles.publicLookup().findStatic(Executors.class,
                    "newVirtualThreadPerTaskExecutor", MethodType.methodType(ExecutorService.class)).invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("Executors.newVirtualThreadPerTaskExecutor() is Java 21+", e);
        }
    }

    private static boolean isVirtual(Thread thread) {
        try {
            return (boolean) MethodHandles.publicLookup()
                    .findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class)).invoke(thread);
        } catch (Throwable e) {
            throw new IllegalStateException("Thread.isVirtual() is Java 21+", e);
        }
    }

    private static String describe(List<RecordedEvent> events) {
        return events.stream().limit(5).map(e -> e.getDuration() + " pinned at:\n" + (e.getStackTrace() == null ? "?"
                : e.getStackTrace().getFrames().stream().limit(25).map(VirtualThreadPinningTest::frame)
                        .collect(Collectors.joining("\n"))))
                .collect(Collectors.joining("\n\n"));
    }

    private static String frame(RecordedFrame f) {
        return "    " + f.getMethod().getType().getName() + "." + f.getMethod().getName() + ":" + f.getLineNumber();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
