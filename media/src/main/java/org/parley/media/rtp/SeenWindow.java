package org.parley.media.rtp;

/**
 * Remembers which of the last {@link #SIZE} extended sequence numbers arrived, to tell duplicates
 * from reordered packets. Fixed memory, no allocation after construction. Not thread-safe.
 */
final class SeenWindow {
  static final int SIZE = 1024;
  private final long[] bits = new long[SIZE / 64];
  private long highest = -1;

  void reset() {
    java.util.Arrays.fill(bits, 0);
    highest = -1;
  }

  /**
   * Marks {@code ext} as seen.
   *
   * @return false when it had been seen already; true for a new one (also for one too old to
   *     remember, which cannot be told apart)
   */
  boolean mark(long ext) {
    if (highest < 0 || ext > highest) {
      long gap = highest < 0 ? SIZE : ext - highest;
      if (gap >= SIZE) {
        java.util.Arrays.fill(bits, 0);
      } else {
        for (long s = highest + 1; s < ext; s++) {
          clear(s);
        }
      }
      highest = ext;
      set(ext);
      return true;
    }
    if (highest - ext >= SIZE) {
      return true;
    }
    if (get(ext)) {
      return false;
    }
    set(ext);
    return true;
  }

  private boolean get(long s) {
    int i = (int) (s & (SIZE - 1));
    return (bits[i >>> 6] & (1L << (i & 63))) != 0;
  }

  private void set(long s) {
    int i = (int) (s & (SIZE - 1));
    bits[i >>> 6] |= 1L << (i & 63);
  }

  private void clear(long s) {
    int i = (int) (s & (SIZE - 1));
    bits[i >>> 6] &= ~(1L << (i & 63));
  }
}
