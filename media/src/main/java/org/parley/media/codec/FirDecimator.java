package org.parley.media.codec;

import java.util.Arrays;

/**
 * Lowers the rate by an integer factor: a {@link WindowedSinc} anti-aliasing low-pass evaluated only
 * at the kept samples. Input need not come in multiples of the factor; the phase carries over.
 */
final class FirDecimator implements Resampler {
  private final int factor;
  private final float[] taps;
  private final float[] window; // every input written twice, so the newest taps.length are contiguous
  private int position;
  private int phase;

  FirDecimator(int factor) {
    this.factor = factor;
    this.taps = WindowedSinc.forFactor(factor);
    this.window = new float[2 * taps.length];
  }

  @Override
  public int process(short[] in, int offset, int length, short[] out, int outOffset) {
    int n = taps.length;
    int written = 0;
    for (int i = 0; i < length; i++) {
      float x = in[offset + i];
      window[position] = x;
      window[position + n] = x;
      position = position + 1 == n ? 0 : position + 1;
      if (++phase == factor) {
        phase = 0;
        float acc = 0;
        for (int k = 0; k < n; k++) {
          acc += taps[k] * window[position + k];
        }
        out[outOffset + written++] = WindowedSinc.clamp(acc);
      }
    }
    return written;
  }

  @Override
  public int maxOutput(int inputLength) {
    return (inputLength + factor - 1) / factor;
  }

  @Override
  public int delay() {
    return (taps.length - 1) / 2 / factor;
  }

  @Override
  public void reset() {
    Arrays.fill(window, 0f);
    position = 0;
    phase = 0;
  }
}
