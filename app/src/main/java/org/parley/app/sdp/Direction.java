package org.parley.app.sdp;

import java.util.Optional;

/**
 * The direction of a media stream from the point of view of the description's author (RFC 3264 §5.1, §6.1).
 * Absent direction attributes mean {@link #SENDRECV}.
 */
public enum Direction {
    SENDRECV(true, true),
    SENDONLY(true, false),
    RECVONLY(false, true),
    INACTIVE(false, false);

    private final boolean sends;
    private final boolean receives;

    Direction(boolean sends, boolean receives) {
        this.sends = sends;
        this.receives = receives;
    }

    public static Direction of(boolean sends, boolean receives) {
        return sends ? (receives ? SENDRECV : SENDONLY) : (receives ? RECVONLY : INACTIVE);
    }

    /** The direction named by an attribute ({@code sendonly} …), if the name is one of the four. */
    public static Optional<Direction> fromAttribute(String name) {
        for (Direction d : values()) {
            if (d.attributeName().equals(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /**
     * The direction to offer (RFC 3264 §8.4): hold is {@code sendonly}, or {@code inactive} when the other side
     * already holds us (our stream is then {@code recvonly}).
     *
     * @param localHold      the user has put the call on hold
     * @param heldByRemote   the other side's last description holds us (we may not send)
     */
    public static Direction forOffer(boolean localHold, boolean heldByRemote) {
        return of(!heldByRemote, !localHold);
    }

    public boolean sends() {
        return sends;
    }

    public boolean receives() {
        return receives;
    }

    /** The same stream seen from the other end: sendonly ↔ recvonly. */
    public Direction reverse() {
        return of(receives, sends);
    }

    /** What both allow. */
    public Direction and(Direction other) {
        return of(sends && other.sends, receives && other.receives);
    }

    /** The attribute name, e.g. {@code sendonly}. */
    public String attributeName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
