package org.parley.app.sdp;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * A file's hash as written in an RFC 5547 {@code hash:} selector: {@code <algorithm>:<HEX>:<HEX>:…}, the bytes as
 * upper-case hexadecimal pairs separated by colons. Immutable (the byte array is copied both ways).
 *
 * @param algorithm the IANA hash name, lower case ({@code sha-256}, {@code sha-1})
 */
public record FileHash(String algorithm, byte[] value) {
    private static final int MAX_BYTES = 64;

    public FileHash {
        algorithm = algorithm.toLowerCase(Locale.ROOT);
        if (!Tokens.isToken(algorithm) || algorithm.indexOf(':') >= 0 || value.length == 0 || value.length > MAX_BYTES) {
            throw new IllegalArgumentException("Invalid file hash");
        }
        value = value.clone();
    }

    /** A SHA-256 hash. */
    public static FileHash sha256(byte[] digest) {
        return new FileHash("sha-256", digest);
    }

    /** Reads {@code sha-256:AB:CD:…}; empty when it is not that shape (hex is accepted in either case). */
    public static Optional<FileHash> parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String algorithm = text.substring(0, colon);
        String[] pairs = text.substring(colon + 1).split(":", -1);
        if (!Tokens.isToken(algorithm) || pairs.length > MAX_BYTES) {
            return Optional.empty();
        }
        byte[] bytes = new byte[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            if (pairs[i].length() != 2 || !isHex(pairs[i].charAt(0)) || !isHex(pairs[i].charAt(1))) {
                return Optional.empty();
            }
            bytes[i] = (byte) Integer.parseInt(pairs[i], 16);
        }
        return Optional.of(new FileHash(algorithm, bytes));
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** Whether {@code digest} is this hash's value (constant time). */
    public boolean matches(byte[] digest) {
        return java.security.MessageDigest.isEqual(value, digest);
    }

    /** Lower-case hex without separators, for logs, events and history. */
    public String hex() {
        return HexFormat.of().formatHex(value);
    }

    /** The selector text after {@code hash:}. */
    public String text() {
        return algorithm + ":" + HexFormat.ofDelimiter(":").withUpperCase().formatHex(value);
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileHash h && h.algorithm.equals(algorithm) && Arrays.equals(h.value, value);
    }

    @Override
    public int hashCode() {
        return algorithm.hashCode() * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return text();
    }
}
