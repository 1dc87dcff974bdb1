package org.parley.app.sdp;

import java.util.Optional;

/**
 * The value of {@code a=rtcp:<port> [IN IP4 <address>]} (RFC 3605): where the author receives RTCP when it is not
 * the RTP port + 1.
 *
 * @param port       1–65535
 * @param connection the address, when given (otherwise the stream's connection address)
 */
public record Rtcp(int port, Optional<Connection> connection) {
    public Rtcp {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Invalid RTCP port " + port);
        }
    }

    /** Reads an rtcp value; empty if it is malformed or the port is out of range. */
    public static Optional<Rtcp> parse(String value) {
        String[] parts = value.split(" ", -1);
        if (parts.length != 1 && parts.length != 4) {
            return Optional.empty();
        }
        long port = Tokens.number(parts[0], 0, 65535);
        if (port < 0) {
            return Optional.empty();
        }
        if (parts.length == 1) {
            return Optional.of(new Rtcp((int) port, Optional.empty()));
        }
        if (!Tokens.isToken(parts[1]) || !Tokens.isToken(parts[2]) || !Addresses.isValid(parts[2], parts[3])) {
            return Optional.empty();
        }
        return Optional.of(new Rtcp((int) port, Optional.of(new Connection(parts[1], parts[2], parts[3]))));
    }

    public String value() {
        return connection.map(c -> port + " " + c.netType() + " " + c.addrType() + " " + c.address())
                .orElse(String.valueOf(port));
    }
}
