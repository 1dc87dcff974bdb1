package org.parley.app.sdp;

/**
 * The first {@code t=} line (RFC 8866 §5.9); {@code 0 0} for the unbounded sessions that SIP sets up.
 *
 * @param start NTP start time in seconds, 0 for unbounded
 * @param stop  NTP stop time in seconds, 0 for unbounded
 */
public record Timing(long start, long stop) {
    public static final Timing UNBOUNDED = new Timing(0, 0);

    public Timing {
        if (start < 0 || stop < 0) {
            throw new IllegalArgumentException("Negative time");
        }
    }
}
