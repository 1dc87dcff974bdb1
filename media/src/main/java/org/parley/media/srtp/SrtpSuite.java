package org.parley.media.srtp;

import java.util.Optional;

/**
 * The SRTP crypto suites Parley supports (RFC 4568 section 6.2): AES in counter mode with a 128-bit
 * key and a 112-bit salt, HMAC-SHA1 authentication with a 160-bit key. They differ only in the SRTP
 * tag length; SRTCP always carries an 80-bit tag.
 */
public enum SrtpSuite {
  AES_CM_128_HMAC_SHA1_80(10),
  AES_CM_128_HMAC_SHA1_32(4);

  /** Master and session cipher key length in bytes. */
  public static final int KEY_LENGTH = 16;
  /** Master and session salt length in bytes. */
  public static final int SALT_LENGTH = 14;
  /** Session authentication key length in bytes. */
  public static final int AUTH_KEY_LENGTH = 20;
  /** Largest number of SRTP packets one master key may protect (RFC 4568 section 6.2.1). */
  public static final long MAX_LIFETIME = 1L << 48;

  private final int rtpTagLength;

  SrtpSuite(int rtpTagLength) {
    this.rtpTagLength = rtpTagLength;
  }

  /** Authentication tag length of an SRTP packet, in bytes. */
  public int rtpTagLength() {
    return rtpTagLength;
  }

  /** Authentication tag length of an SRTCP packet, in bytes. */
  public int rtcpTagLength() {
    return 10;
  }

  /** The crypto-suite token of an SDES {@code a=crypto} line. */
  public String sdpName() {
    return name();
  }

  /** The suite an {@code a=crypto} token names, matched case-sensitively; empty if not supported. */
  public static Optional<SrtpSuite> bySdpName(String token) {
    for (SrtpSuite suite : values()) {
      if (suite.sdpName().equals(token)) {
        return Optional.of(suite);
      }
    }
    return Optional.empty();
  }
}
