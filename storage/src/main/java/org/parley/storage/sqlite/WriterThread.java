package org.parley.storage.sqlite;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;

import org.parley.storage.ProfileClosedException;
import org.parley.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer: one thread owning the only write connection, fed by a queue (a single-threaded executor
 * specialised for group commit). It takes every operation queued so far (up to {@link #MAX_BATCH}), runs each
 * inside its own SAVEPOINT within one transaction, COMMITs once, and only then completes the futures, so a
 * completed future means "on disk". A failing operation is rolled back to its savepoint and fails alone; if the
 * COMMIT fails, every operation of the batch fails.
 *
 * <p>Threading: {@link #submit} may be called from any thread. Futures complete on the writer thread, so
 * dependent stages must not block; {@link #call} detects being called on the writer thread and fails instead
 * of deadlocking. {@link #close} stops accepting work, lets the thread drain the queue and commit, then closes
 * the connection.
 *
 * <p>Durability: the write connection runs at {@code synchronous=FULL}, so a commit syncs the WAL. A batch made
 * only of {@link #submitDeferringSync} operations commits at {@code NORMAL} (no sync; WAL frames are checksummed,
 * so a lost tail is dropped whole, never half-applied).
 */
final class WriterThread {
    /** Work run on the writer thread inside a transaction. */
    @FunctionalInterface
    interface WriteOp<T> {
        T apply(SqlSession session) throws SQLException, StorageException;
    }

    /**
     * Upper bound of one transaction. Only reached when writes queue up faster than they commit; then each
     * COMMIT rewrites fewer scattered index pages per message (every page is encrypted on its way to the WAL).
     */
    static final int MAX_BATCH = 5000;
    private static final Logger LOG = LoggerFactory.getLogger(WriterThread.class);
    private static final Task<Void> STOP = new Task<>(null, true);

    private final SqlSession session;
    private final LinkedBlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
    private final Object lifecycle = new Object();
    private boolean closing; // guarded by lifecycle; once true no task is queued after STOP
    private final Thread thread;

    private final Runnable afterCommit;

    /** Takes ownership of {@code session}; it is used and closed on the writer thread only. */
    WriterThread(SqlSession session, String name) {
        this(session, name, () -> { });
    }

    /**
     * @param afterCommit run on the writer thread after each batch's transaction ended; must return at once and
     *                    not throw
     */
    WriterThread(SqlSession session, String name, Runnable afterCommit) {
        this.session = session;
        this.afterCommit = afterCommit;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true); // queued but unacknowledged writes were never promised durable
        thread.start();
    }

    /**
     * Queues {@code op}; the future completes after the transaction holding it has committed and the WAL has been
     * synced to the disk (it survives a power loss).
     */
    <T> CompletableFuture<T> submit(WriteOp<T> op) {
        return enqueue(new Task<>(op, true));
    }

    /**
     * Queues {@code op} for a commit that need not wait for the disk: the future completes once the transaction
     * is committed (visible to readers, and it survives a crash of the process), but a power loss or an OS crash
     * before the WAL is next synced — by the next durable commit or a checkpoint, whichever comes first — can
     * undo it. Only for writes the application can redo after such a loss. A batch holding any {@link #submit}
     * operation is synced as a whole.
     */
    <T> CompletableFuture<T> submitDeferringSync(WriteOp<T> op) {
        return enqueue(new Task<>(op, false));
    }

    private <T> CompletableFuture<T> enqueue(Task<T> task) {
        synchronized (lifecycle) {
            if (closing) {
                task.future.completeExceptionally(new ProfileClosedException());
            } else {
                queue.add(task);
            }
        }
        return task.future;
    }

    /** Submits {@code op} and waits for its commit. Must not be called on the writer thread. */
    <T> T call(WriteOp<T> op) throws StorageException {
        if (isWriterThread()) {
            throw new IllegalStateException("Blocking storage call on the storage writer thread would deadlock");
        }
        CompletableFuture<T> future = submit(op);
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("Interrupted while waiting for the profile to save.", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof StorageException se ? se : SqlErrors.unexpected((Exception) e.getCause());
        }
    }

    boolean isWriterThread() {
        return Thread.currentThread() == thread;
    }

    /**
     * Stops accepting work, waits until everything queued before is committed and the connection is closed.
     * Called on the writer thread itself (from a completion callback) it only initiates the shutdown.
     */
    void close() {
        synchronized (lifecycle) {
            if (!closing) {
                closing = true;
                queue.add(STOP);
            }
        }
        if (!isWriterThread()) {
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

    private void run() {
        List<Task<?>> batch = new ArrayList<>(MAX_BATCH);
        boolean stop = false;
        try {
            while (!stop) {
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
                stop = batch.remove(STOP);
                if (!batch.isEmpty()) {
                    GroupCommit.run(session, batch);
                    afterCommit.run();
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            LOG.error("Storage writer interrupted; pending writes fail");
        } catch (RuntimeException | Error e) {
            LOG.error("Storage writer failed; pending writes fail", e);
        } finally {
            shutDown(batch);
        }
    }

    private void shutDown(List<Task<?>> unfinished) {
        synchronized (lifecycle) {
            closing = true;
        }
        queue.drainTo(unfinished);
        for (Task<?> task : unfinished) {
            if (task != STOP) {
                task.fail(new ProfileClosedException());
            }
        }
        session.close();
    }

    /** One queued operation and its future. Touched by the writer thread only, except the future. */
    static final class Task<T> {
        final WriteOp<T> op;
        final CompletableFuture<T> future = new CompletableFuture<>();
        /** Whether its commit must reach the disk before the future completes ({@link #submit}). */
        final boolean durable;
        private T result;

        Task(WriteOp<T> op, boolean durable) {
            this.op = op;
            this.durable = durable;
        }

        void apply(SqlSession session) throws SQLException, StorageException {
            result = op.apply(session);
        }

        void complete() {
            future.complete(result);
        }

        void fail(Exception e) {
            future.completeExceptionally(SqlErrors.unexpected(e));
        }

        boolean isDone() {
            return future.isDone();
        }
    }
}
