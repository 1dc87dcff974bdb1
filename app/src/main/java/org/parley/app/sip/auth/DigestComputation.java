package org.parley.app.sip.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The digest arithmetic of RFC 2617 / RFC 7616 (and RFC 2069 when no qop is used). Pure functions,
 * thread-safe. Strings are hashed as UTF-8; digests are lower-case hex.
 */
final class DigestComputation {
    private static final HexFormat HEX = HexFormat.of();

    private DigestComputation() {
    }

    /**
     * The {@code response} parameter.
     *
     * @param qop    "auth", "auth-int", or null for RFC 2069 style (then {@code cnonce}/{@code nc} are unused)
     * @param nc     the nonce count as sent: 8 hex digits
     * @param body   the message body for auth-int (null means empty)
     */
    static String response(DigestAlgorithm algorithm, String username, char[] password, String realm,
                           String nonce, String method, String uri, String qop, String cnonce, String nc,
                           byte[] body) {
        return responseFromHa1(algorithm, ha1(algorithm, username, password, realm), nonce, method, uri, qop,
                cnonce, nc, body);
    }

    /** {@link #response} from a precomputed H(username ":" realm ":" password) of {@code algorithm}'s hash. */
    static String responseFromHa1(DigestAlgorithm algorithm, String ha1, String nonce, String method, String uri,
                                  String qop, String cnonce, String nc, byte[] body) {
        if (algorithm.isSession()) {
            ha1 = hash(algorithm, ha1 + ":" + nonce + ":" + cnonce);
        }
        String a2 = method + ":" + uri;
        if ("auth-int".equals(qop)) {
            a2 = a2 + ":" + HEX.formatHex(algorithm.newDigest().digest(body == null ? new byte[0] : body));
        }
        String ha2 = hash(algorithm, a2);
        if (qop == null) {
            return hash(algorithm, ha1 + ":" + nonce + ":" + ha2);
        }
        return hash(algorithm, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }

    /** H(username ":" realm ":" password), wiping the encoded password bytes afterwards. */
    static String ha1(DigestAlgorithm algorithm, String username, char[] password, String realm) {
        MessageDigest md = algorithm.newDigest();
        md.update((username + ":" + realm + ":").getBytes(StandardCharsets.UTF_8));
        ByteBuffer pw = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        try {
            md.update(pw.duplicate());
        } finally {
            if (pw.hasArray()) {
                Arrays.fill(pw.array(), (byte) 0);
            }
        }
        return HEX.formatHex(md.digest());
    }

    /** The nonce count as sent: 8 lower-case hex digits. */
    static String nonceCount(long count) {
        String hex = Long.toHexString(count);
        return hex.length() >= 8 ? hex : "00000000".substring(hex.length()) + hex;
    }

    static String hash(DigestAlgorithm algorithm, String text) {
        return HEX.formatHex(algorithm.newDigest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
