package org.parley.media.rtp;

/** RTCP packet type numbers (RFC 3550 section 12.1, RFC 3611 for XR). */
public final class RtcpPacketType {
  public static final int SR = 200;
  public static final int RR = 201;
  public static final int SDES = 202;
  public static final int BYE = 203;
  public static final int APP = 204;
  public static final int XR = 207;

  /** SDES item type of the canonical name. */
  public static final int SDES_CNAME = 1;

  private RtcpPacketType() {}

  /**
   * Whether a datagram on a multiplexed port is RTCP rather than RTP (RFC 5761 section 4): its
   * second byte is in 192..223.
   */
  public static boolean isRtcp(byte[] buf, int off, int len) {
    if (len < 2) {
      return false;
    }
    int b1 = buf[off + 1] & 0xFF;
    return b1 >= 192 && b1 <= 223;
  }
}
