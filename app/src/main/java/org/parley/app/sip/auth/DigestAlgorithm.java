package org.parley.app.sip.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/**
 * Digest algorithms Parley can answer (RFC 7616 names, registered for SIP by RFC 8760).
 *
 * <p>Immutable and thread-safe; {@link #newDigest()} returns a fresh {@link MessageDigest} per call (a clone
 * of a prototype: the provider lookup of {@code MessageDigest.getInstance} is done once per algorithm).
 */
public enum DigestAlgorithm {
    MD5("MD5", "MD5", false, 1),
    MD5_SESS("MD5-sess", "MD5", true, 1),
    SHA_256("SHA-256", "SHA-256", false, 2),
    SHA_256_SESS("SHA-256-sess", "SHA-256", true, 2),
    SHA_512_256("SHA-512-256", "SHA-512/256", false, 3),
    SHA_512_256_SESS("SHA-512-256-sess", "SHA-512/256", true, 3);

    private final String token;
    private final String jcaName;
    private final boolean session;
    private final int strength;
    private final MessageDigest prototype;

    DigestAlgorithm(String token, String jcaName, boolean session, int strength) {
        this.token = token;
        this.jcaName = jcaName;
        this.session = session;
        this.strength = strength;
        this.prototype = prototypeOf(jcaName);
    }

    /** The value of the {@code algorithm} parameter, e.g. "SHA-256-sess". */
    public String token() {
        return token;
    }

    /** Whether this is a "-sess" variant (HA1 also covers nonce and cnonce; requires qop). */
    public boolean isSession() {
        return session;
    }

    /** Higher is stronger; variants of one hash function are equally strong. */
    public int strength() {
        return strength;
    }

    /** Looks up an {@code algorithm} parameter value, case-insensitively; empty when unsupported. */
    public static Optional<DigestAlgorithm> fromToken(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String t = token.trim().toUpperCase(Locale.ROOT);
        for (DigestAlgorithm a : values()) {
            if (a.token.toUpperCase(Locale.ROOT).equals(t)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The JCA name of the hash function, shared by a plain algorithm and its -sess variant. */
    String hashName() {
        return jcaName;
    }

    /** A new hash instance. Every Java 17 runtime provides MD5, SHA-256 and SHA-512/256. */
    public MessageDigest newDigest() {
        if (prototype != null) {
            try {
                return (MessageDigest) prototype.clone();
            } catch (CloneNotSupportedException e) {
                // a provider without clone support: look it up every time
            }
        }
        return lookUp(jcaName);
    }

    private static MessageDigest prototypeOf(String jcaName) {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            return null; // reported by newDigest(), when the algorithm is actually used
        }
    }

    private static MessageDigest lookUp(String jcaName) {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The Java runtime lacks " + jcaName, e);
        }
    }
}
