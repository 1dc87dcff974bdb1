package org.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Facts about the running Kamailio under test: its pid and its command line. */
final class KamailioFacts {
    private KamailioFacts() {
    }

    /** Pid of the main Kamailio process from its pid file, 0 if unreadable. */
    static long pid(Path workDir) {
        try {
            return Long.parseLong(Files.readString(workDir.resolve("run").resolve("kamailio.pid")).trim());
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The value of the "-m" option (shared memory, MB) on Kamailio's command line, or "?". */
    static String sharedMemoryMb(long pid) {
        try {
            String[] args = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).split("\0");
            for (int i = 0; i + 1 < args.length; i++) {
                if (args[i].equals("-m")) {
                    return args[i + 1];
                }
            }
        } catch (IOException | RuntimeException e) {
            return "?";
        }
        return "?";
    }
}
