package org.parley.storage.sqlite;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.parley.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one batch of {@link WriterThread.Task}s as a single transaction: SAVEPOINT per task, one COMMIT,
 * futures completed only after the COMMIT returned. A batch without a durable task commits at
 * {@code synchronous=NORMAL} and puts the connection back to {@code FULL} afterwards. Called on the writer thread
 * only.
 */
final class GroupCommit {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private GroupCommit() {
    }

    static void run(SqlSession session, List<WriterThread.Task<?>> batch) {
        boolean sync = batch.stream().anyMatch(task -> task.durable);
        if (!sync) {
            try {
                session.execute("PRAGMA synchronous = NORMAL");
            } catch (SQLException e) {
                sync = true; // then this batch is simply synced
            }
        }
        try {
            commit(session, batch);
        } finally {
            if (!sync) {
                restoreFullSync(session);
            }
        }
    }

    private static void restoreFullSync(SqlSession session) {
        try {
            session.execute("PRAGMA synchronous = FULL");
        } catch (SQLException e) {
            // Setting a pragma outside a transaction does no I/O; if even that fails the connection is unusable
            // and the next batch fails with it.
            LOG.error("Could not restore synchronous=FULL on the write connection", e);
            throw new IllegalStateException("storage write connection lost its durability setting", e);
        }
    }

    private static void commit(SqlSession session, List<WriterThread.Task<?>> batch) {
        List<WriterThread.Task<?>> applied = new ArrayList<>(batch.size());
        try {
            session.execute("BEGIN IMMEDIATE");
            for (WriterThread.Task<?> task : batch) {
                session.execute("SAVEPOINT op");
                try {
                    task.apply(session);
                    session.execute("RELEASE op");
                    applied.add(task);
                } catch (SQLException | StorageException | RuntimeException e) {
                    // If SQLite already rolled back the whole transaction this throws and fails the batch below.
                    session.execute("ROLLBACK TO op");
                    session.execute("RELEASE op");
                    task.fail(e);
                }
            }
            session.execute("COMMIT");
        } catch (SQLException e) {
            LOG.warn("Write transaction of {} operations failed", batch.size(), e);
            rollbackQuietly(session);
            StorageException failure = SqlErrors.map(e);
            for (WriterThread.Task<?> task : batch) {
                if (!task.isDone()) {
                    task.fail(failure);
                }
            }
            return;
        }
        for (WriterThread.Task<?> task : applied) {
            task.complete();
        }
    }

    private static void rollbackQuietly(SqlSession session) {
        try {
            session.execute("ROLLBACK");
        } catch (SQLException e) {
            LOG.debug("ROLLBACK after a failed write: {}", e.getMessage()); // SQLite had already rolled back
        }
    }
}
