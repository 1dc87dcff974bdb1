package org.parley.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.parley.app.ParleyEvent;
import org.parley.app.ParleyListener;
import org.parley.app.SipAddress;
import org.parley.app.testsupport.kamailio.KamailioServer;
import org.parley.storage.DeliveryState;

/**
 * Phase 2: sustained throughput with zero loss. {@code senders} Parley cores each write to each of
 * {@code receivers} Parley cores (one conversation per pair, so senders×receivers MESSAGEs can be in flight:
 * Parley sends one at a time per peer). A single driver thread keeps {@code window} messages handed to
 * {@code send()} and not yet final per conversation: first for {@code tpWarmupSeconds}, then for the measured
 * window of {@code seconds} (or until {@code maxMessages} were handed out), then it waits for the rest (at most
 * {@code drainSeconds}). Rates and the {@link ResourceProbe} cover the measured window only: SENT (or received)
 * events stamped inside it, divided by its length. Every text is unique; afterwards it checks, over the whole
 * phase, that every message ended SENT with the id {@code send()} returned and that each receiver got exactly
 * the texts meant for it, each once; order violations within a conversation are counted as well.
 *
 * <p>Threading: sender events arrive on the driver thread (their listener executor), receiver events on the
 * receiving core's own thread; the main thread only waits and reads the concurrent counters at the end.
 */
final class ParleyThroughputPhase {
    private static final int MAX_REASONS = 5;

    record Result(int senders, int receivers, int window, int warmupSeconds, int seconds, long handedOut, long sent,
                  long failed, long storedOffline, long unfinished, long sendErrors, boolean idsMatch, long received,
                  long missing, long unexpected, long duplicates, long outOfOrder, long sentInWindow,
                  long receivedInWindow, long lastSentNanos, long lastReceivedNanos, int[] sentPerSecond,
                  int[][] sentBySender, int[][] receivedByReceiver, long kamailioOutOfMemory, long parleyRetries,
                  List<String> reasons, ResourceProbe.Usage usage) {

        boolean zeroLoss() {
            return failed == 0 && storedOffline == 0 && unfinished == 0 && sendErrors == 0 && idsMatch
                    && missing == 0 && unexpected == 0 && duplicates == 0 && received == handedOut;
        }

        /** SENT per second inside the measured window. */
        double sentRate() {
            return (double) sentInWindow / seconds;
        }

        /** Received (distinct) per second inside the measured window. */
        double receivedRate() {
            return (double) receivedInWindow / seconds;
        }

        /** Every SENT from the first hand-out to the last SENT, warm-up and drain included. */
        double overallRate() {
            return lastSentNanos == 0 ? 0 : sent * 1e9 / lastSentNanos;
        }
    }

    /** One sender→receiver pair; driver thread only. */
    private static final class Conversation {
        final int sender;
        final int receiver;
        final BenchUser from;
        final String to;
        int nextSeq;
        int outstanding;

        Conversation(int sender, int receiver, BenchUser from, String to) {
            this.sender = sender;
            this.receiver = receiver;
            this.from = from;
            this.to = to;
        }
    }

    private final BenchConfig config;
    private final ExecutorService driver = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bench-driver");
        t.setDaemon(true);
        return t;
    });
    // driver thread only
    private final List<Map<String, Conversation>> bySender = new ArrayList<>();
    private boolean handingOut;
    private long deadline;
    private long handedOut;
    private long outstanding;
    // shared
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong storedOffline = new AtomicLong();
    private final AtomicLong sendErrors = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong outOfOrder = new AtomicLong();
    private final AtomicLong sentInWindow = new AtomicLong();
    private final AtomicLong receivedInWindow = new AtomicLong();
    private final AtomicLong lastSentAt = new AtomicLong();
    private final AtomicLong lastReceivedAt = new AtomicLong();
    private final Set<Long> handedOutIds = ConcurrentHashMap.newKeySet();
    private final Set<Long> sentIds = ConcurrentHashMap.newKeySet();
    private final List<Set<String>> expected = new ArrayList<>();
    private final List<Set<String>> got = new ArrayList<>();
    private final List<AtomicIntegerArray> lastSeq = new ArrayList<>();
    private final List<String> reasons = new ArrayList<>();
    private volatile long t0;
    private volatile long windowStart;
    private volatile long windowEnd;
    private volatile boolean drained;
    private AtomicIntegerArray perSecond;
    private final List<AtomicIntegerArray> perSecondBySender = new ArrayList<>();
    private final List<AtomicIntegerArray> perSecondByReceiver = new ArrayList<>();

    ParleyThroughputPhase(BenchConfig config) {
        this.config = config;
    }

    Result run(KamailioServer kamailio, Path profiles, ResourceProbe probe) throws Exception {
        int s = config.senders();
        int r = config.receivers();
        int timeline = config.tpWarmupSeconds() + config.seconds() + config.drainSeconds() + 2;
        perSecond = new AtomicIntegerArray(timeline);
        for (int i = 0; i < s; i++) {
            perSecondBySender.add(new AtomicIntegerArray(timeline));
        }
        for (int i = 0; i < r; i++) {
            perSecondByReceiver.add(new AtomicIntegerArray(timeline));
        }
        List<BenchUser> users = new ArrayList<>();
        try {
            List<BenchUser> receivers = new ArrayList<>();
            for (int ri = 0; ri < r; ri++) {
                int index = ri;
                expected.add(ConcurrentHashMap.newKeySet());
                got.add(ConcurrentHashMap.newKeySet());
                lastSeq.add(new AtomicIntegerArray(s));
                for (int si = 0; si < s; si++) {
                    lastSeq.get(ri).set(si, -1);
                }
                receivers.add(user(kamailio, profiles, "tpr" + (ri + 1), e -> onReceiverEvent(index, e),
                        Runnable::run, users));
            }
            for (int si = 0; si < s; si++) {
                int index = si;
                BenchUser from = user(kamailio, profiles, "tps" + (si + 1), e -> onSenderEvent(index, e), driver,
                        users);
                Map<String, Conversation> conversations = new HashMap<>();
                for (int ri = 0; ri < r; ri++) {
                    String to = SipAddress.parse(receivers.get(ri).aor).toString();
                    conversations.put(to, new Conversation(si, ri, from, to));
                }
                bySender.add(conversations);
            }
            for (BenchUser u : users) {
                u.start();
            }
            for (BenchUser u : users) {
                u.awaitRegistered(Duration.ofSeconds(20));
            }
            LogScan kamailioLog = LogScan.mark(kamailio.logFile());
            LogScan parleyLog = LogScan.mark(parleyLogFile());
            t0 = System.nanoTime();
            windowStart = t0 + TimeUnit.SECONDS.toNanos(config.tpWarmupSeconds());
            windowEnd = windowStart + TimeUnit.SECONDS.toNanos(config.seconds());
            driver.submit(this::startHandingOut).get();
            probe.prepare();
            sleepUntil(windowStart);
            probe.start();
            sleepUntil(windowEnd);
            ResourceProbe.Usage usage = probe.stop();
            awaitDrained();
            return result(usage, kamailioLog.count(LogScan.KAMAILIO_OUT_OF_MEMORY),
                    parleyLog.count(LogScan.PARLEY_RETRY));
        } finally {
            closeAll(users);
            driver.shutdownNow();
        }
    }

    /** In parallel: stopping a core takes about 2 s (un-REGISTER, then jain-sip's stack stop). */
    private static void closeAll(List<BenchUser> users) throws InterruptedException {
        List<Thread> closers = new ArrayList<>();
        for (BenchUser u : users) {
            Thread t = new Thread(u::close, "bench-close-" + u.name);
            t.start();
            closers.add(t);
        }
        for (Thread t : closers) {
            t.join(TimeUnit.SECONDS.toMillis(15));
        }
    }

    private static BenchUser user(KamailioServer kamailio, Path profiles, String name,
                                  ParleyListener listener, Executor executor,
                                  List<BenchUser> users) throws Exception {
        kamailio.addUser(name, name + "pw");
        BenchUser u = BenchUser.create(profiles, kamailio, name, name + "pw", listener, executor);
        users.add(u);
        return u;
    }

    // ---- driver thread ----

    private void startHandingOut() {
        handingOut = true;
        deadline = windowEnd;
        for (Map<String, Conversation> conversations : bySender) {
            for (Conversation c : conversations.values()) {
                handOut(c);
            }
        }
    }

    private void handOut(Conversation c) {
        while (handingOut && c.outstanding < config.window()) {
            if (handedOut >= config.maxMessages() || System.nanoTime() >= deadline) {
                handingOut = false;
                break;
            }
            String text = "tp " + c.sender + " " + c.receiver + " " + c.nextSeq++;
            expected.get(c.receiver).add(text);
            c.outstanding++;
            outstanding++;
            handedOut++;
            c.from.core.send(c.from.aor, c.to, text).whenComplete((record, error) -> {
                if (error == null) {
                    handedOutIds.add(record.id());
                } else {
                    driver.execute(() -> onSendError(c, error));
                }
            });
        }
        checkDrained();
    }

    private void onSendError(Conversation c, Throwable error) {
        sendErrors.incrementAndGet();
        reason("send() failed: " + error);
        c.outstanding--;
        outstanding--;
        handOut(c);
    }

    private void onSenderEvent(int sender, ParleyEvent e) {
        if (!(e instanceof ParleyEvent.MessageStateChanged m) || m.state() == DeliveryState.QUEUED) {
            return;
        }
        long now = System.nanoTime();
        Conversation c = bySender.get(sender).get(m.to());
        if (c == null) {
            reason("state change for an unknown peer " + m.to());
            return;
        }
        c.outstanding--;
        outstanding--;
        if (m.state() == DeliveryState.SENT) {
            sent.incrementAndGet();
            sentIds.add(m.id());
            lastSentAt.set(now - t0);
            if (now >= windowStart && now < windowEnd) {
                sentInWindow.incrementAndGet();
            }
            int second = (int) ((now - t0) / 1_000_000_000L);
            if (second < perSecond.length()) {
                perSecond.incrementAndGet(second);
                perSecondBySender.get(sender).incrementAndGet(second);
            }
        } else if (m.state() == DeliveryState.STORED_OFFLINE) {
            storedOffline.incrementAndGet();
            reason("message " + m.id() + " to " + m.to() + " stored offline");
        } else {
            failed.incrementAndGet();
            reason("message " + m.id() + " to " + m.to() + " " + m.state() + ": " + m.reason());
        }
        handOut(c);
    }

    private void checkDrained() {
        if (!handingOut && outstanding == 0) {
            drained = true;
        }
    }

    private void reason(String text) {
        synchronized (reasons) {
            if (reasons.size() < MAX_REASONS) {
                reasons.add(text);
            }
        }
    }

    // ---- receiving core threads ----

    private void onReceiverEvent(int receiver, ParleyEvent e) {
        if (!(e instanceof ParleyEvent.MessageReceived m)) {
            return;
        }
        long now = System.nanoTime();
        if (!got.get(receiver).add(m.text())) {
            duplicates.incrementAndGet();
            return;
        }
        received.incrementAndGet();
        lastReceivedAt.set(now - t0);
        if (now >= windowStart && now < windowEnd) {
            receivedInWindow.incrementAndGet();
        }
        int second = (int) ((now - t0) / 1_000_000_000L);
        if (second < perSecondByReceiver.get(receiver).length()) {
            perSecondByReceiver.get(receiver).incrementAndGet(second);
        }
        String[] f = m.text().split(" ");
        if (f.length == 4 && f[0].equals("tp")) {
            int sender = Integer.parseInt(f[1]);
            int seq = Integer.parseInt(f[3]);
            AtomicIntegerArray last = lastSeq.get(receiver);
            if (sender < last.length()) {
                if (seq <= last.get(sender)) {
                    outOfOrder.incrementAndGet();
                }
                last.set(sender, Math.max(seq, last.get(sender)));
            }
        }
    }

    // ---- main thread ----

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private void awaitDrained() throws InterruptedException {
        long limit = windowEnd + TimeUnit.SECONDS.toNanos(config.drainSeconds());
        while (System.nanoTime() < limit) {
            if (drained && received.get() >= expectedTotal()) {
                return;
            }
            Thread.sleep(20);
        }
    }

    private long expectedTotal() {
        return expected.stream().mapToLong(Set::size).sum();
    }

    private static int[] firstSeconds(AtomicIntegerArray counts, int seconds) {
        int[] a = new int[Math.max(0, seconds)];
        for (int i = 0; i < a.length; i++) {
            a[i] = counts.get(i);
        }
        return a;
    }

    /** Where the test logging configuration writes Parley's log (see the bench profile in app/pom.xml). */
    private static Path parleyLogFile() {
        return Path.of(System.getProperty("parley.test.log", "target/test-logs/parley-test.log"));
    }

    private Result result(ResourceProbe.Usage usage, long kamailioOutOfMemory, long parleyRetries)
            throws Exception {
        long[] state = driver.submit(() -> new long[] {handedOut, outstanding}).get();
        long missing = 0;
        long unexpected = 0;
        for (int ri = 0; ri < expected.size(); ri++) {
            Set<String> want = new HashSet<>(expected.get(ri));
            Set<String> have = new HashSet<>(got.get(ri));
            missing += want.stream().filter(t -> !have.contains(t)).count();
            unexpected += have.stream().filter(t -> !want.contains(t)).count();
        }
        int seconds = (int) Math.min(config.tpWarmupSeconds() + config.seconds(), Math.ceil(lastSentAt.get() / 1e9));
        int[] timeline = firstSeconds(perSecond, seconds);
        int[][] bySender = perSecondBySender.stream().map(a -> firstSeconds(a, seconds)).toArray(int[][]::new);
        int[][] byReceiver = perSecondByReceiver.stream().map(a -> firstSeconds(a, seconds)).toArray(int[][]::new);
        List<String> why;
        synchronized (reasons) {
            why = List.copyOf(reasons);
        }
        return new Result(config.senders(), config.receivers(), config.window(), config.tpWarmupSeconds(),
                config.seconds(), state[0], sent.get(), failed.get(), storedOffline.get(), state[1], sendErrors.get(),
                handedOutIds.equals(sentIds), received.get(), missing, unexpected, duplicates.get(), outOfOrder.get(),
                sentInWindow.get(), receivedInWindow.get(), lastSentAt.get(), lastReceivedAt.get(), timeline, bySender,
                byReceiver, kamailioOutOfMemory, parleyRetries, why, usage);
    }
}
