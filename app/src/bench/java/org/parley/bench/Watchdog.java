package org.parley.bench;

import java.time.Duration;

/**
 * Ends the run after a deadline whatever the phases are doing: stops child processes, exits with status 3
 * (shutdown hooks stop Kamailio), and halts 20 s later in any case (a shutdown hook or a missing class must not
 * keep the JVM alive; jain-sip leaves non-daemon threads). Both threads exist from the start.
 */
final class Watchdog {
    static final int EXIT_TIMEOUT = 3;
    private static final long HALT_GRACE_MILLIS = 20_000;

    private Watchdog() {
    }

    static void start(Duration deadline) {
        Thread halt = new Thread(() -> {
            if (sleep(deadline.toMillis() + HALT_GRACE_MILLIS)) {
                Runtime.getRuntime().halt(EXIT_TIMEOUT);
            }
        }, "bench-halt");
        Thread exit = new Thread(() -> {
            if (!sleep(deadline.toMillis())) {
                return;
            }
            try {
                System.err.println("bench: the run took longer than " + deadline.toSeconds() + " s; stopping");
                ChildProcesses.stopAll();
            } catch (Throwable t) {
                t.printStackTrace();
            } finally {
                System.exit(EXIT_TIMEOUT);
            }
        }, "bench-watchdog");
        halt.setDaemon(true);
        exit.setDaemon(true);
        halt.start();
        exit.start();
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
