package org.parley.app.chat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** SIP From tags. Thread-safe. */
public final class Tags {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tags() {
    }

    /** A fresh random tag (64 bits, hex). */
    public static String random() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** The tag for a stored message: derived from its Call-ID so every re-send carries the same one. */
    static String forCallId(String callId) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(callId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
