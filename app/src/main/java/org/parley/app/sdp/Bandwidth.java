package org.parley.app.sdp;

/**
 * A {@code b=} line (RFC 8866 §5.8), for example {@code b=AS:64}.
 *
 * @param type  the bandwidth type token ({@code AS}, {@code CT}, {@code TIAS}, …)
 * @param value the value in the type's unit (kilobits per second for AS and CT)
 */
public record Bandwidth(String type, long value) {
    public Bandwidth {
        if (!Tokens.isToken(type) || value < 0) {
            throw new IllegalArgumentException("Invalid bandwidth " + type + ":" + value);
        }
    }
}
