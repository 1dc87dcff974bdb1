package org.parley.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.storage.ProfileClosedException;
import org.parley.storage.StorageException;
import org.sqlite.SQLiteConnection;

/** Group commit: one transaction per drained batch, futures after COMMIT, failures isolated per operation. */
class WriterThreadTest {
    @TempDir
    Path tmp;
    String url;
    WriterThread writer;
    final AtomicInteger commits = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        url = "jdbc:sqlite:" + tmp.resolve("w.db");
        Connection connection = DriverManager.getConnection(url);
        try (Statement s = connection.createStatement()) {
            s.executeQuery("PRAGMA journal_mode = WAL").close();
            s.execute("PRAGMA synchronous = FULL"); // the production write connection's setting (ConnectionFactory)
            s.execute("CREATE TABLE t (v INTEGER PRIMARY KEY)");
        }
        ((SQLiteConnection) connection).getDatabase().addCommitListener(new org.sqlite.SQLiteCommitListener() {
            @Override
            public void onCommit() {
                commits.incrementAndGet();
            }

            @Override
            public void onRollback() {
            }
        });
        writer = new WriterThread(new SqlSession(connection), "test-writer");
    }

    @AfterEach
    void stop() {
        writer.close();
    }

    @Test
    void queuedOperationsShareOneCommitAndFailAlone() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> blocker = writer.submit(s -> {
            started.countDown();
            try {
                return release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue(); // the writer is busy with the blocker's batch
        CompletableFuture<Integer> one = writer.submit(s -> insert(s, 1));
        CompletableFuture<Integer> duplicate = writer.submit(s -> insert(s, 1));
        CompletableFuture<Integer> two = writer.submit(s -> insert(s, 2));
        int before = commits.get();
        release.countDown();

        assertThat(two.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(one.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(blocker).succeedsWithin(Duration.ofSeconds(10));
        assertThat(duplicate).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(StorageException.class);
        assertThat(count()).isEqualTo(2);
        // The blocker's batch, then one batch for the three queued behind it.
        assertThat(commits.get() - before).isEqualTo(2);
    }

    @Test
    void aFutureCompletesOnlyAfterItsCommitIsVisibleToOtherConnections() throws Exception {
        CompletableFuture<Long> seen = writer.submit(s -> insert(s, 7)).thenApply(ignored -> {
            try {
                return count();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo(1L);
    }

    @Test
    void blockingOnTheWriterThreadFailsInsteadOfDeadlocking() throws Exception {
        CountDownLatch attached = new CountDownLatch(1);
        CompletableFuture<Object> nested = writer.submit(s -> {
            try {
                return attached.await(10, TimeUnit.SECONDS); // completes only after thenApply is attached
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }).thenApply(ignored -> {
            try {
                return writer.call(s -> insert(s, 3));
            } catch (StorageException e) {
                return e;
            }
        });
        attached.countDown();
        assertThat(nested).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void closeDrainsThenRejects() throws Exception {
        CompletableFuture<?>[] futures = new CompletableFuture<?>[2000];
        for (int i = 0; i < futures.length; i++) {
            int v = i + 10;
            futures[i] = writer.submit(s -> insert(s, v));
        }
        writer.close();
        assertThat(futures).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        assertThat(count()).isEqualTo(2000);
        assertThatThrownBy(() -> writer.call(s -> insert(s, 1))).isInstanceOf(ProfileClosedException.class);
    }

    @Test
    void aBatchOfDeferredSyncWritesCommitsWithoutSyncAndTheNextDurableOneSyncsAgain() throws Exception {
        assertThat(writer.submitDeferringSync(WriterThreadTest::synchronousDuringCommit).get(10, TimeUnit.SECONDS))
                .as("synchronous=NORMAL inside a deferred-only batch").isEqualTo(1);
        assertThat(writer.submit(WriterThreadTest::synchronousDuringCommit).get(10, TimeUnit.SECONDS))
                .as("FULL again for a durable batch").isEqualTo(2);
        assertThat(writer.submitDeferringSync(s -> insert(s, 5)).get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(count()).as("a deferred-sync commit is visible at once").isEqualTo(1L);
    }

    @Test
    void aBatchWithOneDurableWriteIsSyncedAsAWhole() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        writer.submit(s -> {
            started.countDown();
            try {
                return release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Integer> deferred = writer.submitDeferringSync(WriterThreadTest::synchronousDuringCommit);
        CompletableFuture<Integer> durable = writer.submit(s -> insert(s, 9));
        release.countDown();
        assertThat(durable.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(deferred.get(10, TimeUnit.SECONDS)).isEqualTo(2);
    }

    private static int synchronousDuringCommit(SqlSession session) throws java.sql.SQLException {
        try (Statement s = session.connection().createStatement(); ResultSet rs = s.executeQuery("PRAGMA synchronous")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static int insert(SqlSession session, int v) throws java.sql.SQLException {
        PreparedStatement insert = session.prepare("INSERT INTO t (v) VALUES (?)");
        insert.setInt(1, v);
        return insert.executeUpdate();
    }

    private long count() throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
