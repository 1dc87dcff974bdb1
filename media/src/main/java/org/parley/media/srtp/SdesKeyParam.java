package org.parley.media.srtp;

import java.math.BigInteger;
import java.util.Base64;
import java.util.OptionalLong;

/**
 * One SRTP key parameter of an {@code a=crypto} line (RFC 4568 section 6.1): {@code
 * inline:<base64 key||salt>[|lifetime][|mki-value:mki-length]}.
 *
 * @param masterKey the master key, salt and MKI
 * @param lifetime how many packets the key may protect, when signalled
 */
public record SdesKeyParam(SrtpMasterKey masterKey, OptionalLong lifetime) {

  public SdesKeyParam {
    if (lifetime.isPresent()
        && (lifetime.getAsLong() < 1 || lifetime.getAsLong() > SrtpSuite.MAX_LIFETIME)) {
      throw new IllegalArgumentException("The key lifetime must be between 1 and 2^48 packets.");
    }
  }

  /** A key parameter without lifetime. */
  public SdesKeyParam(SrtpMasterKey masterKey) {
    this(masterKey, OptionalLong.empty());
  }

  /** The key parameter as it is written in SDP; contains the secret key. */
  public String format() {
    StringBuilder text = new StringBuilder("inline:");
    text.append(Base64.getEncoder().encodeToString(masterKey.keySalt()));
    lifetime.ifPresent(n -> text.append('|').append(formatLifetime(n)));
    byte[] mki = masterKey.mki();
    if (mki.length > 0) {
      text.append('|').append(new BigInteger(1, mki)).append(':').append(mki.length);
    }
    return text.toString();
  }

  private static String formatLifetime(long packets) {
    return Long.bitCount(packets) == 1
        ? "2^" + Long.numberOfTrailingZeros(packets)
        : Long.toString(packets);
  }
}
