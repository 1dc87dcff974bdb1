package org.parley.app.sdp;

import java.util.Objects;

/**
 * Parley's side of one SDP session (one call): the {@code o=} line and the last description sent. The session
 * version increases only when the description changes (RFC 3264 §8): a re-offer or answer identical to the previous
 * one keeps the version. Not thread-safe: owned by the call's state on the core thread.
 */
public final class SdpSession {
    private Origin origin;
    private SessionDescription last;

    /**
     * Starts at session version 1.
     *
     * @param sessionId a number unique to this session (RFC 8866 §5.2 suggests an NTP timestamp)
     * @param address   Parley's address for the {@code o=} line
     */
    public SdpSession(long sessionId, String address) {
        Connection c = Connection.in(address);
        this.origin = new Origin("-", Long.toUnsignedString(sessionId), 1, c.netType(),
                c.addrType(), address);
    }

    /** The origin that the next description will carry if it is unchanged. */
    public Origin origin() {
        return origin;
    }

    /**
     * The description to send: {@code draft} with this session's origin; the version is the previous one if the
     * draft is otherwise equal to the previous description, else one more. Remembers the result.
     */
    public SessionDescription stamp(SessionDescription draft) {
        Objects.requireNonNull(draft);
        SessionDescription same = draft.withOrigin(origin);
        if (last != null && !same.equals(last)) {
            origin = origin.withSessionVersion(origin.sessionVersion() + 1);
            same = draft.withOrigin(origin);
        }
        last = same;
        return same;
    }
}
