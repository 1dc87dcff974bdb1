package org.parley.storage.sqlite;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.parley.storage.HistoryStore;
import org.parley.storage.Profile;
import org.parley.storage.Profiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Storage benchmark (not a test): insert rate through the API, FTS search latency, encrypted vs. unencrypted,
 * and unlock time. Parameters: -Dbench.messages, -Dbench.queries, -Dbench.dir, -Dbench.unlockLib. See
 * storage/BENCH.md.
 */
public final class StorageBench {
    private static final Logger LOG = LoggerFactory.getLogger(StorageBench.class);
    private static final char[] PASSPHRASE = "benchmark passphrase".toCharArray();
    private static final int VOCABULARY = 30_000;
    private static final int PRODUCERS = 4;
    private static final int IN_FLIGHT = 20_000;
    private static final int CHUNK = 50_000;
    private static final int SEARCH_LIMIT = 20;
    private static final BenchText TEXT = new BenchText(VOCABULARY);
    private static final String[] ACCOUNTS = {"sip:alice@example.com", "sip:work@example.org", "sip:a2@example.net"};

    private StorageBench() {
    }

    public static void main(String[] args) throws Exception {
        int messages = Integer.getInteger("bench.messages", 1_000_000);
        int queries = Integer.getInteger("bench.queries", 1000);
        Path root = Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath();
        deleteTree(root);
        Files.createDirectories(root);
        Path encDir = root.resolve("encrypted");
        Path plainDir = root.resolve("plain");
        LOG.info("Benchmark: {} messages, {} queries, in {}", messages, queries, root);

        // Both profiles are filled in alternating chunks, so that load from other processes on this machine
        // falls on both about equally. The CPU time of the profile's writer and checkpoint threads is reported
        // beside the wall-clock time, because it is far less sensitive to that load.
        Insertion encIns = new Insertion("encrypted");
        Insertion plainIns = new Insertion("plain");
        try (Profile e = encIns.attach(() -> Profiles.create(encDir, PASSPHRASE.clone()));
             Profile p = plainIns.attach(() -> SqliteProfiles.createUnencrypted(plainDir))) {
            for (int from = 0; from < messages; from += CHUNK) {
                int to = Math.min(messages, from + CHUNK);
                encIns.run(e.history(), from, to);
                plainIns.run(p.history(), from, to);
                LOG.info("  ... {} stored: encrypted {} msg/s, plain {} msg/s so far; time ratio {}, storage CPU ratio {}",
                        to, (long) encIns.rate(), (long) plainIns.rate(), f(plainIns.rate() / encIns.rate()),
                        f((double) encIns.cpuNanos / plainIns.cpuNanos));
            }
        }
        LOG.info("Insert through the API: encrypted {} msg/s ({} s, storage CPU {} s), plain {} msg/s ({} s, storage CPU"
                        + " {} s); encrypted/plain time {}, storage CPU {}",
                (long) encIns.rate(), f(encIns.wallNanos / 1e9), f(encIns.cpuNanos / 1e9), (long) plainIns.rate(),
                f(plainIns.wallNanos / 1e9), f(plainIns.cpuNanos / 1e9), f(plainIns.rate() / encIns.rate()),
                f((double) encIns.cpuNanos / plainIns.cpuNanos));
        LOG.info("Database size: encrypted {} MiB, plain {} MiB",
                Files.size(encDir.resolve("history.db")) >> 20, Files.size(plainDir.resolve("history.db")) >> 20);

        long firstStart = freshJvmUnlockMillis(encDir, false); // may fill the native library cache first
        List<Long> cold = new ArrayList<>();
        List<Long> warmedUp = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            cold.add(freshJvmUnlockMillis(encDir, false));
            warmedUp.add(freshJvmUnlockMillis(encDir, true));
        }
        long[] warm = new long[7];
        for (int i = 0; i < warm.length; i++) {
            long start = System.nanoTime();
            Profiles.open(encDir, PASSPHRASE.clone()).close();
            warm[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(warm);
        LOG.info("Unlock (Argon2id m=19 MiB t=2 p=1 + open): first fresh JVM {} ms; fresh JVM {} ms; fresh JVM after"
                + " Profiles.warmUp() {} ms; warm JVM median {} ms (min {}, max {}); fresh JVMs' jars from {}",
                firstStart, cold, warmedUp, warm[warm.length / 2], warm[0], warm[warm.length - 1],
                System.getProperty("bench.unlockLib", "").isBlank() ? "the Maven repository"
                        : System.getProperty("bench.unlockLib"));

        for (String kind : List.of("uniform", "zipf")) {
            List<String> words = queryWords(kind, queries);
            for (int round = 1; round <= 2; round++) { // alternated: other processes share this machine
                double[] enc;
                try (Profile p = Profiles.open(encDir, PASSPHRASE.clone())) {
                    enc = search(p.history(), words);
                }
                double[] plain;
                try (Profile p = SqliteProfiles.openUnencrypted(plainDir)) {
                    plain = search(p.history(), words);
                }
                LOG.info("Search round {}, {} dictionary words ({} queries, limit {}): encrypted p50 {} ms p90 {} "
                                + "p99 {} max {}; plain p50 {} ms p90 {} p99 {} max {}; encrypted/plain p50 {} p99 {}",
                        round, kind, words.size(), SEARCH_LIMIT, f(enc[0]), f(enc[1]), f(enc[2]), f(enc[3]),
                        f(plain[0]), f(plain[1]), f(plain[2]), f(plain[3]), f(enc[0] / plain[0]), f(enc[2] / plain[2]));
            }
        }
    }

    /** Opens a profile; used so that the threads it starts can be found. */
    @FunctionalInterface
    interface ProfileOpener {
        Profile open() throws Exception;
    }

    /** Accumulated insert time of one profile and the CPU time of its storage threads. Main thread only. */
    static final class Insertion {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        final String name;
        Set<Long> storageThreads = Set.of();
        long messages;
        long wallNanos;
        long cpuNanos;

        Insertion(String name) {
            this.name = name;
        }

        Profile attach(ProfileOpener opener) throws Exception {
            Set<Long> before = storageThreads();
            Profile profile = opener.open();
            Set<Long> after = storageThreads();
            after.removeAll(before);
            if (after.isEmpty()) {
                throw new IllegalStateException("cannot identify the threads of the " + name + " profile");
            }
            storageThreads = after;
            return profile;
        }

        /**
         * Times one chunk until its last future completed (everything on disk). Then waits, untimed, until the
         * background checkpoint that follows has finished, so it does not run into the other profile's chunk;
         * its CPU time is still counted for this profile.
         */
        void run(HistoryStore history, int from, int to) throws Exception {
            long cpu = cpuNanos();
            long start = System.nanoTime();
            insert(history, from, to);
            wallNanos += System.nanoTime() - start;
            awaitIdle();
            cpuNanos += cpuNanos() - cpu;
            messages += to - from;
        }

        private void awaitIdle() throws InterruptedException {
            long last = cpuNanos();
            int quiet = 0;
            while (quiet < 3) {
                Thread.sleep(100);
                long now = cpuNanos();
                quiet = now - last < 1_000_000 ? quiet + 1 : 0;
                last = now;
            }
        }

        double rate() {
            return messages / (wallNanos / 1e9);
        }

        /** CPU time of the profile's writer and checkpoint threads (SQLite and the cipher run on them). */
        private long cpuNanos() {
            long sum = 0;
            for (long id : storageThreads) {
                sum += Math.max(0, THREADS.getThreadCpuTime(id)); // -1 once a thread has ended
            }
            return sum;
        }

        private static Set<Long> storageThreads() {
            Set<Long> ids = new HashSet<>();
            for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
                if (info != null && (info.getThreadName().equals("parley-storage-writer")
                        || info.getThreadName().equals("parley-storage-checkpoint"))) {
                    ids.add(info.getThreadId());
                }
            }
            return ids;
        }
    }

    /**
     * Appends messages {@code from} to {@code to} (exclusive) from {@link #PRODUCERS} threads, at most
     * {@link #IN_FLIGHT} unacknowledged; returns when the last one is committed.
     */
    static void insert(HistoryStore history, int from, int to) throws Exception {
        int n = to - from;
        Semaphore window = new Semaphore(IN_FLIGHT);
        CountDownLatch done = new CountDownLatch(n);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong next = new AtomicLong(from);
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < PRODUCERS; t++) {
            Thread producer = new Thread(() -> {
                long i;
                while ((i = next.getAndIncrement()) < to) {
                    window.acquireUninterruptibly();
                    SplittableRandom random = new SplittableRandom(i); // same text for message i in every run
                    String account = ACCOUNTS[(int) (i % ACCOUNTS.length)];
                    String peer = "sip:peer" + random.nextInt(200) + "@example.com";
                    String body = TEXT.message(random);
                    var future = (i & 1) == 0
                            ? history.appendIncoming(account, peer, body, "in-" + i)
                            : history.appendOutgoing(account, peer, body, "out-" + i);
                    future.whenComplete((r, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                        window.release();
                        done.countDown();
                    });
                }
            }, "producer-" + t);
            producer.start();
            producers.add(producer);
        }
        done.await();
        for (Thread producer : producers) {
            producer.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("an append failed", failure.get());
        }
    }

    /** @return p50, p90, p99, max in milliseconds after a warm-up of 100 queries */
    static double[] search(HistoryStore history, List<String> words) throws Exception {
        for (int i = 0; i < Math.min(100, words.size()); i++) {
            history.search(words.get(i), SEARCH_LIMIT);
        }
        double[] ms = new double[words.size()];
        long hits = 0;
        for (int i = 0; i < words.size(); i++) {
            long start = System.nanoTime();
            hits += history.search(words.get(i), SEARCH_LIMIT).size();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        LOG.info("  {} hits in total", hits);
        return new double[] {ms[ms.length / 2], ms[(int) (ms.length * 0.9)], ms[(int) (ms.length * 0.99)],
            ms[ms.length - 1]};
    }

    static List<String> queryWords(String kind, int n) {
        SplittableRandom random = new SplittableRandom(7);
        List<String> words = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            words.add(kind.equals("zipf") ? TEXT.zipfWord(random) : TEXT.uniformWord(random));
        }
        return words;
    }

    static long freshJvmUnlockMillis(Path dir, boolean warmUp) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-D" + NativeLibraryCache.DIRECTORY_PROPERTY + "="
                + System.getProperty(NativeLibraryCache.DIRECTORY_PROPERTY, dir.getParent().getParent().resolve(
                        "native-cache").toString()), "-cp", unlockProbeClassPath(),
                UnlockProbe.class.getName(), dir.toString(), new String(PASSPHRASE), Boolean.toString(warmUp))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String line;
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            line = out.readLine();
        }
        if (process.waitFor() != 0 || line == null) {
            throw new IllegalStateException("unlock probe failed");
        }
        return Long.parseLong(line.trim());
    }

    /**
     * The fresh JVM's class path: the bench's own, or with -Dbench.unlockLib=DIR the bench's class directories plus
     * DIR's jars, e.g. app/target/lib, where the build puts the unsigned Bouncy Castle the launchers use (parent
     * POM, execution unsigned-bouncycastle), instead of the signed jars of the Maven repository.
     */
    static String unlockProbeClassPath() {
        String own = System.getProperty("java.class.path");
        String lib = System.getProperty("bench.unlockLib", "");
        if (lib.isBlank()) {
            return own;
        }
        StringBuilder path = new StringBuilder();
        for (String entry : own.split(File.pathSeparator)) {
            if (Files.isDirectory(Path.of(entry))) {
                path.append(entry).append(File.pathSeparator);
            }
        }
        return path.append(Path.of(lib).toAbsolutePath()).append(File.separator).append('*').toString();
    }

    private static String f(double v) {
        return String.format("%.2f", v);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
