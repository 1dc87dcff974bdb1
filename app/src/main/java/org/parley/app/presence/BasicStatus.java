package org.parley.app.presence;

/** A tuple's {@code <status><basic>} (RFC 3863 §4.1.4), or its absence. */
public enum BasicStatus {
    /** {@code open}: the contact address accepts communication. */
    OPEN,
    /** {@code closed}: it does not. */
    CLOSED,
    /** No {@code <basic>} element, or a value other than open/closed. */
    ABSENT
}
