package org.parley.app.sdp;

/**
 * The {@code o=} line (RFC 8866 §5.2): who made the description and which version of it this is.
 *
 * @param username       the originator's login, {@code -} when there is none
 * @param sessionId      digits that identify the session (kept as text: some agents use more than 64 bits)
 * @param sessionVersion increases whenever the description changes (RFC 3264 §8)
 * @param netType        {@code IN}
 * @param addrType       {@code IP4} or {@code IP6}
 * @param address        the originator's address or host name
 */
public record Origin(String username, String sessionId, long sessionVersion, String netType, String addrType,
        String address) {
    public Origin {
        require(Tokens.isVisible(username), "username");
        require(Tokens.isDigits(sessionId), "session id");
        require(sessionVersion >= 0, "session version");
        require(Tokens.isToken(netType), "network type");
        require(Tokens.isToken(addrType), "address type");
        require(Tokens.isVisible(address), "address");
    }

    /** The same origin with another session version. */
    public Origin withSessionVersion(long version) {
        return new Origin(username, sessionId, version, netType, addrType, address);
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("Invalid origin " + what);
        }
    }
}
