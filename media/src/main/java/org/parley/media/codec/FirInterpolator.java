package org.parley.media.codec;

import java.util.Arrays;

/**
 * Raises the rate by an integer factor: zero-stuffing followed by a {@link WindowedSinc} low-pass,
 * computed as a polyphase filter bank (one short filter per output phase, no multiplications by the
 * stuffed zeros).
 */
final class FirInterpolator implements Resampler {
  private final int factor;
  private final int delay;
  private final float[][] phases; // phases[p][j]: weight of the j-th of the last span inputs, oldest first
  private final int span;
  private final float[] window;
  private int position;

  FirInterpolator(int factor) {
    this.factor = factor;
    float[] taps = WindowedSinc.forFactor(factor);
    this.delay = (taps.length - 1) / 2;
    this.span = (taps.length + factor - 1) / factor;
    this.phases = new float[factor][span];
    for (int p = 0; p < factor; p++) {
      for (int k = 0; k < span; k++) {
        int tap = p + k * factor;
        phases[p][span - 1 - k] = tap < taps.length ? factor * taps[tap] : 0f;
      }
    }
    this.window = new float[2 * span];
  }

  @Override
  public int process(short[] in, int offset, int length, short[] out, int outOffset) {
    int written = 0;
    for (int i = 0; i < length; i++) {
      float x = in[offset + i];
      window[position] = x;
      window[position + span] = x;
      position = position + 1 == span ? 0 : position + 1;
      for (int p = 0; p < factor; p++) {
        float[] h = phases[p];
        float acc = 0;
        for (int k = 0; k < span; k++) {
          acc += h[k] * window[position + k];
        }
        out[outOffset + written++] = WindowedSinc.clamp(acc);
      }
    }
    return written;
  }

  @Override
  public int maxOutput(int inputLength) {
    return inputLength * factor;
  }

  @Override
  public int delay() {
    return delay;
  }

  @Override
  public void reset() {
    Arrays.fill(window, 0f);
    position = 0;
  }
}
