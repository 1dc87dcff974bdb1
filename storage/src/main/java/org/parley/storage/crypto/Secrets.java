package org.parley.storage.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Helpers for short-lived secret byte and char arrays. Stateless and thread-safe. */
public final class Secrets {
    private Secrets() {
    }

    /** Overwrites {@code secret} with zeros; null is ignored. */
    public static void wipe(byte[] secret) {
        if (secret != null) {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /**
     * The UTF-8 form of {@code chars} in a new array owned by the caller (who must {@link #wipe} it).
     * No intermediate String is made; the encoder's scratch buffer is wiped. Unpaired surrogates are
     * replaced consistently, so the same input always gives the same bytes.
     */
    public static byte[] utf8(char[] chars) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer buffer = ByteBuffer.allocate(chars.length * 3 + 4);
        try {
            encoder.encode(CharBuffer.wrap(chars), buffer, true);
            encoder.flush(buffer);
            return Arrays.copyOf(buffer.array(), buffer.position());
        } finally {
            Arrays.fill(buffer.array(), (byte) 0);
        }
    }

    /** Constant-time comparison of two secrets of equal length; false for different lengths. */
    public static boolean equal(byte[] a, byte[] b) {
        return java.security.MessageDigest.isEqual(a, b);
    }
}
