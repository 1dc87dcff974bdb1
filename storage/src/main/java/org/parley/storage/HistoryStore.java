package org.parley.storage;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Messages, the outbox and full-text search.
 *
 * <p>Threading: writes are queued to the profile's single writer thread; the returned future completes
 * (on that thread) once the change is committed to disk, so "acknowledged" means "durable". Reads may be
 * called from any thread and do not wait for queued writes that have not committed yet. Never call
 * {@code join()} on a returned future from a media thread.
 */
public interface HistoryStore {

    /** Stores a new outgoing message as QUEUED (this is the outbox entry). {@code sipKey} is the Call-ID to keep. */
    CompletableFuture<MessageRecord> appendOutgoing(String account, String peer, String body, String sipKey);

    /**
     * Stores an incoming message unless one with the same {@code (account, sipKey)} is already stored.
     * Completes with empty for a duplicate.
     */
    CompletableFuture<Optional<MessageRecord>> appendIncoming(String account, String peer, String body,
                                                              String sipKey);

    /**
     * Moves a message to a new state; {@code reason} is null unless FAILED. The future completes once the change is
     * committed: readers see it and it survives a crash of the app, but unlike the appends it is not waited onto
     * the disk, so a power loss or OS crash can undo it until the next append (or a checkpoint) syncs the
     * history. A message that falls back to QUEUED that way is sent again, and receivers drop the duplicate
     * (decision 0010).
     */
    CompletableFuture<Void> updateState(long id, DeliveryState state, String reason);

    /** Outgoing messages of {@code account} still QUEUED, oldest first. */
    List<MessageRecord> pendingOutgoing(String account) throws StorageException;

    /** Messages with {@code peer}, newest first, with id below {@code beforeId} (use Long.MAX_VALUE to start). */
    List<MessageRecord> conversation(String account, String peer, long beforeId, int limit) throws StorageException;

    Optional<MessageRecord> find(long id) throws StorageException;

    /**
     * Full-text search over all bodies (FTS5 query syntax is escaped: the text is searched as words,
     * a trailing word matches as a prefix). Best matches first.
     */
    List<SearchHit> search(String text, int limit) throws StorageException;

    /**
     * Conversations of {@code account}, most recent activity first. The default implementation exists only so
     * that test doubles written before this method was added keep compiling; the real store overrides it.
     */
    default List<ConversationRecord> conversations(String account) throws StorageException {
        throw new UnsupportedOperationException("conversations() is not implemented by " + getClass().getName());
    }
}
