package org.parley.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.parley.app.ParleyEvent;
import org.parley.app.testsupport.kamailio.KamailioServer;
import org.parley.storage.DeliveryState;
import org.parley.storage.MessageRecord;

/**
 * Phase 1: alice → bob, one message at a time: a warm-up of at least {@code warmup} messages lasting at least
 * {@code warmupTime}, then {@code count} measured messages. The latency of a message is the time from the
 * {@code send()} call to alice's {@code MessageStateChanged(SENT)} for its id, both observed on the caller's
 * clock ({@link System#nanoTime()}; events are stamped on the publishing core thread). It is split into
 * send()→QUEUED (outbox commit), QUEUED→bob's MessageReceived (MESSAGE through Kamailio, bob's commit, bob
 * answers 200 just before publishing) and the rest (200 back through Kamailio, alice's state commit).
 * Fails (IllegalStateException) if a message is not SENT within 10 s or bob misses or repeats one. Then
 * {@link ParleyPathProbes} measure the SIP path without storage and a storage commit without SIP.
 */
final class ParleyLatencyPhase {
    private static final Duration MESSAGE_TIMEOUT = Duration.ofSeconds(10);

    /** Per-message latencies of the measured messages. */
    record Result(int warmedUp, Latencies total, Latencies toQueued, Latencies toDelivered, Latencies toSent,
                  int received,
                  ResourceProbe.Usage usage, Latencies typingOneWay, Latencies commit) {
    }

    private record Stamp(long id, DeliveryState state, long at) {
    }

    private final BlockingQueue<Stamp> finals = new LinkedBlockingQueue<>();
    private final Map<Long, Long> queuedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> receivedAt = new ConcurrentHashMap<>();
    private final Map<String, Integer> receivedCount = new ConcurrentHashMap<>();
    private final ParleyPathProbes probes = new ParleyPathProbes();

    /** {@code probe} measures CPU use over the measured messages (not the warm-up, not the probes). */
    Result run(KamailioServer kamailio, Path profiles, int warmup, Duration warmupTime, int count,
               ResourceProbe probe) throws Exception {
        try (BenchUser alice = BenchUser.create(profiles, kamailio, "alice", "alicepw", this::onAlice, Runnable::run);
             BenchUser bob = BenchUser.create(profiles, kamailio, "bob", "bobpw", this::onBob, Runnable::run)) {
            alice.start();
            bob.start();
            alice.awaitRegistered(Duration.ofSeconds(15));
            bob.awaitRegistered(Duration.ofSeconds(15));
            Latencies.Recorder total = new Latencies.Recorder(count);
            Latencies.Recorder toQueued = new Latencies.Recorder(count);
            Latencies.Recorder toDelivered = new Latencies.Recorder(count);
            Latencies.Recorder toSent = new Latencies.Recorder(count);
            probe.prepare();
            long warmupEnd = System.nanoTime() + warmupTime.toNanos();
            int warmed = 0;
            while (warmed < warmup || System.nanoTime() < warmupEnd) {
                exchange(alice, bob, "warm-up " + warmed++);
            }
            probe.start();
            for (int i = 0; i < count; i++) {
                String text = "latency " + i;
                long t0 = System.nanoTime();
                Stamp done = exchange(alice, bob, text);
                long queued = queuedAt.get(done.id());
                long received = awaitReceived(text);
                total.add(done.at() - t0);
                toQueued.add(queued - t0);
                toDelivered.add(received - queued);
                toSent.add(done.at() - received);
            }
            ResourceProbe.Usage usage = probe.stop();
            checkEveryTextOnce(warmed + count);
            int probeCount = Math.max(10, count / 4);
            Latencies typing = probes.typing(alice, bob, probeCount / 10, probeCount);
            Latencies commit = ParleyPathProbes.commit(profiles, probeCount / 10, probeCount);
            return new Result(warmed, total.done(), toQueued.done(), toDelivered.done(), toSent.done(),
                    receivedCount.size(), usage, typing, commit);
        }
    }

    /** Sends one message and returns its SENT stamp. */
    private Stamp exchange(BenchUser alice, BenchUser bob, String text) throws Exception {
        MessageRecord m = alice.core.send(alice.aor, bob.aor, text).get(MESSAGE_TIMEOUT.toSeconds(),
                TimeUnit.SECONDS);
        return awaitFinal(m.id());
    }

    private void onAlice(ParleyEvent e) {
        long now = System.nanoTime();
        if (e instanceof ParleyEvent.MessageStateChanged s) {
            if (s.state() == DeliveryState.QUEUED) {
                queuedAt.put(s.id(), now);
            } else {
                finals.add(new Stamp(s.id(), s.state(), now));
            }
        }
    }

    private void onBob(ParleyEvent e) {
        long now = System.nanoTime();
        probes.onBobEvent(e);
        if (e instanceof ParleyEvent.MessageReceived r) {
            receivedAt.putIfAbsent(r.text(), now);
            receivedCount.merge(r.text(), 1, Integer::sum);
        }
    }

    private Stamp awaitFinal(long id) throws InterruptedException {
        long deadline = System.nanoTime() + MESSAGE_TIMEOUT.toNanos();
        while (true) {
            Stamp s = finals.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (s == null) {
                throw new IllegalStateException("message " + id + " not SENT within " + MESSAGE_TIMEOUT);
            }
            if (s.id() == id) {
                if (s.state() != DeliveryState.SENT) {
                    throw new IllegalStateException("message " + id + " ended " + s.state());
                }
                return s;
            }
        }
    }

    /** bob publishes right after answering 200, so this returns at once except in a rare race. */
    private long awaitReceived(String text) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            Long t = receivedAt.get(text);
            if (t != null) {
                return t;
            }
            Thread.sleep(1);
        }
        throw new IllegalStateException("alice saw SENT but bob never received \"" + text + "\"");
    }

    private void checkEveryTextOnce(int sent) {
        long repeated = receivedCount.values().stream().filter(n -> n != 1).count();
        if (receivedCount.size() != sent || repeated != 0) {
            throw new IllegalStateException("bob received " + receivedCount.size() + " distinct of " + sent
                    + " texts, " + repeated + " more than once");
        }
    }
}
