package org.parley.uibench.storm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Memory and CPU of processes from Linux's /proc. Bench plumbing; -1 where a figure cannot be read. */
final class ProcStats {
    /** USER_HZ: /proc/PID/stat counts CPU time in ticks of 10 ms on Linux x86-64. */
    private static final double MS_PER_TICK = 10;

    private ProcStats() {
    }

    /** A field of /proc/PID/status in KiB, e.g. {@code VmRSS} or {@code VmHWM}. */
    static long statusKib(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** User + system CPU in ms of {@code pid} and its direct children (Kamailio's workers). */
    static double treeCpuMs(long pid) {
        double total = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String[] f = stat(p);
                if (f != null && (f[0].equals(Long.toString(pid)) || f[3].equals(Long.toString(pid)))) {
                    total += (Long.parseLong(f[13]) + Long.parseLong(f[14])) * MS_PER_TICK;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return total;
    }

    /** RSS in KiB of {@code pid} and its direct children together. */
    static long treeRssKib(long pid) {
        long total = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String[] f = stat(p);
                if (f != null && (f[0].equals(Long.toString(pid)) || f[3].equals(Long.toString(pid)))) {
                    total += Math.max(0, statusKib(Long.parseLong(f[0]), "VmRSS"));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return total;
    }

    /** The fields of /proc/PID/stat with the command name (which may hold spaces) replaced by "x"; null if gone. */
    private static String[] stat(Path proc) {
        try {
            String s = Files.readString(proc.resolve("stat"));
            int close = s.lastIndexOf(')');
            return (s.substring(0, s.indexOf('(')) + "x" + s.substring(close + 1)).trim().split("\\s+");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
