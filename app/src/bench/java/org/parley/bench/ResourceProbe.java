package org.parley.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Measures where CPU went between {@link #start()} and {@link #stop()}: this JVM (in total and per thread
 * group), the Kamailio process tree, the whole machine (so load from other processes shows), and optionally a
 * JFR profile of this JVM. Used once, from one thread: {@link #prepare()}, {@link #start()}, {@link #stop()}.
 */
final class ResourceProbe {

    /** CPU use over one interval; every time in nanoseconds. */
    record Usage(long wallNanos, int cpus, long jvmNanos, long kamailioNanos, long machineNanos,
                 Map<String, Long> jvmThreadGroups, long storageUserNanos, long storageKernelNanos,
                 long gcNanos, long gcCount, long jitNanos,
                 Optional<JfrProfile.Summary> profile) {

        double share(long nanos) {
            return wallNanos == 0 ? 0 : 100.0 * nanos / wallNanos;
        }

        /** Busy CPU of processes other than this JVM and Kamailio (the benchmark's own SIPp counts here). */
        long otherNanos() {
            return Math.max(0, machineNanos - jvmNanos - kamailioNanos);
        }
    }

    /** Linux name prefix of the storage writer threads ("parley-storage-writer", cut to 15 characters). */
    private static final String STORAGE_THREADS = "parley-storage";
    private final long kamailioPid;
    private final JfrProfile jfr;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long wall0;
    private long jvm0;
    private long kamailio0;
    private long machine0;
    private Map<Long, Long> threadCpu0 = Map.of();
    private Map<String, Long> vmThreads0 = Map.of();
    private long[] storage0;
    private long[] gc0;
    private long jit0;

    /** @param kamailioPid 0 if unknown; {@code jfr} null for no profile */
    ResourceProbe(long kamailioPid, JfrProfile jfr) {
        this.kamailioPid = kamailioPid;
        this.jfr = jfr;
    }

    /** Starts the JFR recording (slow: seconds); call well before {@link #start()}. */
    void prepare() {
        if (jfr != null) {
            jfr.start();
        }
    }

    /** Takes the starting readings; JFR samples count from here on. */
    void start() {
        if (jfr != null) {
            jfr.from(Instant.now());
        }
        threadCpu0 = threadCpu();
        vmThreads0 = ProcCpu.jvmInternalThreads();
        storage0 = ProcCpu.userAndKernel(STORAGE_THREADS);
        gc0 = gc();
        jit0 = jit();
        jvm0 = jvmCpu();
        kamailio0 = kamailioPid == 0 ? 0 : ProcCpu.processTreeNanos(kamailioPid);
        machine0 = ProcCpu.machineBusyNanos();
        wall0 = System.nanoTime();
    }

    Usage stop() {
        long wall = System.nanoTime() - wall0;
        long machine = ProcCpu.machineBusyNanos() - machine0;
        long kamailio = kamailioPid == 0 ? 0 : ProcCpu.processTreeNanos(kamailioPid) - kamailio0;
        long jvm = jvmCpu() - jvm0;
        long[] gc = gc();
        long jit = jit() - jit0;
        long[] storage = ProcCpu.userAndKernel(STORAGE_THREADS);
        Map<String, Long> groups = threadGroups(threadCpu0);
        Optional<JfrProfile.Summary> profile = jfr == null ? Optional.empty() : Optional.of(jfr.stop(Instant.now()));
        return new Usage(wall, Runtime.getRuntime().availableProcessors(), jvm, kamailio, machine, groups,
                storage[0] - storage0[0], storage[1] - storage0[1], gc[0] - gc0[0], gc[1] - gc0[1], jit, profile);
    }

    /** {total collection time in ns (as reported, ms resolution), collection count} over all collectors. */
    private static long[] gc() {
        long time = 0;
        long count = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            time += Math.max(0, b.getCollectionTime());
            count += Math.max(0, b.getCollectionCount());
        }
        return new long[] {time * 1_000_000, count};
    }

    /** Wall time the JIT compilers spent, in ns (0 if unsupported). */
    private static long jit() {
        CompilationMXBean c = ManagementFactory.getCompilationMXBean();
        return c != null && c.isCompilationTimeMonitoringSupported() ? c.getTotalCompilationTime() * 1_000_000 : 0;
    }

    private static long jvmCpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private Map<Long, Long> threadCpu() {
        Map<Long, Long> m = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long t = threads.getThreadCpuTime(id);
            if (t >= 0) {
                m.put(id, t);
            }
        }
        return m;
    }

    /**
     * CPU per thread-name group ("parley-core-7" → "parley-core-#"), largest first, plus the JVM's JIT and
     * GC/VM threads from /proc. Threads that ended meanwhile are missing from the groups.
     */
    private Map<String, Long> threadGroups(Map<Long, Long> before) {
        Map<String, Long> groups = new HashMap<>();
        for (Map.Entry<Long, Long> e : threadCpu().entrySet()) {
            ThreadInfo info = threads.getThreadInfo(e.getKey());
            if (info != null) {
                long used = e.getValue() - before.getOrDefault(e.getKey(), 0L);
                groups.merge(groupOf(info.getThreadName()), used, Long::sum);
            }
        }
        ProcCpu.jvmInternalThreads().forEach((kind, nanos) -> groups.put(kind,
                Math.max(0, nanos - vmThreads0.getOrDefault(kind, 0L))));
        Map<String, Long> sorted = new LinkedHashMap<>();
        groups.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    static String groupOf(String threadName) {
        return threadName.replaceAll("\\d+", "#");
    }
}
