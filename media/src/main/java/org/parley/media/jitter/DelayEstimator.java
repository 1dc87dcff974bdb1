package org.parley.media.jitter;

import java.util.Arrays;

/**
 * Estimates the playout delay a stream needs from its packets' arrival times.
 *
 * <p>Each packet's transit (arrival minus media time) is compared with the smallest transit of the
 * last second: that difference is its delay variation, and a one-second baseline follows clock drift
 * between sender and receiver. The target is the larger of the 95th percentile of the last five
 * seconds' variations and a peak that follows spikes at once and forgets them slowly, plus a
 * margin; never less than one frame nor more than {@link #MAX_TARGET_MS}.
 *
 * <p>Not thread-safe: used under the jitter buffer's lock. Allocates only in its constructor.
 */
final class DelayEstimator {
  static final int MAX_TARGET_MS = 300;
  private static final int MARGIN_MS = 10;
  private static final int BASELINE_PACKETS = 50;
  private static final int PERCENTILE_PACKETS = 250;
  private static final double PEAK_DECAY_MS_PER_SECOND = 10.0;
  private static final int MAX_VARIATION_MS = 1000;

  private final long clockRate;
  private final int frameMs;
  private final long[] transits = new long[BASELINE_PACKETS];
  private final short[] variations = new short[PERCENTILE_PACKETS];
  private final int[] histogram = new int[MAX_VARIATION_MS + 1];
  private int transitCount;
  private int variationCount;
  private double peakMs;
  private long lastArrival;
  private int targetMs;

  DelayEstimator(int clockRate, int frameMs) {
    this.clockRate = clockRate;
    this.frameMs = frameMs;
    reset();
  }

  void reset() {
    Arrays.fill(histogram, 0);
    transitCount = 0;
    variationCount = 0;
    peakMs = 0;
    lastArrival = Long.MIN_VALUE;
    targetMs = frameMs;
  }

  /** @param timestamp the packet's RTP timestamp, extended past 32-bit wrap-around */
  void arrived(long timestamp, long arrivalNanos) {
    long transit = arrivalNanos - timestamp * 1_000_000_000L / clockRate;
    transits[transitCount++ % BASELINE_PACKETS] = transit;
    long baseline = Long.MAX_VALUE;
    for (int i = 0, n = Math.min(transitCount, BASELINE_PACKETS); i < n; i++) {
      baseline = Math.min(baseline, transits[i]);
    }
    int variationMs = (int) Math.min(MAX_VARIATION_MS, (transit - baseline) / 1_000_000L);

    int slot = variationCount++ % PERCENTILE_PACKETS;
    if (variationCount > PERCENTILE_PACKETS) {
      histogram[variations[slot]]--;
    }
    variations[slot] = (short) variationMs;
    histogram[variationMs]++;

    if (lastArrival != Long.MIN_VALUE) {
      double seconds = Math.max(0, arrivalNanos - lastArrival) / 1e9;
      peakMs = Math.max(0, peakMs - PEAK_DECAY_MS_PER_SECOND * seconds);
    }
    lastArrival = arrivalNanos;
    peakMs = Math.max(peakMs, variationMs);

    int wanted = (int) Math.ceil(Math.max(percentile95(), peakMs)) + MARGIN_MS;
    targetMs = Math.max(frameMs, Math.min(MAX_TARGET_MS, wanted));
  }

  /** The delay playout should aim for, in milliseconds. */
  int targetMs() {
    return targetMs;
  }

  private int percentile95() {
    int n = Math.min(variationCount, PERCENTILE_PACKETS);
    int rank = (int) Math.ceil(0.95 * n);
    int seen = 0;
    for (int ms = 0; ms <= MAX_VARIATION_MS; ms++) {
      seen += histogram[ms];
      if (seen >= rank) {
        return ms;
      }
    }
    return MAX_VARIATION_MS;
  }
}
