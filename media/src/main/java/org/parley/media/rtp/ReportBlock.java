package org.parley.media.rtp;

/**
 * One reception report block of an SR or RR (RFC 3550 section 6.4.1).
 *
 * @param ssrc the source this block reports on
 * @param fractionLost lost since the previous report, in 1/256 (0..255)
 * @param cumulativeLost total lost, 24-bit signed (-8388608..8388607)
 * @param extendedHighestSequence cycles in the high 16 bits, highest sequence in the low 16
 * @param jitter interarrival jitter in timestamp units
 * @param lastSenderReport middle 32 bits of the last SR's NTP timestamp, 0 if none
 * @param delaySinceLastSenderReport in 1/65536 s, 0 if no SR yet
 */
public record ReportBlock(
    int ssrc,
    int fractionLost,
    int cumulativeLost,
    long extendedHighestSequence,
    long jitter,
    long lastSenderReport,
    long delaySinceLastSenderReport) {

  public ReportBlock {
    if (fractionLost < 0 || fractionLost > 255) {
      throw new IllegalArgumentException("fraction lost " + fractionLost);
    }
    if (cumulativeLost < -0x800000 || cumulativeLost > 0x7FFFFF) {
      throw new IllegalArgumentException("cumulative lost " + cumulativeLost);
    }
  }

  /** Fraction lost as a percentage. */
  public double fractionLostPercent() {
    return fractionLost * 100.0 / 256.0;
  }
}
