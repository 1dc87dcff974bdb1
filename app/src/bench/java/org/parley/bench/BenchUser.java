package org.parley.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.parley.app.Parley;
import org.parley.app.ParleyListener;
import org.parley.app.RegistrationState;
import org.parley.app.core.CoreOptions;
import org.parley.app.core.ParleyCore;
import org.parley.app.testsupport.kamailio.KamailioServer;
import org.parley.storage.AccountRecord;
import org.parley.storage.Profile;
import org.parley.storage.Profiles;

/**
 * One benchmark user: a fresh encrypted profile (production storage settings: WAL, synchronous=FULL), one UDP
 * account on the Kamailio under test, and a Parley core with production options except the loopback bind
 * address. Like the test helper {@code TestUser}, but on a plain {@link KamailioServer} instead of the JUnit
 * extension. The listener is attached before the core starts, so it sees every event. Close to un-register
 * and close the profile.
 */
final class BenchUser implements AutoCloseable {
    private static final char[] PASSPHRASE = "bench passphrase".toCharArray();

    final String name;
    final String aor;
    final Parley core;
    private final Profile profile;

    private BenchUser(String name, String aor, Profile profile, Parley core) {
        this.name = name;
        this.aor = aor;
        this.profile = profile;
        this.core = core;
    }

    /**
     * Creates profile, account and core (not started). {@code listener} runs on {@code executor}; pass
     * {@code Runnable::run} to observe events on the core thread at the moment they are published.
     */
    static BenchUser create(Path profilesDir, KamailioServer kamailio, String name, String password,
                            ParleyListener listener, Executor executor) throws Exception {
        Profile profile = Profiles.create(profilesDir.resolve(name), PASSPHRASE);
        try {
            String aor = "sip:" + name + "@" + kamailio.domain();
            profile.accounts().save(new AccountRecord(aor, name, password,
                    kamailio.host() + ":" + kamailio.udpPort(), "UDP", 3600, null, null));
            Parley core = ParleyCore.open(profile, options());
            core.addListener(listener, executor);
            return new BenchUser(name, aor, profile, core);
        } catch (Exception | Error e) {
            profile.close();
            throw e;
        }
    }

    /** Starts the core (registers in the background). */
    void start() {
        core.start();
    }

    /** Waits until the account is registered; throws IllegalStateException after {@code max}. */
    void awaitRegistered(Duration max) throws InterruptedException {
        awaitRegistered(core, aor, max);
    }

    /** The core options every benchmark uses: production options, bound to the loopback address. */
    static CoreOptions options() {
        return CoreOptions.defaults().withBindAddress(KamailioServer.HOST);
    }

    /** Waits until {@code aor} is registered on {@code core}; throws IllegalStateException after {@code max}. */
    static void awaitRegistered(Parley core, String aor, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!(core.registrationState(aor) instanceof RegistrationState.Registered)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(aor + " did not register within " + max + ": "
                        + core.registrationState(aor).describe());
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        try {
            core.close();
        } finally {
            profile.close();
        }
    }
}
