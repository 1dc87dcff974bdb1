package org.parley.storage;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The list of finished calls, in the profile's encrypted database.
 *
 * <p>Threading as {@link HistoryStore}: {@link #record} is queued to the profile's single writer thread and its
 * future completes (on that thread) once the row is committed; dependent stages must not block, and media
 * threads must never wait on it. Reads may be called from any thread, use their own read connections and see
 * every committed write. {@link #remove} blocks until committed (it is rare and user-initiated). After the
 * profile is closed reads throw and writes fail with {@link ProfileClosedException}.
 */
public interface CallHistoryStore {

    /**
     * Stores one finished call. Instants are truncated to milliseconds; the returned record equals what later
     * reads return. Arguments must not be null (NullPointerException at the call).
     */
    CompletableFuture<CallRecord> record(String account, String peer, Direction direction, Instant started,
                                         Optional<Instant> answered, Instant ended, String endReason, String codec);

    /** Calls of every account, newest start first (ties: the later recorded first); at most {@code limit}. */
    List<CallRecord> recent(int limit) throws StorageException;

    /** Calls between {@code account} and {@code peer}, newest start first; at most {@code limit}. */
    List<CallRecord> with(String account, String peer, int limit) throws StorageException;

    /** Number of missed calls ({@link CallRecord#missed()}) of every account that started at or after {@code since}. */
    int missedSince(Instant since) throws StorageException;

    /** @return true if a call with this id existed and was removed */
    boolean remove(long id) throws StorageException;
}
