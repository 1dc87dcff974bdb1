package org.parley.storage.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies committed WAL frames into the database file on its own thread and connection, so that the writer's
 * COMMIT (and the futures waiting on it) does not pay for the checkpoint. On an encrypted profile a checkpoint
 * is expensive: every frame is decrypted from the WAL and encrypted again for the database file. Running it
 * at most every {@link #INTERVAL_MS} also lets a page that several transactions changed be copied once.
 *
 * <p>Checkpoints are PASSIVE: they never block the writer or readers and never wait for them. This class does
 * not bound the WAL by itself: the write connection keeps an automatic checkpoint at a higher threshold
 * ({@link ConnectionFactory#WRITER_AUTOCHECKPOINT_PAGES}), which also lets SQLite restart the WAL under
 * sustained load. Durability is unaffected: a transaction is on disk once its COMMIT returned (WAL,
 * synchronous=FULL), whether or not it has been checkpointed.
 *
 * <p>Threading: {@link #committed()} may be called from any thread (the writer calls it after each COMMIT) and
 * never blocks. The connection is used and closed only on the checkpoint thread. Failures are logged and the
 * next commit tries again. {@link #close} stops the thread after a running checkpoint and closes the
 * connection.
 */
final class Checkpointer implements AutoCloseable {
    static final long INTERVAL_MS = 250;
    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

    private final Connection connection;
    private final Object lock = new Object();
    private boolean pending; // guarded by lock
    private boolean closed; // guarded by lock
    private final Thread thread;

    /** Takes ownership of {@code connection} (an open connection to the same database). */
    Checkpointer(Connection connection, String name) {
        this.connection = connection;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true); // a missed checkpoint loses nothing: SQLite checkpoints on the last close
        thread.start();
    }

    /** Notes that a transaction was committed; a checkpoint follows within about {@link #INTERVAL_MS}. */
    void committed() {
        synchronized (lock) {
            if (!pending) {
                pending = true;
                lock.notifyAll();
            }
        }
    }

    private void run() {
        try {
            while (awaitWork()) {
                checkpoint();
            }
        } catch (InterruptedException e) {
            LOG.debug("Checkpoint thread interrupted");
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.warn("Closing the checkpoint connection failed", e);
            }
        }
    }

    /** @return false once closed; otherwise waits for a commit, then for the interval (or close) */
    private boolean awaitWork() throws InterruptedException {
        synchronized (lock) {
            while (!pending && !closed) {
                lock.wait();
            }
            long deadline = System.nanoTime() + INTERVAL_MS * 1_000_000;
            long left;
            while (!closed && (left = deadline - System.nanoTime()) > 0) {
                lock.wait(Math.max(1, left / 1_000_000));
            }
            pending = false;
            return !closed;
        }
    }

    private void checkpoint() {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            if (LOG.isTraceEnabled() && rs.next()) {
                LOG.trace("Checkpoint: busy {}, WAL frames {}, copied {}", rs.getInt(1), rs.getInt(2), rs.getInt(3));
            }
        } catch (SQLException e) {
            LOG.warn("Background checkpoint failed; the write connection's automatic checkpoint remains", e);
        }
    }

    /** Stops the thread (after a checkpoint that is running) and closes the connection. Idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
