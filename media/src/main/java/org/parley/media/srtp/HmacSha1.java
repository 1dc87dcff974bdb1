package org.parley.media.srtp;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HMAC-SHA1 (RFC 2104) over two reused SHA-1 digests, writing into a reused 20-byte result. The
 * JDK's {@code Mac} returns a fresh array from every {@code doFinal}; this one allocates nothing
 * after construction, which the media path requires.
 *
 * <p>Use: {@link #start()}, any number of updates, {@link #finish()}. Not thread-safe: one owner
 * thread at a time.
 */
final class HmacSha1 {
  static final int LENGTH = 20;
  private static final int BLOCK = 64;

  private final MessageDigest inner = sha1();
  private final MessageDigest outer = sha1();
  private final byte[] innerPad = new byte[BLOCK];
  private final byte[] outerPad = new byte[BLOCK];
  private final byte[] innerHash = new byte[LENGTH];
  private final byte[] result = new byte[LENGTH];

  /** @param key at most 64 bytes (SRTP's is 20) */
  HmacSha1(byte[] key) {
    if (key.length > BLOCK) {
      throw new IllegalArgumentException("An HMAC-SHA1 key longer than 64 bytes is not supported.");
    }
    for (int i = 0; i < BLOCK; i++) {
      byte k = i < key.length ? key[i] : 0;
      innerPad[i] = (byte) (k ^ 0x36);
      outerPad[i] = (byte) (k ^ 0x5c);
    }
  }

  void start() {
    inner.reset();
    inner.update(innerPad);
  }

  void update(byte[] buf, int off, int len) {
    inner.update(buf, off, len);
  }

  /** Adds four big-endian bytes: the ROC of SRTP or the E-flag and index word of SRTCP. */
  void updateInt(int value) {
    inner.update((byte) (value >>> 24));
    inner.update((byte) (value >>> 16));
    inner.update((byte) (value >>> 8));
    inner.update((byte) value);
  }

  /** The 20-byte HMAC; the array is reused and overwritten by the next {@code finish()}. */
  byte[] finish() {
    try {
      inner.digest(innerHash, 0, LENGTH);
      outer.reset();
      outer.update(outerPad);
      outer.update(innerHash);
      outer.digest(result, 0, LENGTH);
      return result;
    } catch (DigestException e) {
      throw new IllegalStateException("SHA-1 digest failed", e);
    }
  }

  private static MessageDigest sha1() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing from this JDK", e);
    }
  }
}
