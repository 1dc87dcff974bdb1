package org.parley.storage.sqlite;

import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;

import org.parley.storage.ProfileClosedException;
import org.parley.storage.StorageException;

/**
 * A small pool of read-only connections, separate from the writer's (WAL lets them read the last committed
 * state while the writer works). Each read borrows one session for its duration; at most {@code size} are open.
 * Thread-safe. {@link #close} waits for running reads, then closes every connection.
 */
final class ReadPool implements AutoCloseable {
    /** A read run on a borrowed session; it must not keep the session or its statements. */
    @FunctionalInterface
    interface ReadOp<T> {
        T apply(SqlSession session) throws SQLException, StorageException;
    }

    private final ConnectionFactory connections;
    private final int size;
    private final Semaphore permits;
    private final ConcurrentLinkedDeque<SqlSession> idle = new ConcurrentLinkedDeque<>(); // LIFO: warm caches first
    private volatile boolean closed;

    ReadPool(ConnectionFactory connections, int size) {
        this.connections = connections;
        this.size = size;
        this.permits = new Semaphore(size, true);
    }

    <T> T read(ReadOp<T> op) throws StorageException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("Interrupted while reading the profile.", e);
        }
        try {
            if (closed) {
                throw new ProfileClosedException();
            }
            SqlSession session = idle.pollFirst();
            boolean reusable = true;
            try {
                if (session == null) {
                    session = new SqlSession(connections.openReader());
                }
                return op.apply(session);
            } catch (SQLException e) {
                reusable = false; // the connection may be in an unknown state; open a fresh one next time
                throw SqlErrors.map(e);
            } catch (RuntimeException e) {
                reusable = false;
                throw e;
            } finally {
                release(session, reusable);
            }
        } finally {
            permits.release();
        }
    }

    private void release(SqlSession session, boolean reusable) {
        if (session == null) {
            return;
        }
        if (reusable && !closed) {
            idle.addFirst(session);
        } else {
            session.close();
        }
    }

    /** Idempotent. Reads started afterwards throw {@link ProfileClosedException}. */
    @Override
    public void close() {
        closed = true;
        permits.acquireUninterruptibly(size);
        try {
            SqlSession session;
            while ((session = idle.poll()) != null) {
                session.close();
            }
        } finally {
            permits.release(size);
        }
    }
}
