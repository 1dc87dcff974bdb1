package org.parley.media.jitter;

/**
 * Distribution of the time packets spend between arrival and playout, in 1 ms bins up to one
 * second (longer times count as one second). Not thread-safe: used under the jitter buffer's lock.
 */
final class AddedDelay {
  private static final int MAX_MS = 1000;
  private final long[] bins = new long[MAX_MS + 1];
  private long count;
  private double sumMs;

  void add(long nanos) {
    double ms = Math.max(0, nanos) / 1e6;
    bins[(int) Math.min(MAX_MS, ms)]++;
    sumMs += ms;
    count++;
  }

  double meanMs() {
    return count == 0 ? 0 : sumMs / count;
  }

  int p95Ms() {
    long rank = (long) Math.ceil(0.95 * count);
    long seen = 0;
    for (int ms = 0; ms <= MAX_MS; ms++) {
      seen += bins[ms];
      if (seen >= rank && count > 0) {
        return ms + 1; // upper edge of the bin
      }
    }
    return 0;
  }
}
