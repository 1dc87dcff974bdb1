package org.parley.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.parley.app.Parley;
import org.parley.app.ParleyEvent;
import org.parley.app.core.ParleyCore;
import org.parley.app.presence.PresenceState;
import org.parley.app.testsupport.kamailio.KamailioServer;
import org.parley.storage.AccountRecord;
import org.parley.storage.ContactRecord;
import org.parley.storage.Profile;
import org.parley.storage.Profiles;

/**
 * Presence latency through Kamailio's presence server (issue 4 benchmark): Bob changes his state, Alice watches
 * him; each sample is the time from Bob's {@code setPresence} call to Alice's {@code PresenceChanged} event
 * carrying that change (both cores in this JVM, production options and storage, UDP). Not a test.
 *
 * <pre>mvn -B -q -o -Pbench -pl app test-compile exec:exec -Dbench.main=org.parley.bench.PresenceBench</pre>
 * Settings: {@code -Dpresence.samples=500}. Report: {@code target/bench/presence-report.txt}.
 */
public final class PresenceBench {
    private PresenceBench() {
    }

    public static void main(String[] args) throws Exception {
        int samples = Integer.getInteger("presence.samples", 500);
        int warmUp = Math.max(50, samples / 10);
        Path out = Path.of(System.getProperty("bench.out", "target/bench")).toAbsolutePath();
        Files.createDirectories(out);
        Path profiles = Files.createTempDirectory(out, "presence-profiles");
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, CountDownLatch> arrived = new ConcurrentHashMap<>();
        Latencies.Recorder recorder = new Latencies.Recorder(samples);
        java.util.concurrent.atomic.AtomicBoolean measuring = new java.util.concurrent.atomic.AtomicBoolean();
        try (KamailioServer kamailio = KamailioServer.builder().build(KamailioServer.newWorkDir("presence-bench"))) {
            kamailio.start();
            String aliceAor = "sip:alice@" + kamailio.domain();
            String bobAor = "sip:bob@" + kamailio.domain();
            try (Profile aliceProfile = profile(profiles, kamailio, "alice", bobAor);
                 Profile bobProfile = profile(profiles, kamailio, "bob", aliceAor);
                 Parley alice = ParleyCore.open(aliceProfile, BenchUser.options());
                 Parley bob = ParleyCore.open(bobProfile, BenchUser.options())) {
                alice.addListener(e -> {
                    if (e instanceof ParleyEvent.PresenceChanged p && p.contact().equals(bobAor)) {
                        long now = System.nanoTime();
                        Long sent = sentAt.remove(p.note());
                        CountDownLatch latch = arrived.get(p.note());
                        if (sent != null && latch != null) {
                            if (measuring.get()) {
                                recorder.add(now - sent);
                            }
                            latch.countDown();
                        }
                    }
                }, Runnable::run);
                alice.start();
                bob.start();
                BenchUser.awaitRegistered(alice, aliceAor, Duration.ofSeconds(20));
                BenchUser.awaitRegistered(bob, bobAor, Duration.ofSeconds(20));
                // The first NOTIFY of the subscription tells Bob's initial state; wait for it before measuring.
                change(bob, PresenceState.AVAILABLE, "ready", sentAt, arrived, 30);
                for (int i = 0; i < warmUp + samples; i++) {
                    measuring.set(i >= warmUp);
                    change(bob, i % 2 == 0 ? PresenceState.BUSY : PresenceState.AWAY, "n" + i, sentAt, arrived, 10);
                }
            }
        }
        Latencies l = recorder.done();
        String report = String.format("Presence change to watcher event through Kamailio (UDP), %d samples after %d"
                + " warm-up: %s%n", l.count(), warmUp, l.summary());
        Files.writeString(out.resolve("presence-report.txt"), report);
        System.out.print(report);
        System.exit(0);
    }

    private static void change(Parley bob, PresenceState state, String note, Map<String, Long> sentAt,
                               Map<String, CountDownLatch> arrived, int seconds) throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        arrived.put(note, latch);
        sentAt.put(note, System.nanoTime());
        bob.setPresence(state, note);
        if (!latch.await(seconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the change '" + note + "' did not reach the watcher in " + seconds + " s");
        }
        arrived.remove(note);
    }

    private static Profile profile(Path dir, KamailioServer kamailio, String name, String contact) throws Exception {
        Profile p = Profiles.create(dir.resolve(name), "bench passphrase".toCharArray());
        String aor = "sip:" + name + "@" + kamailio.domain();
        p.accounts().save(new AccountRecord(aor, name, name + "pw", kamailio.host() + ":" + kamailio.udpPort(), "UDP",
                3600, null, null));
        p.contacts().save(new ContactRecord(aor, contact, null, null));
        return p;
    }

}
