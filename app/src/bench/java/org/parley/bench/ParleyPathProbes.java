package org.parley.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.parley.app.ParleyEvent;
import org.parley.storage.Profile;
import org.parley.storage.Profiles;

/**
 * Two measurements that split a Parley MESSAGE's latency into its parts:
 * <ul>
 *   <li>{@link #typing}: the SIP path alone, one way and without storage: alice's {@code setComposing()} call
 *       to bob's {@code TypingChanged} (an RFC 3994 MESSAGE, answered and published by bob without a write);
 *       alternating active/idle so each call sends one MESSAGE;</li>
 *   <li>{@link #commit}: one storage commit alone: sequential {@code appendIncoming} on a fresh profile of
 *       the same kind on the same disk (WAL, synchronous=FULL, encrypted).</li>
 * </ul>
 * Thread-confined to the caller, except the listener that feeds {@link #onBobEvent}.
 */
final class ParleyPathProbes {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private record Typing(boolean active, long at) {
    }

    private final BlockingQueue<Typing> typings = new LinkedBlockingQueue<>();

    /** To be called with bob's events (on bob's core thread). */
    void onBobEvent(ParleyEvent e) {
        if (e instanceof ParleyEvent.TypingChanged t) {
            typings.add(new Typing(t.active(), System.nanoTime()));
        }
    }

    Latencies typing(BenchUser alice, BenchUser bob, int warmup, int count) throws InterruptedException {
        Latencies.Recorder r = new Latencies.Recorder(count);
        for (int i = 0; i < warmup + count; i++) {
            boolean active = i % 2 == 0;
            long t0 = System.nanoTime();
            alice.core.setComposing(alice.aor, bob.aor, active);
            long deadline = t0 + TIMEOUT.toNanos();
            Typing t;
            do {
                t = typings.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (t == null) {
                    throw new IllegalStateException("bob saw no typing change within " + TIMEOUT);
                }
            } while (t.active() != active);
            if (i >= warmup) {
                r.add(t.at() - t0);
            }
        }
        return r.done();
    }

    static Latencies commit(Path profiles, int warmup, int count) throws Exception {
        try (Profile p = Profiles.create(profiles.resolve("commit-probe"), "probe passphrase".toCharArray())) {
            Latencies.Recorder r = new Latencies.Recorder(count);
            for (int i = 0; i < warmup + count; i++) {
                long t0 = System.nanoTime();
                p.history().appendIncoming("sip:probe@127.0.0.1", "sip:peer@127.0.0.1", "commit probe " + i,
                        "probe;" + i).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                if (i >= warmup) {
                    r.add(System.nanoTime() - t0);
                }
            }
            return r.done();
        }
    }
}
