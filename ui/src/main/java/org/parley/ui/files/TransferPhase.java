package org.parley.ui.files;

/** Where a transfer row stands. Only {@link #ENDED} is final. */
public enum TransferPhase {
    /** Ours: the core is hashing the file; the offer is not sent yet. */
    PREPARING,
    /** Theirs: offered to us; we may accept or decline. */
    OFFERED,
    /** Ours: offered, the peer has not accepted yet. Theirs: accepted, no data yet. */
    WAITING,
    /** Bytes are flowing. */
    RUNNING,
    /** Finished one way or another (the state text says how). */
    ENDED
}
