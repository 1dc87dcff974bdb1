package org.parley.uibench.storm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Proxy-Authorization value of RFC 2617 §3.2.2 for MD5 with {@code qop=auth}: the load generator's own digest
 * answer (the test server's realm and nonce, plain passwords). Bench plumbing; thread-safe (no state).
 */
final class DigestMd5 {
    private DigestMd5() {
    }

    /** A challenge as far as the generator needs it: realm and nonce of a {@code Proxy-Authenticate} header. */
    record Challenge(String realm, String nonce) {
        /** Reads {@code realm} and {@code nonce} out of a header value such as {@code Digest realm="x", nonce="y"}. */
        static Challenge parse(String header) {
            return new Challenge(param(header, "realm"), param(header, "nonce"));
        }

        private static String param(String header, String name) {
            int at = header.indexOf(name + "=\"");
            if (at < 0) {
                throw new IllegalArgumentException("no " + name + " in " + header);
            }
            int start = at + name.length() + 2;
            return header.substring(start, header.indexOf('"', start));
        }
    }

    /** The header value answering {@code challenge} for a request {@code method uri}; {@code nc} counts per nonce. */
    static String authorization(Challenge challenge, String user, String password, String method, String uri,
                                long nc) {
        String cnonce = Long.toHexString(ThreadLocalRandom.current().nextLong());
        String ncText = String.format("%08x", nc);
        String ha1 = md5(user + ":" + challenge.realm() + ":" + password);
        String ha2 = md5(method + ":" + uri);
        String response = md5(ha1 + ":" + challenge.nonce() + ":" + ncText + ":" + cnonce + ":auth:" + ha2);
        return "Digest username=\"" + user + "\", realm=\"" + challenge.realm() + "\", nonce=\"" + challenge.nonce()
                + "\", uri=\"" + uri + "\", response=\"" + response + "\", algorithm=MD5, cnonce=\"" + cnonce
                + "\", qop=auth, nc=" + ncText;
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
