package org.parley.media.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES in SRTP's counter mode (RFC 3711 section 4.1.1): XORs the keystream of a 128-bit IV whose low
 * 16 bits count blocks into a buffer, in place. Holds one reused ECB cipher and two buffers of
 * {@value #BATCH_BLOCKS} blocks, so it allocates nothing after construction.
 *
 * <p>Not thread-safe: one owner thread at a time.
 */
final class AesCounterMode {
  static final int BLOCK = 16;
  private static final int BATCH_BLOCKS = 64;
  private static final int MAX_BLOCKS = 1 << 16;

  private final Cipher aes;
  private final byte[] counters = new byte[BATCH_BLOCKS * BLOCK];
  private final byte[] keystream = new byte[BATCH_BLOCKS * BLOCK];

  AesCounterMode(byte[] key) {
    try {
      aes = Cipher.getInstance("AES/ECB/NoPadding");
      aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES is missing from this JDK", e);
    }
  }

  /**
   * Writes the SRTP IV of one packet into {@code iv}: {@code salt·2^16 XOR ssrc·2^64 XOR index·2^16}.
   *
   * @param salt the 14-byte session salt
   * @param index the 48-bit SRTP packet index or the 31-bit SRTCP index
   */
  static void packetIv(byte[] salt, int ssrc, long index, byte[] iv) {
    System.arraycopy(salt, 0, iv, 0, SrtpSuite.SALT_LENGTH);
    iv[14] = 0;
    iv[15] = 0;
    for (int i = 0; i < 4; i++) {
      iv[4 + i] ^= (byte) (ssrc >>> (24 - 8 * i));
    }
    for (int i = 0; i < 6; i++) {
      iv[8 + i] ^= (byte) (index >>> (40 - 8 * i));
    }
  }

  /**
   * XORs the keystream starting at {@code iv} (low 16 bits zero) into {@code buf[off, off+len)}.
   */
  void apply(byte[] iv, byte[] buf, int off, int len) {
    if (len > MAX_BLOCKS * BLOCK) {
      throw new IllegalArgumentException("A packet longer than 2^16 AES blocks cannot be encrypted.");
    }
    int block = 0;
    int done = 0;
    while (done < len) {
      int blocks = Math.min(BATCH_BLOCKS, (len - done + BLOCK - 1) / BLOCK);
      for (int b = 0; b < blocks; b++, block++) {
        int at = b * BLOCK;
        System.arraycopy(iv, 0, counters, at, 14);
        counters[at + 14] = (byte) (block >>> 8);
        counters[at + 15] = (byte) block;
      }
      encrypt(blocks * BLOCK);
      int n = Math.min(len - done, blocks * BLOCK);
      for (int i = 0; i < n; i++) {
        buf[off + done + i] ^= keystream[i];
      }
      done += n;
    }
  }

  private void encrypt(int bytes) {
    try {
      aes.update(counters, 0, bytes, keystream, 0);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES block encryption failed", e);
    }
  }
}
