package io.nekorekten4j.bench;

import io.nekorekten4j.fake.NekorektenFake;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;

/**
 * Measures the heap the in-memory fake holds per stored report, beside its free text: fills a
 * fake with {@link FakeData} (whose few texts are shared instances, so they cost nothing per
 * report) and divides the growth of the used heap, each time after several full collections, by
 * the number of reports. Not a JMH benchmark: run it on its own.
 *
 * <pre>{@code
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar io.nekorekten4j.bench.HeapPerReport 1000000
 * }</pre>
 */
public final class HeapPerReport {

    private static final int COLLECTIONS = 5;

    private HeapPerReport() {
    }

    /**
     * Runs the measurement and prints the figure.
     *
     * @param args optionally the number of reports (default 1,000,000)
     */
    public static void main(String[] args) throws InterruptedException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        // Load and initialise every class the fill touches, then drop that fake.
        NekorektenFake warm = NekorektenFake.builder().seed(3).build();
        FakeData.fill(warm, 10_000);
        warm = null;

        long before = usedAfterCollections(memory);
        NekorektenFake fake = NekorektenFake.builder().seed(7).build();
        long start = System.nanoTime();
        FakeData.fill(fake, count);
        long fillMillis = (System.nanoTime() - start) / 1_000_000;
        long after = usedAfterCollections(memory);
        int stored = fake.reportCount();

        double perReport = (after - before) / (double) stored;
        System.out.println(String.format(Locale.ROOT, "reports stored:        %,d (filled in %,d ms)", stored,
                fillMillis));
        System.out.println(String.format(Locale.ROOT, "used heap before:      %,d bytes", before));
        System.out.println(String.format(Locale.ROOT, "used heap after:       %,d bytes", after));
        System.out.println(String.format(Locale.ROOT, "heap per report:       %.1f bytes (beside the free text;"
                + " target <= 600)", perReport));
        System.out.println("jvm: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + ", gc: " + ManagementFactory.getGarbageCollectorMXBeans().get(0).getName()
                + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        // Keep the fake reachable until after the last measurement.
        java.lang.ref.Reference.reachabilityFence(fake);
    }

    private static long usedAfterCollections(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < COLLECTIONS; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
