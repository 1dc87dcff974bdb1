package org.parley.storage;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The list of finished file transfers, in the profile's encrypted database.
 *
 * <p>Threading as {@link CallHistoryStore}: {@link #record} is queued to the profile's writer and completes once
 * committed; reads may run on any thread and see every committed write.
 */
public interface TransferHistoryStore {

    /** Stores one finished transfer ({@code id} is ignored); the returned record carries the id. */
    CompletableFuture<TransferRecord> record(TransferRecord transfer);

    /** Transfers between {@code account} and {@code peer}, newest first; at most {@code limit}. */
    List<TransferRecord> with(String account, String peer, int limit) throws StorageException;

    /** Transfers of every account, newest first; at most {@code limit}. */
    List<TransferRecord> recent(int limit) throws StorageException;
}
