package org.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of processes and of the whole machine from Linux {@code /proc}, in nanoseconds. Values are
 * cumulative counters: take two readings and subtract. Returns 0 where {@code /proc} cannot be read (the
 * report then shows 0 rather than failing the run).
 */
final class ProcCpu {
    /** USER_HZ; 100 on every Linux the benchmark targets. */
    private static final long TICK_NANOS = 10_000_000L;

    private ProcCpu() {
    }

    /** user+system time of {@code pid} and of its direct children (Kamailio's workers are direct children). */
    static long processTreeNanos(long pid) {
        long ticks = ticksOf(pid);
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.toList()) {
                String name = p.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit)) {
                    String[] f = statFields(Long.parseLong(name));
                    if (f != null && Long.parseLong(f[1]) == pid) {
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return ticks * TICK_NANOS;
        }
        return ticks * TICK_NANOS;
    }

    /**
     * CPU of this JVM's own threads that are not Java threads, by kind: "[JIT compiler threads]" and
     * "[GC and VM threads]" (Linux thread names, e.g. "C2 CompilerThre", "GC Thread#0", "G1 Conc#0",
     * "VM Thread"). Java threads are measured through ThreadMXBean instead.
     */
    static Map<String, Long> jvmInternalThreads() {
        Map<String, Long> m = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String comm = Files.readString(task.resolve("comm")).trim();
                    String kind = comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")
                            ? "[JIT compiler threads]"
                            : comm.startsWith("GC Thread") || comm.startsWith("G1 ") || comm.startsWith("VM ")
                            ? "[GC and VM threads]" : null;
                    if (kind != null) {
                        String s = Files.readString(task.resolve("stat"));
                        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
                        m.merge(kind, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_NANOS, Long::sum);
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return m;
        }
        return m;
    }

    /**
     * {user, kernel} CPU of this JVM's threads whose Linux name starts with {@code prefix} (at most 15
     * characters are kept by Linux), e.g. "parley-storage" for the storage writers.
     */
    static long[] userAndKernel(String prefix) {
        long[] t = new long[2];
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    if (Files.readString(task.resolve("comm")).startsWith(prefix)) {
                        String s = Files.readString(task.resolve("stat"));
                        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
                        t[0] += Long.parseLong(f[11]) * TICK_NANOS;
                        t[1] += Long.parseLong(f[12]) * TICK_NANOS;
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return t;
        }
        return t;
    }

    /** Busy time of all CPUs together (everything but idle and iowait). */
    static long machineBusyNanos() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
            String[] f = lines.get(0).trim().split("\\s+"); // cpu user nice system idle iowait irq softirq steal
            long busy = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy * TICK_NANOS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** "/proc/loadavg" first three numbers, or "?" */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static long ticksOf(long pid) {
        String[] f = statFields(pid);
        return f == null ? 0 : Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /**
     * Fields of /proc/PID/stat after the command name: [0] state, [1] ppid, ... [11] utime, [12] stime
     * (fields 3, 4, 14 and 15 of proc(5)); null if the process is gone.
     */
    private static String[] statFields(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return s.substring(s.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
