package org.parley.media.rtp;

/**
 * The RTCP report interval of RFC 3550 section 6.3.1 and appendix A.7, without timer
 * reconsideration (a two-party call has no group that grows or shrinks in bursts). Stateless.
 */
public final class RtcpInterval {
  /** The recommended fixed minimum, in seconds (section 6.2). */
  public static final double MIN_SECONDS = 5.0;

  private static final double SENDER_BANDWIDTH_FRACTION = 0.25;
  private static final double RECEIVER_BANDWIDTH_FRACTION = 1 - SENDER_BANDWIDTH_FRACTION;
  /** e - 3/2: makes the randomised interval average out to the deterministic one. */
  private static final double COMPENSATION = Math.E - 1.5;

  private RtcpInterval() {}

  /**
   * The interval until the next report, in seconds.
   *
   * @param members members of the session, ourselves included
   * @param senders members that sent RTP since the last two reports
   * @param rtcpBandwidth octets per second for RTCP (5 % of the session bandwidth)
   * @param weSent whether we sent RTP since the last two reports
   * @param averageRtcpSize average compound RTCP size in octets, UDP and IP headers included
   * @param initial true before our first report (halves the minimum)
   * @param minimumSeconds the fixed minimum, normally {@link #MIN_SECONDS}
   * @param random a uniform value in [0, 1)
   */
  public static double seconds(
      int members,
      int senders,
      double rtcpBandwidth,
      boolean weSent,
      double averageRtcpSize,
      boolean initial,
      double minimumSeconds,
      double random) {
    double minimum = initial ? minimumSeconds / 2 : minimumSeconds;
    double bandwidth = rtcpBandwidth;
    int n = members;
    if (senders <= members * SENDER_BANDWIDTH_FRACTION) {
      if (weSent) {
        bandwidth *= SENDER_BANDWIDTH_FRACTION;
        n = senders;
      } else {
        bandwidth *= RECEIVER_BANDWIDTH_FRACTION;
        n -= senders;
      }
    }
    double t = averageRtcpSize * n / bandwidth;
    if (t < minimum) {
      t = minimum;
    }
    return t * (random + 0.5) / COMPENSATION;
  }

  /** The running average of RTCP packet sizes (section 6.3.3): 1/16 of the new, 15/16 of the old. */
  public static double averageSize(double average, int packetSize) {
    return packetSize / 16.0 + average * 15.0 / 16.0;
  }
}
