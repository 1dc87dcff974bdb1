package org.parley.storage.sqlite;

import java.nio.file.Path;

import org.parley.storage.Profile;
import org.parley.storage.Profiles;
import org.slf4j.LoggerFactory;

/**
 * Run in a fresh JVM by {@link StorageBench}: times the first unlock of the process (Argon2id, native library
 * load and JIT warm-up included, unless args[2] is "true": then {@link Profiles#warmUp()} runs first, as the
 * app does while the passphrase is typed). Logging is initialised before timing, as in the app. Writes the
 * milliseconds as the single line of standard output, which is this helper's only product.
 */
public final class UnlockProbe {
    private UnlockProbe() {
    }

    public static void main(String[] args) throws Exception {
        LoggerFactory.getLogger(UnlockProbe.class).debug("logging initialised");
        if (Boolean.parseBoolean(args[2])) {
            Profiles.warmUp();
        }
        long start = System.nanoTime();
        try (Profile profile = Profiles.open(Path.of(args[0]), args[1].toCharArray())) {
            long ms = (System.nanoTime() - start) / 1_000_000;
            profile.history();
            System.out.println(ms); // the parent process parses this line
        }
    }
}
