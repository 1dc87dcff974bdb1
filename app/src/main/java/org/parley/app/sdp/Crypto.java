package org.parley.app.sdp;

import java.util.Optional;

/**
 * The shape of an {@code a=crypto} value (RFC 4568 §9.1): {@code <tag> <crypto-suite> <key-params> [<session-params>]}.
 * Only the tag and suite are interpreted here; key and session parameters stay text for the SRTP layer.
 *
 * @param tag    a decimal number of up to 9 digits that pairs an offered line with its answer
 * @param suite  the crypto suite, e.g. {@code AES_CM_128_HMAC_SHA1_80}
 * @param params the key parameters and any session parameters, as written
 */
public record Crypto(int tag, String suite, String params) {
    public Crypto {
        if (tag < 0 || tag > 999_999_999 || !Tokens.isVisible(suite) || params.isEmpty() || !Tokens.isText(params)) {
            throw new IllegalArgumentException("Invalid crypto line");
        }
    }

    /** Reads a crypto value; empty if it does not have a numeric tag, a suite and key parameters. */
    public static Optional<Crypto> parse(String value) {
        String[] parts = value.split(" ", 3);
        if (parts.length < 3 || parts[2].isEmpty()) {
            return Optional.empty();
        }
        long tag = Tokens.number(parts[0], 0, 999_999_999);
        if (tag < 0 || !Tokens.isVisible(parts[1])) {
            return Optional.empty();
        }
        return Optional.of(new Crypto((int) tag, parts[1], parts[2]));
    }

    /** The same suite and parameters under another tag (an answer takes the tag of the offered line it accepts). */
    public Crypto withTag(int newTag) {
        return new Crypto(newTag, suite, params);
    }

    public String value() {
        return tag + " " + suite + " " + params;
    }
}
