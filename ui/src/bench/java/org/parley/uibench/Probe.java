package org.parley.uibench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * What a probe JVM reports to the runner: one line {@code RESULT name=value ...} on stdout. Helpers to wait on the
 * FX thread for a condition and then for frames to be painted, and to read the resident set size.
 */
final class Probe {
    private Probe() {
    }

    static void result(String fields) {
        System.out.println("RESULT " + fields);
        System.out.flush();
    }

    /**
     * Polls {@code condition} on the FX thread once per pulse; when it holds, waits for two more pulses (the frame
     * showing it has been rendered) and returns the wall-clock time (ms since the epoch) at that point.
     */
    static long whenPainted(BooleanSupplier condition, long timeoutSeconds) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        long[] at = new long[1];
        Platform.runLater(() -> new AnimationTimer() {
            private int framesAfter = -1;

            @Override
            public void handle(long now) {
                if (framesAfter < 0 && condition.getAsBoolean()) {
                    framesAfter = 0;
                } else if (framesAfter >= 0 && ++framesAfter == 2) {
                    at[0] = System.currentTimeMillis();
                    stop();
                    done.countDown();
                }
            }
        }.start());
        if (!done.await(timeoutSeconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("condition not reached within " + timeoutSeconds + " s");
        }
        return at[0];
    }

    /** Resident set size in KiB, from /proc (Linux). */
    static long rssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }

    /**
     * Heap in use after a full collection, in KiB. Through {@link Runtime}, not java.management: the packaged app's
     * runtime (packaged-memory.sh) has no java.management module.
     */
    /**
     * RSS once it has stopped falling after {@link #heapAfterGcKib}: G1 gives shrunk heap regions back to the OS
     * concurrently, so a reading right after {@code System.gc()} may or may not include them (the bare window read
     * 142 or 165 MB from one run to the next). Reads every 500 ms until two readings differ by less than 1 MiB,
     * at most 10 s.
     */
    static long settledRssKib() throws InterruptedException {
        long previous = rssKib();
        for (int i = 0; i < 20; i++) {
            Thread.sleep(500);
            long now = rssKib();
            if (Math.abs(now - previous) < 1024) {
                return now;
            }
            previous = now;
        }
        return previous;
    }

    static long heapAfterGcKib() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / 1024;
    }

    /**
     * With -Dprobe.hold=SECONDS, prints {@code IDLE <pid>} and keeps the probe idle that long, so that a script can
     * read it from outside (jcmd VM.native_memory, Thread.print, /proc) in the state just measured.
     */
    static void holdIfAsked() throws InterruptedException {
        int seconds = Integer.getInteger("probe.hold", 0);
        if (seconds > 0) {
            System.out.println("IDLE " + ProcessHandle.current().pid());
            System.out.flush();
            Thread.sleep(seconds * 1000L);
        }
    }

    /** Lets the app go idle (timers, first registration attempts, JIT) before memory is read. */
    static void settle(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    /**
     * With -Dprobe.histograms=DIR, writes a class histogram (after a full GC) to DIR/NAME.txt, to find leaks. Needs
     * java.management (the checkout build's JDK, not the packaged runtime).
     */
    static void histogram(String name) {
        String dir = System.getProperty("probe.histograms");
        if (dir == null) {
            return;
        }
        try {
            Object text = java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {null}, new String[] {String[].class.getName()});
            Files.createDirectories(Path.of(dir));
            Files.writeString(Path.of(dir, name + ".txt"), String.valueOf(text));
        } catch (Exception e) {
            throw new IllegalStateException("class histogram failed", e);
        }
    }
}
