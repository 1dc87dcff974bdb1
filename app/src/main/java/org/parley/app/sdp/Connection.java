package org.parley.app.sdp;

/**
 * A {@code c=} line (RFC 8866 §5.7).
 *
 * @param netType  {@code IN}
 * @param addrType {@code IP4} or {@code IP6}
 * @param address  an IPv4/IPv6 literal or a host name; multicast suffixes ({@code /ttl/count}) are kept as written
 */
public record Connection(String netType, String addrType, String address) {
    public Connection {
        if (!Tokens.isToken(netType) || !Tokens.isToken(addrType) || !Tokens.isVisible(address)) {
            throw new IllegalArgumentException("Invalid connection " + netType + " " + addrType + " " + address);
        }
    }

    /** An {@code IN IP4}/{@code IN IP6} connection, the type taken from the address (a host name counts as IP4). */
    public static Connection in(String address) {
        return new Connection("IN", address.indexOf(':') >= 0 ? "IP6" : "IP4", address);
    }

    /**
     * Whether this is the RFC 2543 "hold" address {@code 0.0.0.0} (or the IPv6 unspecified address): RTP and RTCP must
     * not be sent to it (RFC 3264 §8.4).
     */
    public boolean isUnspecified() {
        return address.equals("0.0.0.0") || address.equals("::") || address.equals("0:0:0:0:0:0:0:0");
    }
}
