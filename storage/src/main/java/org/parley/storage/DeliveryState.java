package org.parley.storage;

/** Where a message stands. Outgoing: QUEUED → SENT | STORED_OFFLINE | FAILED. Incoming: RECEIVED. */
public enum DeliveryState {
    /** Written to the outbox, not yet acknowledged by the server. */
    QUEUED,
    /** 2xx (other than 202) from the network: delivered to a device of the peer. */
    SENT,
    /** 202 Accepted: the server stored it for an offline peer. */
    STORED_OFFLINE,
    /** Final failure; {@link MessageRecord#stateReason()} says why. */
    FAILED,
    /** An incoming message. */
    RECEIVED
}
