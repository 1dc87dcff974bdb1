package org.parley.media.srtp;

/**
 * What one SSRC's cryptographic context remembers between packets (RFC 3711 section 3.2): the
 * rollover counter and highest sequence number for RTP index estimation, the replay window, and
 * the next SRTCP index when sending. Instances are preallocated by {@link SsrcTable} and reused.
 * Not thread-safe: owned by the transform that holds the table.
 */
final class StreamState {
  int ssrc;
  boolean inUse;
  long lastUse;
  /** Rollover counter: how many times the 16-bit sequence number has wrapped. */
  long roc;
  /** Highest sequence number seen in the current ROC (s_l). */
  int highestSeq;
  /** Next SRTCP index to send. */
  int nextRtcpIndex;
  final ReplayWindow window = new ReplayWindow();

  void claim(int newSsrc, long now) {
    ssrc = newSsrc;
    inUse = true;
    lastUse = now;
    roc = 0;
    highestSeq = 0;
    nextRtcpIndex = 0;
    window.reset();
  }

  /**
   * The 48-bit packet index of sequence number {@code seq} as RFC 3711 section 3.3.1 guesses it
   * from ROC and s_l; -1 when the guess would fall before index 0.
   */
  long estimateIndex(int seq) {
    long v;
    if (highestSeq < 0x8000) {
      v = seq - highestSeq > 0x8000 ? roc - 1 : roc;
    } else {
      v = highestSeq - 0x8000 > seq ? roc + 1 : roc;
    }
    return v < 0 || v > 0xFFFF_FFFFL ? -1 : (v << 16) | seq;
  }

  /** Moves ROC and s_l forward to an authenticated (or sent) packet index. */
  void advanceTo(long index) {
    long v = index >>> 16;
    int seq = (int) (index & 0xFFFF);
    if (v > roc) {
      roc = v;
      highestSeq = seq;
    } else if (v == roc && seq > highestSeq) {
      highestSeq = seq;
    }
  }
}
