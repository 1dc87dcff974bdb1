package org.parley.app.sip.auth;

/**
 * Who asked for credentials: the user agent server / registrar (401) or a proxy (407). Decides the header
 * names of challenge and answer (RFC 3261 §22.2 and §22.3).
 */
public enum DigestScope {
    /** 401 Unauthorized: {@code WWW-Authenticate} answered by {@code Authorization}. */
    SERVER("WWW-Authenticate", "Authorization"),
    /** 407 Proxy Authentication Required: {@code Proxy-Authenticate} answered by {@code Proxy-Authorization}. */
    PROXY("Proxy-Authenticate", "Proxy-Authorization");

    private final String challengeHeader;
    private final String answerHeader;

    DigestScope(String challengeHeader, String answerHeader) {
        this.challengeHeader = challengeHeader;
        this.answerHeader = answerHeader;
    }

    public String challengeHeader() {
        return challengeHeader;
    }

    public String answerHeader() {
        return answerHeader;
    }

    /** SERVER for 401, PROXY for 407. */
    public static DigestScope forStatus(int statusCode) {
        return switch (statusCode) {
            case 401 -> SERVER;
            case 407 -> PROXY;
            default -> throw new IllegalArgumentException("Not a challenge status: " + statusCode);
        };
    }
}
