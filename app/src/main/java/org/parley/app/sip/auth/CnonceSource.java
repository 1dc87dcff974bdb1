package org.parley.app.sip.auth;

import java.security.SecureRandom;
import java.util.function.Supplier;

/**
 * Client nonces for digest answers: 128 bits of {@link SecureRandom} output each, as 32 lower-case hex digits.
 *
 * <p>What a cnonce must be (RFC 7616 §3.4, §5.x): unique per request and unknown to the server until the
 * request is sent, so that a server cannot pick a nonce for a chosen-plaintext or precomputation attack on the
 * password hash. It is sent in clear text, so it need not stay secret afterwards. Every cnonce here is still a
 * fresh slice of the CSPRNG's output, independent of those before it (no counter, no reseeded weak PRNG): only
 * the cost is cut, by drawing {@value #BATCH} cnonces per call into the SecureRandom (which on Linux reads
 * {@code /dev/urandom} and takes a lock on every call) and handing them out one by one. Uniqueness is the
 * 128-bit birthday bound (a collision after ~2^64 answers).
 *
 * <p>Thread-safe (synchronized; uncontended in practice: one core thread per account). Unused random bytes are
 * overwritten as they are handed out.
 */
final class CnonceSource implements Supplier<String> {
    static final int BATCH = 256;
    private static final int BYTES = 16;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final SecureRandom random;
    private final byte[] pool = new byte[BATCH * BYTES];
    private int next = pool.length;

    CnonceSource() {
        this(new SecureRandom());
    }

    CnonceSource(SecureRandom random) {
        this.random = random;
    }

    @Override
    public synchronized String get() {
        if (next == pool.length) {
            random.nextBytes(pool);
            next = 0;
        }
        char[] out = new char[BYTES * 2];
        for (int i = 0; i < BYTES; i++) {
            int b = pool[next + i] & 0xff;
            out[2 * i] = HEX[b >>> 4];
            out[2 * i + 1] = HEX[b & 0x0f];
            pool[next + i] = 0;
        }
        next += BYTES;
        return new String(out);
    }
}
