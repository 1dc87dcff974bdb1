package org.parley.app.sdp;

import java.util.Optional;

/**
 * Checks the attributes Parley interprets; all others are accepted as written. Returns the problem as the end of a
 * sentence ("has a malformed a=rtpmap value"), or empty.
 */
final class AttributeSyntax {
    private AttributeSyntax() {
    }

    static Optional<String> problem(Attribute attribute, boolean mediaLevel) {
        String name = attribute.name();
        Optional<String> value = attribute.value();
        if (Direction.fromAttribute(name).isPresent()) {
            return value.isPresent() ? Optional.of("has a value on the property a=" + name) : Optional.empty();
        }
        boolean ok = switch (name) {
            case "rtpmap" -> value.flatMap(RtpMap::parse).isPresent();
            case "fmtp" -> value.map(AttributeSyntax::isFmtp).orElse(false);
            case "ptime", "maxptime" -> value.map(v -> Ptime.parse(v).isPresent()).orElse(false);
            case "rtcp" -> value.flatMap(Rtcp::parse).isPresent();
            case "crypto" -> value.flatMap(Crypto::parse).isPresent();
            default -> true;
        };
        return ok ? Optional.empty() : Optional.of("has a malformed a=" + name + " value");
    }

    /** {@code <format> <parameters>}: a format token, one space, then any non-empty text. */
    private static boolean isFmtp(String value) {
        int space = value.indexOf(' ');
        return space > 0 && space < value.length() - 1 && Tokens.isToken(value.substring(0, space));
    }
}
