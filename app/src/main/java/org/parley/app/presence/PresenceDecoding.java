package org.parley.app.presence;

/**
 * The capability of turning a received presence body (a NOTIFY's, RFC 3856) into what the contact list shows.
 * Implementations are pure and thread-safe.
 */
public interface PresenceDecoding {
    /**
     * @param entity the subscribed entity, reported in the result whatever the document claims
     * @param body   the body; empty means "nothing known" ({@link PresenceState#UNKNOWN})
     * @throws PresenceDocumentException if the body is refused (too large, hostile, malformed, not PIDF)
     */
    Presence decode(String entity, byte[] body) throws PresenceDocumentException;
}
