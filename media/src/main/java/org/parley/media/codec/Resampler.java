package org.parley.media.codec;

/**
 * Converts a stream of PCM between the pipeline's 48 kHz and a codec's rate by an integer factor.
 * Keeps filter state across calls, so a stream cut into frames gives exactly the samples the whole
 * stream would give in one call.
 *
 * <p>Not thread-safe: one media thread owns each instance (one per stream direction). Never
 * allocates after construction.
 */
public interface Resampler {

  /**
   * Converts {@code length} samples from {@code in[offset]} and writes the result to {@code out}
   * from {@code outOffset}.
   *
   * @return samples written, at most {@link #maxOutput(int) maxOutput(length)}
   */
  int process(short[] in, int offset, int length, short[] out, int outOffset);

  /** The most samples {@link #process} writes for {@code inputLength} input samples. */
  int maxOutput(int inputLength);

  /** Delay the filter adds, in output samples. */
  int delay();

  /** Forgets the stream so far (a new stream starts from silence). */
  void reset();

  /**
   * A resampler from {@code fromRate} to {@code toRate}, which must be equal or differ by an
   * integer factor (48000 ↔ 8000, 16000, 24000).
   *
   * @throws IllegalArgumentException for rates that are not integer multiples
   */
  static Resampler between(int fromRate, int toRate) {
    if (fromRate <= 0 || toRate <= 0) {
      throw new IllegalArgumentException("rates must be positive: " + fromRate + " → " + toRate);
    }
    if (fromRate == toRate) {
      return new PassThrough();
    }
    if (fromRate > toRate && fromRate % toRate == 0) {
      return new FirDecimator(fromRate / toRate);
    }
    if (toRate > fromRate && toRate % fromRate == 0) {
      return new FirInterpolator(toRate / fromRate);
    }
    throw new IllegalArgumentException("no integer ratio between " + fromRate + " and " + toRate);
  }
}
