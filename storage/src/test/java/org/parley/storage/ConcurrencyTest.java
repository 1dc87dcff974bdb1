package org.parley.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many threads writing and reading at once: every message is stored exactly once, reads never fail. */
class ConcurrencyTest {
    static final String A = "sip:alice@example.com";
    static final String PEER = "sip:bob@example.com";
    static final int THREADS = 8;
    static final int PER_THREAD = 500;
    static final int KEYS = THREADS / 2 * PER_THREAD; // every key is appended by two threads

    @TempDir
    Path tmp;

    @Test
    void concurrentAppendsAreStoredExactlyOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 2);
        try (Profile profile = Profiles.create(tmp.resolve("p"), "pass".toCharArray())) {
            HistoryStore history = profile.history();
            CountDownLatch start = new CountDownLatch(1);
            ConcurrentLinkedQueue<CompletableFuture<Optional<MessageRecord>>> incoming = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<CompletableFuture<MessageRecord>> outgoing = new ConcurrentLinkedQueue<>();
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int base = (t % (THREADS / 2)) * PER_THREAD;
                int thread = t;
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < PER_THREAD; i++) {
                        incoming.add(history.appendIncoming(A, PEER, "msg " + (base + i), "in-" + (base + i)));
                        if (i % 10 == 0) {
                            outgoing.add(history.appendOutgoing(A, PEER, "out", "out-" + thread + "-" + i));
                        }
                    }
                    return null;
                }));
            }
            AtomicBoolean stopReading = new AtomicBoolean();
            Future<Integer> reader = pool.submit(() -> {
                start.await();
                int reads = 0;
                while (!stopReading.get()) {
                    history.conversation(A, PEER, Long.MAX_VALUE, 50);
                    history.search("msg", 5);
                    reads++;
                }
                return reads;
            });

            start.countDown();
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> incoming.stream().allMatch(CompletableFuture::isDone)
                            && outgoing.stream().allMatch(CompletableFuture::isDone));
            stopReading.set(true);
            assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();

            List<MessageRecord> stored = new ArrayList<>();
            for (CompletableFuture<Optional<MessageRecord>> f : incoming) {
                f.join().ifPresent(stored::add);
            }
            assertThat(stored).hasSize(KEYS);
            assertThat(stored).extracting(MessageRecord::sipKey).doesNotHaveDuplicates();
            assertThat(outgoing).allMatch(f -> !f.isCompletedExceptionally());

            List<MessageRecord> all = history.conversation(A, PEER, Long.MAX_VALUE, 100_000);
            Set<Long> ids = new HashSet<>();
            all.forEach(m -> ids.add(m.id()));
            assertThat(all).hasSize(KEYS + outgoing.size());
            assertThat(ids).hasSize(all.size());
            assertThat(all).filteredOn(m -> m.direction() == Direction.IN).extracting(MessageRecord::sipKey)
                    .doesNotHaveDuplicates().hasSize(KEYS);
        } finally {
            pool.shutdownNow();
        }
    }
}
