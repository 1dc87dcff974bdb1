package org.parley.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Every external process the runner starts (SIPp; Kamailio has its own shutdown hook in the harness), so
 * that they can be stopped on every way out: normal end, failure, watchdog, JVM shutdown. Thread-safe.
 */
final class ChildProcesses {
    private static final List<Process> PROCESSES = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::stopAll, "bench-children-shutdown"));
    }

    private ChildProcesses() {
    }

    static synchronized void add(Process p) {
        PROCESSES.add(p);
    }

    /** SIGTERM, up to 3 s grace, then SIGKILL; also their descendants. Safe to call repeatedly. */
    static void stopAll() {
        List<Process> all;
        synchronized (ChildProcesses.class) {
            all = new ArrayList<>(PROCESSES);
            PROCESSES.clear();
        }
        all.forEach(ChildProcesses::stop);
    }

    static void stop(Process p) {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(3, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
