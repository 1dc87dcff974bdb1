package org.parley.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * One finished file transfer as stored: what was transferred and how it ended, never the content nor where it
 * was saved (a path can be personal; the hash identifies the file for compliance).
 *
 * @param id        database id, increasing in insertion order
 * @param account   address of record of the local account
 * @param peer      address of record of the other side
 * @param direction OUT if we sent the file, IN if we received it
 * @param name      the file's name (the sanitised name for received files)
 * @param size      the offered size in bytes
 * @param sha256    the offered SHA-256, lower-case hex
 * @param outcome   the core's stable end code: "done", "declined", "cancelled", "refused", "quarantined", "failed"
 * @param ended     when the transfer ended (millisecond precision)
 */
public record TransferRecord(long id, String account, String peer, Direction direction, String name, long size,
                             String sha256, String outcome, Instant ended) {
    /** Every component is required; NullPointerException names the missing one. */
    public TransferRecord {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(ended, "ended");
    }
}
