package org.parley.app.presence;

/**
 * The capability of turning the user's own presence into a body for PUBLISH (RFC 3903) or a peer-to-peer NOTIFY.
 * Implementations are pure and thread-safe.
 */
public interface PresenceEncoding {
    /** The Content-Type of {@link #encode}'s result. */
    String contentType();

    /** The body octets. */
    byte[] encode(Publication publication);
}
