package org.parley.media.codec;

import static org.parley.media.codec.G722Arithmetic.clamp;
import static org.parley.media.codec.G722Arithmetic.negative;
import static org.parley.media.codec.G722Arithmetic.saturate;

/**
 * The adaptive pole-zero predictor of one G.722 sub-band (the same in both bands and at both ends):
 * two poles over the reconstructed signal r, six zeros over the quantised difference d, coefficients
 * in units of 2^-14, adapted by sign-sign rules. Blocks of the recommendation, in the order
 * {@link #update} runs them:
 *
 * <ul>
 *   <li>RECONS r = s + d, PARREC p = sz + d;
 *   <li>UPPOL2 a2 ← a2·(1 − 2^-7) + 2^-7·sgn(p)sgn(p(−2)) − 2^-7·f(a1)·sgn(p)sgn(p(−1)), f(a1) = 4·a1
 *       saturated, |a2| ≤ 0.75;
 *   <li>UPPOL1 a1 ← a1·(1 − 2^-8) + 3·2^-8·sgn(p)sgn(p(−1)), |a1| ≤ 0.9375 − a2;
 *   <li>UPZERO bi ← bi·(1 − 2^-8) + 2^-7·sgn(d)sgn(d(−i)), no step when d = 0;
 *   <li>DELAYA, then FILTEP sp = a1·r(−1) + a2·r(−2), FILTEZ sz = Σ bi·d(−i), PREDIC s = sp + sz.
 * </ul>
 *
 * <p>Each product is formed as (2x·c) >> 15 and saturated to 16 bits, as the fixed-point description
 * does, so that encoder and decoder (ours or another implementation's) stay in step bit for bit.
 * Not thread-safe; owned by one band.
 */
final class G722Predictor {
  private int a1;
  private int a2;
  /** bi and d(−i) at [i], i = 1…6 ([0] unused). */
  private final int[] zeros = new int[7];
  private final int[] differences = new int[7];
  private int partial1;
  private int partial2;
  private int reconstructed1;
  private int reconstructed2;
  private int zeroPart;
  private int estimate;

  /** s, the prediction of the sub-band signal at the current instant. */
  int estimate() {
    return estimate;
  }

  /**
   * Takes the quantised difference {@code d} of the current instant, adapts and predicts the next.
   *
   * @return r = s + d, the reconstructed signal of the current instant (saturated, not limited)
   */
  int update(int d) {
    int r = saturate(estimate + d);
    int p = saturate(zeroPart + d);
    boolean sameAsPrevious = negative(p) == negative(partial1);

    int f = saturate(a1 << 2);
    int pull = Math.min(sameAsPrevious ? -f : f, Short.MAX_VALUE) >> 7;
    int nextA2 = pull + (negative(p) == negative(partial2) ? 128 : -128) + ((a2 * 32512) >> 15);
    nextA2 = clamp(nextA2, -12288, 12288);

    int nextA1 = saturate((sameAsPrevious ? 192 : -192) + ((a1 * 32640) >> 15));
    int bound = saturate(15360 - nextA2);
    nextA1 = clamp(nextA1, -bound, bound);

    int step = d == 0 ? 0 : 128;
    for (int i = 1; i <= 6; i++) {
      int sign = negative(d) == negative(differences[i]) ? step : -step;
      zeros[i] = saturate(sign + ((zeros[i] * 32640) >> 15));
    }

    System.arraycopy(differences, 1, differences, 2, 5);
    differences[1] = d;
    partial2 = partial1;
    partial1 = p;
    reconstructed2 = reconstructed1;
    reconstructed1 = r;
    a1 = nextA1;
    a2 = nextA2;

    int polePart = saturate(product(a1, reconstructed1) + product(a2, reconstructed2));
    int sum = 0;
    for (int i = 1; i <= 6; i++) {
      sum += product(zeros[i], differences[i]);
    }
    zeroPart = saturate(sum);
    estimate = saturate(polePart + zeroPart);
    return r;
  }

  /** c·x for a coefficient in 2^-14 units, as (2x·c) >> 15. */
  private static int product(int coefficient, int x) {
    return (coefficient * saturate(x + x)) >> 15;
  }
}
