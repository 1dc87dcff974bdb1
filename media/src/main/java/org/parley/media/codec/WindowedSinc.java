package org.parley.media.codec;

/**
 * Linear-phase low-pass FIR design: an ideal low-pass (sinc) cut to an odd length and shaped by a
 * Kaiser window. Used by the resamplers at construction time only.
 */
final class WindowedSinc {
  /** Taps per unit of the rate factor; 48 gives about 70 dB stop band with {@link #BETA}. */
  static final int TAPS_PER_FACTOR = 48;
  /** Cut-off as a share of the low rate's Nyquist frequency (3.7 kHz at 8 kHz). */
  static final double CUTOFF_OF_NYQUIST = 0.925;
  /** Kaiser shape: larger trades a wider transition for a deeper stop band. */
  static final double BETA = 7.0;

  private WindowedSinc() {}

  /** The low-pass for a rate change by {@code factor}, at the high rate, with a DC gain of one. */
  static float[] forFactor(int factor) {
    int length = TAPS_PER_FACTOR * factor + 1;
    double cutoff = CUTOFF_OF_NYQUIST / (2.0 * factor); // cycles per high-rate sample
    return lowPass(length, cutoff, BETA);
  }

  static float[] lowPass(int length, double cutoff, double beta) {
    double[] h = new double[length];
    double middle = (length - 1) / 2.0;
    double sum = 0;
    double norm = besselI0(beta);
    for (int i = 0; i < length; i++) {
      double t = i - middle;
      double sinc = t == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * t) / (Math.PI * t);
      double r = t / middle;
      double window = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / norm;
      h[i] = sinc * window;
      sum += h[i];
    }
    float[] taps = new float[length];
    for (int i = 0; i < length; i++) {
      taps[i] = (float) (h[i] / sum);
    }
    return taps;
  }

  /** The zeroth-order modified Bessel function of the first kind, by its power series. */
  static double besselI0(double x) {
    double sum = 1;
    double term = 1;
    double quarterSquare = x * x / 4;
    for (int k = 1; k < 50 && term > 1e-12 * sum; k++) {
      term *= quarterSquare / ((double) k * k);
      sum += term;
    }
    return sum;
  }

  static short clamp(float v) {
    int r = Math.round(v);
    return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, r));
  }
}
