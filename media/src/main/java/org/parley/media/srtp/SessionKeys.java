package org.parley.media.srtp;

import java.util.Arrays;

/**
 * The session keys of one direction of SRTP or SRTCP, derived from a master key by the AES-CM
 * pseudo-random function of RFC 3711 section 4.3 with a key derivation rate of 0 (one derivation
 * for the life of the master key). Immutable.
 */
record SessionKeys(byte[] cipherKey, byte[] salt, byte[] authKey) {
  private static final int RTP_LABELS = 0;
  private static final int RTCP_LABELS = 3;

  static SessionKeys forRtp(SrtpMasterKey master) {
    return derive(master, RTP_LABELS);
  }

  static SessionKeys forRtcp(SrtpMasterKey master) {
    return derive(master, RTCP_LABELS);
  }

  private static SessionKeys derive(SrtpMasterKey master, int firstLabel) {
    byte[] key = master.key();
    byte[] salt = master.salt();
    byte[] cipherKey = prf(key, salt, firstLabel, SrtpSuite.KEY_LENGTH);
    byte[] authKey = prf(key, salt, firstLabel + 1, SrtpSuite.AUTH_KEY_LENGTH);
    byte[] sessionSalt = prf(key, salt, firstLabel + 2, SrtpSuite.SALT_LENGTH);
    Arrays.fill(key, (byte) 0);
    return new SessionKeys(cipherKey, sessionSalt, authKey);
  }

  /**
   * {@code length} bytes of the key derivation function for {@code label} at packet index 0: the
   * AES-CM keystream under the master key, starting at IV {@code (label·2^48 XOR salt)·2^16}.
   */
  static byte[] prf(byte[] masterKey, byte[] masterSalt, int label, int length) {
    byte[] iv = new byte[AesCounterMode.BLOCK];
    System.arraycopy(masterSalt, 0, iv, 0, SrtpSuite.SALT_LENGTH);
    iv[7] ^= (byte) label;
    byte[] out = new byte[length];
    new AesCounterMode(masterKey).apply(iv, out, 0, length);
    return out;
  }

  @Override
  public String toString() {
    return "SessionKeys[redacted]";
  }
}
