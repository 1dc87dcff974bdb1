package org.parley.app.sdp;

import java.util.Objects;
import java.util.Optional;

/**
 * One {@code a=} line (RFC 8866 §5.13): a property ({@code a=sendonly}) or a value ({@code a=rtpmap:0 PCMU/8000}).
 *
 * @param name  the attribute name, an RFC 8866 token (case as written)
 * @param value the text after the first colon, if any (may be empty when written as {@code a=name:})
 */
public record Attribute(String name, Optional<String> value) {
    public Attribute {
        if (!Tokens.isToken(name)) {
            throw new IllegalArgumentException("Attribute name is not a token: " + name);
        }
        Objects.requireNonNull(value);
        value.ifPresent(v -> {
            if (!Tokens.isText(v)) {
                throw new IllegalArgumentException("Attribute value contains NUL, CR or LF");
            }
        });
    }

    /** A property attribute such as {@code a=recvonly}. */
    public static Attribute flag(String name) {
        return new Attribute(name, Optional.empty());
    }

    /** A value attribute such as {@code a=ptime:20}. */
    public static Attribute of(String name, String value) {
        return new Attribute(name, Optional.of(value));
    }

    /** The attribute as it appears after {@code a=}. */
    @Override
    public String toString() {
        return value.map(v -> name + ":" + v).orElse(name);
    }
}
