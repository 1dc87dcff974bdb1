package org.parley.bench;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.parley.app.Parley;
import org.parley.app.ParleyEvent;
import org.parley.app.core.FileSettings;
import org.parley.app.core.ParleyCore;
import org.parley.app.file.FileEnd;
import org.parley.app.file.FilePolicy;
import org.parley.app.testsupport.kamailio.KamailioServer;
import org.parley.storage.AccountRecord;
import org.parley.storage.Profile;
import org.parley.storage.Profiles;

/**
 * Issue 6 memory target, end to end: two Parley cores in this JVM, signalling through Kamailio (TCP), one file of
 * {@code mib} MiB (default 1024) over MSRP into the receiver's download folder with its SHA-256 checked.
 * Reports the heap used after a full GC before and after, the peak heap seen while it ran (sampled every 50 ms,
 * without GC), the wall time and MB/s. The sender's file and the received copy are deleted afterwards.
 *
 * <p>Run: {@code mvn -B -q -o -Pbench -pl app test-compile exec:exec -Dbench.main=org.parley.bench.FileTransferBench}
 * (add {@code -Dbench.options=mib=256} for a shorter run).
 */
public final class FileTransferBench {
    private FileTransferBench() {
    }

    public static void main(String[] args) throws Exception {
        long mib = Long.getLong("files.mib", 1024);
        for (String option : System.getProperty("bench.options", "").split("\\s+")) {
            if (option.startsWith("mib=")) {
                mib = Long.parseLong(option.substring(4));
            }
        }
        Path out = Path.of(System.getProperty("bench.out", "target/bench")).toAbsolutePath();
        Files.createDirectories(out);
        Path work = Files.createTempDirectory(out, "files");
        Path big = random(work.resolve("big.bin"), mib << 20);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (KamailioServer kamailio = KamailioServer.builder().build(KamailioServer.newWorkDir("files-bench"))) {
            kamailio.start();
            String aliceAor = "sip:alice@" + kamailio.domain();
            String bobAor = "sip:bob@" + kamailio.domain();
            FileSettings files = new FileSettings(work.resolve("downloads"), work.resolve("quarantine"),
                    new FilePolicy(8L << 30, FilePolicy.EXECUTABLES, java.util.Set.of(), java.util.List.of()),
                    Duration.ofMinutes(2));
            try (Profile aliceProfile = profile(work, kamailio, "alice");
                 Profile bobProfile = profile(work, kamailio, "bob");
                 Parley alice = ParleyCore.open(aliceProfile, BenchUser.options(), files);
                 Parley bob = ParleyCore.open(bobProfile, BenchUser.options(), files)) {
                CompletableFuture<FileEnd> received = new CompletableFuture<>();
                CompletableFuture<FileEnd> delivered = new CompletableFuture<>();
                bob.addListener(e -> {
                    if (e instanceof ParleyEvent.FileOffered o) {
                        bob.acceptFile(o.offer().transferId(), Optional.empty());
                    } else if (e instanceof ParleyEvent.FileEnded f) {
                        received.complete(f.end());
                    }
                }, Runnable::run);
                alice.addListener(e -> {
                    if (e instanceof ParleyEvent.FileEnded f) {
                        delivered.complete(f.end());
                    }
                }, Runnable::run);
                alice.start();
                bob.start();
                BenchUser.awaitRegistered(alice, aliceAor, Duration.ofSeconds(20));
                BenchUser.awaitRegistered(bob, bobAor, Duration.ofSeconds(20));
                long before = heapAfterGc(memory);
                AtomicLong peak = new AtomicLong(before);
                Thread sampler = new Thread(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }, "heap-sampler");
                sampler.setDaemon(true);
                sampler.start();
                long started = System.nanoTime();
                alice.sendFile(aliceAor, bobAor, big).get(5, TimeUnit.MINUTES);
                FileEnd atBob = received.get(30, TimeUnit.MINUTES);
                FileEnd atAlice = delivered.get(1, TimeUnit.MINUTES);
                long nanos = System.nanoTime() - started;
                sampler.interrupt();
                long after = heapAfterGc(memory);
                if (!(atBob instanceof FileEnd.Done) || !(atAlice instanceof FileEnd.Done)) {
                    throw new IllegalStateException("transfer failed: " + atBob.reason() + " / " + atAlice.reason());
                }
                double seconds = nanos / 1e9;
                String report = String.format("File transfer through Kamailio (TCP signalling, MSRP over TCP), %d MiB,"
                        + " hashed by the sender first, verified by the receiver: %.1f s, %.1f MB/s;"
                        + " heap used after full GC %.1f MB before, %.1f MB after (growth %.1f MB);"
                        + " peak heap seen while running %.1f MB (-Xmx %d MB)%n",
                        mib, seconds, (mib << 20) / seconds / 1e6, before / 1e6, after / 1e6, (after - before) / 1e6,
                        peak.get() / 1e6, Runtime.getRuntime().maxMemory() >> 20);
                Files.writeString(out.resolve("files-report.txt"), report);
                System.out.print(report);
                Files.deleteIfExists(((FileEnd.Done) atBob).saved().orElseThrow());
            }
        } finally {
            Files.deleteIfExists(big);
        }
        System.exit(0);
    }

    private static long heapAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static Path random(Path file, long size) throws Exception {
        Random random = new Random(1);
        byte[] block = new byte[1 << 20];
        try (OutputStream o = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= block.length) {
                random.nextBytes(block);
                o.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        return file;
    }

    private static Profile profile(Path dir, KamailioServer kamailio, String name) throws Exception {
        Profile p = Profiles.create(dir.resolve(name), "bench passphrase".toCharArray());
        p.accounts().save(new AccountRecord("sip:" + name + "@" + kamailio.domain(), name, name + "pw",
                kamailio.host() + ":" + kamailio.udpPort(), "TCP", 3600, null, null));
        return p;
    }

}
