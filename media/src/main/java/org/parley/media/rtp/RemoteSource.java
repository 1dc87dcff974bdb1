package org.parley.media.rtp;

/**
 * The one remote source of a two-party session, as the media thread sees it: its SSRC, reception
 * statistics and what it last told us in RTCP. Owned by the media thread; not thread-safe.
 */
final class RemoteSource {
  final ReceptionStatistics stats;
  boolean known;
  int ssrc;
  /** The SSRC it had before a change; late packets of it are ignored. */
  boolean hasFormer;
  int formerSsrc;
  /** Middle 32 bits of the NTP time of its last SR, and when it arrived (System.nanoTime). */
  long lastSrMiddle;
  long lastSrArrivalNanos;
  /** From its last report block on our stream; negative when none. */
  double roundTripMillis = -1;
  double lossOfOursPercent = -1;
  /** Fraction lost we put in our last report, in percent. */
  double recentLossPercent;
  long receivedAtLastReport;

  RemoteSource(int clockRate) {
    stats = new ReceptionStatistics(clockRate);
  }

  /** Starts following {@code newSsrc}; statistics and SR state start over. */
  void follow(int newSsrc) {
    if (known) {
      hasFormer = true;
      formerSsrc = ssrc;
    }
    known = true;
    ssrc = newSsrc;
    stats.reset();
    lastSrMiddle = 0;
    lastSrArrivalNanos = 0;
    receivedAtLastReport = 0;
  }

  /** The source said BYE: forget it until a packet of another SSRC comes. */
  void left() {
    if (known) {
      hasFormer = true;
      formerSsrc = ssrc;
    }
    known = false;
  }

  boolean isFormer(int s) {
    return hasFormer && s == formerSsrc;
  }
}
