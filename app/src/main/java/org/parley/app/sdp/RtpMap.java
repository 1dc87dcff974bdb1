package org.parley.app.sdp;

import java.util.Optional;

/**
 * The value of {@code a=rtpmap:<pt> <encoding>/<clock rate>[/<channels>]} (RFC 8866 §6.6).
 *
 * @param payloadType 0–127
 * @param encoding    the encoding name as written ({@code PCMU}, {@code opus}, {@code telephone-event})
 * @param clockRate   the RTP clock rate in Hz, positive
 * @param channels    the number of audio channels, 1 when not written
 */
public record RtpMap(int payloadType, String encoding, int clockRate, int channels) {
    public RtpMap {
        if (payloadType < 0 || payloadType > 127 || !Tokens.isToken(encoding) || encoding.indexOf('/') >= 0
                || clockRate <= 0 || channels <= 0) {
            throw new IllegalArgumentException("Invalid rtpmap " + payloadType + " " + encoding);
        }
    }

    /** Reads an rtpmap value; empty if it is malformed or a number is out of range. */
    public static Optional<RtpMap> parse(String value) {
        int space = value.indexOf(' ');
        if (space <= 0) {
            return Optional.empty();
        }
        long pt = Tokens.number(value.substring(0, space), 0, 127);
        String[] parts = value.substring(space + 1).split("/", -1);
        if (pt < 0 || parts.length < 2 || parts.length > 3 || !Tokens.isToken(parts[0])) {
            return Optional.empty();
        }
        long rate = Tokens.number(parts[1], 1, Integer.MAX_VALUE);
        long channels = parts.length == 3 ? Tokens.number(parts[2], 1, 255) : 1;
        if (rate < 0 || channels < 0) {
            return Optional.empty();
        }
        return Optional.of(new RtpMap((int) pt, parts[0], (int) rate, (int) channels));
    }

    /** The value as written after {@code a=rtpmap:}; the channel count only when it is not 1. */
    public String value() {
        return payloadType + " " + encoding + "/" + clockRate + (channels == 1 ? "" : "/" + channels);
    }
}
