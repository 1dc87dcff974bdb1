package org.parley.media.srtp;

/**
 * The 64-packet sliding replay list of RFC 3711 section 3.3.2 over a non-negative packet index
 * (48-bit SRTP index or 31-bit SRTCP index): remembers the highest index accepted and which of the
 * 63 indices below it were seen. Not thread-safe: owned by one stream's receive context.
 */
final class ReplayWindow {
  static final int SIZE = 64;

  private boolean empty = true;
  private long highest;
  private long seen;

  /** Whether {@code index} is neither a replay nor older than the window. Changes nothing. */
  boolean accepts(long index) {
    if (index < 0) {
      return false;
    }
    if (empty || index > highest) {
      return true;
    }
    long behind = highest - index;
    return behind < SIZE && (seen & (1L << behind)) == 0;
  }

  /** Records an authenticated {@code index} that {@link #accepts(long)} allowed. */
  void record(long index) {
    if (empty) {
      empty = false;
      highest = index;
      seen = 1L;
    } else if (index > highest) {
      long ahead = index - highest;
      seen = ahead >= SIZE ? 1L : (seen << ahead) | 1L;
      highest = index;
    } else {
      seen |= 1L << (highest - index);
    }
  }

  void reset() {
    empty = true;
    highest = 0;
    seen = 0;
  }
}
