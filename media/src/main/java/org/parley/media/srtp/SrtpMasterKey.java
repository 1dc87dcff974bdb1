package org.parley.media.srtp;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * One SRTP master key with its master salt and, when signalled, its master key identifier (MKI).
 * Immutable: the arrays are copied in and out. {@link #toString()} never shows key material.
 */
public final class SrtpMasterKey {
  private final byte[] key;
  private final byte[] salt;
  private final byte[] mki;

  /**
   * @param key the 16-byte master key
   * @param salt the 14-byte master salt
   * @param mki the MKI exactly as it is carried in each packet (big-endian, 1..128 bytes), or an
   *     empty array when packets carry no MKI
   */
  public SrtpMasterKey(byte[] key, byte[] salt, byte[] mki) {
    if (key.length != SrtpSuite.KEY_LENGTH) {
      throw new IllegalArgumentException("The master key must be 16 bytes.");
    }
    if (salt.length != SrtpSuite.SALT_LENGTH) {
      throw new IllegalArgumentException("The master salt must be 14 bytes.");
    }
    if (mki.length > 128) {
      throw new IllegalArgumentException("The MKI must be at most 128 bytes.");
    }
    this.key = key.clone();
    this.salt = salt.clone();
    this.mki = mki.clone();
  }

  /** A master key whose packets carry no MKI. */
  public SrtpMasterKey(byte[] key, byte[] salt) {
    this(key, salt, new byte[0]);
  }

  /** Splits the 30 bytes of an SDES {@code inline:} key-salt value into key and salt. */
  public static SrtpMasterKey fromKeySalt(byte[] keySalt, byte[] mki) {
    if (keySalt.length != SrtpSuite.KEY_LENGTH + SrtpSuite.SALT_LENGTH) {
      throw new IllegalArgumentException("The key and salt must be 30 bytes together.");
    }
    return new SrtpMasterKey(
        Arrays.copyOfRange(keySalt, 0, SrtpSuite.KEY_LENGTH),
        Arrays.copyOfRange(keySalt, SrtpSuite.KEY_LENGTH, keySalt.length),
        mki);
  }

  public byte[] key() {
    return key.clone();
  }

  public byte[] salt() {
    return salt.clone();
  }

  /** The MKI bytes carried in each packet; empty when there is none. */
  public byte[] mki() {
    return mki.clone();
  }

  /** The key followed by the salt, as an SDES {@code inline:} value encodes them. */
  public byte[] keySalt() {
    byte[] both = Arrays.copyOf(key, key.length + salt.length);
    System.arraycopy(salt, 0, both, key.length, salt.length);
    return both;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SrtpMasterKey other
        && Arrays.equals(key, other.key)
        && Arrays.equals(salt, other.salt)
        && Arrays.equals(mki, other.mki);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(key) + Arrays.hashCode(salt)) + Arrays.hashCode(mki);
  }

  @Override
  public String toString() {
    return mki.length == 0
        ? "SrtpMasterKey[redacted]"
        : "SrtpMasterKey[redacted, mki=" + new BigInteger(1, mki) + ":" + mki.length + "]";
  }
}
