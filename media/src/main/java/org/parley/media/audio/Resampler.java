package org.parley.media.audio;

/**
 * Streaming sample-rate converter for any pair of integer rates (8, 16, 22.05, 44.1 kHz ↔ 48 kHz):
 * band-limited interpolation with a Blackman-windowed sinc of 16 zero crossings, cut off at 95 % of
 * the lower Nyquist frequency. The kernel is tabulated (256 points per input sample, linearly
 * interpolated, error below -90 dB), so any ratio costs the same. Output sample {@code k} is the
 * input signal at time {@code k * inRate / outRate}: no delay is added.
 *
 * <p>Threading: not thread-safe; one stream per instance. No allocation after construction.
 */
final class Resampler {
  private static final int ZERO_CROSSINGS = 16;
  private static final int TABLE_RESOLUTION = 256;
  private static final double CUTOFF = 0.95;

  private final int inRate;
  private final int outRate;
  private final int halfTaps;
  private final float[] kernel;
  private final float[] history;
  private final int mask;
  private long inCount;
  private long outBase;
  private int outRemainder;

  Resampler(int inRate, int outRate) {
    if (inRate <= 0 || outRate <= 0) {
      throw new IllegalArgumentException("rates must be positive: " + inRate + " → " + outRate);
    }
    this.inRate = inRate;
    this.outRate = outRate;
    double cutoff = CUTOFF * Math.min(1.0, (double) outRate / inRate);
    this.halfTaps = (int) Math.ceil(ZERO_CROSSINGS / cutoff);
    this.kernel = new float[halfTaps * TABLE_RESOLUTION + 2];
    for (int i = 0; i < kernel.length; i++) {
      double u = (double) i / TABLE_RESOLUTION;
      kernel[i] = (float) (u >= halfTaps ? 0.0 : cutoff * sinc(cutoff * u) * blackman(u / halfTaps));
    }
    this.history = new float[Integer.highestOneBit(4 * halfTaps + 4) * 2];
    this.mask = history.length - 1;
  }

  /** An upper bound on the outputs that {@code inputs} more input samples can produce. */
  int maxOutput(int inputs) {
    return (int) ((long) inputs * outRate / inRate) + 2;
  }

  /**
   * Feeds {@code n} input samples and writes the outputs they complete to {@code out}; returns how
   * many. {@code out} must hold {@link #maxOutput(int) maxOutput(n)} samples.
   */
  int process(float[] in, int n, float[] out) {
    int produced = 0;
    for (int i = 0; i < n; i++) {
      history[(int) (inCount & mask)] = in[i];
      inCount++;
      while (inCount > outBase + halfTaps) {
        out[produced++] = next();
      }
    }
    return produced;
  }

  /**
   * Ends the stream: writes the outputs that fall before the end of the input (at most {@link
   * #maxOutput(int) maxOutput(halfTaps)} of them, {@link #drainCapacity()}) and returns how many.
   */
  int drain(float[] out) {
    long end = inCount;
    int produced = 0;
    for (int i = 0; i <= halfTaps; i++) {
      history[(int) (inCount & mask)] = 0f;
      inCount++;
      while (inCount > outBase + halfTaps && outBase < end) {
        out[produced++] = next();
      }
    }
    return produced;
  }

  /** Capacity {@link #drain} needs. */
  int drainCapacity() {
    return maxOutput(halfTaps + 1);
  }

  private float next() {
    double frac = (double) outRemainder / outRate;
    double acc = 0;
    for (int k = 1 - halfTaps; k <= halfTaps; k++) {
      acc += history[(int) ((outBase + k) & mask)] * kernelAt(Math.abs(frac - k));
    }
    outRemainder += inRate;
    while (outRemainder >= outRate) {
      outRemainder -= outRate;
      outBase++;
    }
    return (float) acc;
  }

  private double kernelAt(double u) {
    double pos = u * TABLE_RESOLUTION;
    int i = (int) pos;
    if (i >= kernel.length - 1) {
      return 0;
    }
    double f = pos - i;
    return kernel[i] + f * (kernel[i + 1] - kernel[i]);
  }

  private static double sinc(double x) {
    return x == 0 ? 1.0 : Math.sin(Math.PI * x) / (Math.PI * x);
  }

  private static double blackman(double x) {
    return 0.42 + 0.5 * Math.cos(Math.PI * x) + 0.08 * Math.cos(2 * Math.PI * x);
  }
}
