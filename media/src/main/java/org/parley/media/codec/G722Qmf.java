package org.parley.media.codec;

/**
 * The transmit and receive quadrature mirror filters of ITU-T G.722: 24 symmetric
 * taps h0…h23 in units of 2^-13, splitting 16 kHz audio into a lower and a higher 8 kHz sub-band and
 * joining them again.
 *
 * <p>Levels: Parley's PCM is 16-bit, the recommendation's is 14-bit uniform PCM, and its sub-band
 * signals are 15-bit (the interface its test sequences use). So the transmit filter takes 16-bit
 * samples and shifts its sums by 14, the receive filter shifts by 11 and saturates to 16 bits: a
 * signal passes at unity gain, at the same sub-band levels as other 16-bit implementations (which
 * is what keeps the bit stream interoperable).
 *
 * <p>Each instance belongs to one encoder or decoder; not thread-safe; no allocation after
 * construction.
 */
final class G722Qmf {
  /** h0…h11; h(23 − i) = h(i). */
  private static final int[] H = {3, -11, -11, 53, 12, -156, 32, 362, -210, -805, 951, 3876};

  static final int TAPS = 24;

  private G722Qmf() {}

  /** h(i) for i in 0…23. */
  static int tap(int i) {
    return H[i < 12 ? i : TAPS - 1 - i];
  }

  /**
   * Transmit QMF: takes input samples two at a time and gives xL and xH for each pair.
   * xA = Σ h(2i)·x(j − 2i), xB = Σ h(2i+1)·x(j − 2i − 1), i = 0…11, with x(j) the newer sample of
   * the pair; xL = xA + xB, xH = xA − xB.
   */
  static final class Transmit {
    /** x(j − k) at [k], k = 0…23. */
    private final int[] history = new int[TAPS];
    private int low;
    private int high;

    /** Filters the pair (older, newer); read the result with {@link #low()} and {@link #high()}. */
    void split(int older, int newer) {
      System.arraycopy(history, 0, history, 2, TAPS - 2);
      history[1] = older;
      history[0] = newer;
      int a = 0;
      int b = 0;
      for (int i = 0; i < 12; i++) {
        a += tap(2 * i) * history[2 * i];
        b += tap(2 * i + 1) * history[2 * i + 1];
      }
      low = (a + b) >> 14;
      high = (a - b) >> 14;
    }

    int low() {
      return low;
    }

    int high() {
      return high;
    }
  }

  /**
   * Receive QMF: takes the reconstructed rL and rH of one 8 kHz instant and gives two output samples.
   * xd = rL − rH, xs = rL + rH; xout1 = Σ h(2i)·xd(j − i) is output first, xout2 = Σ h(2i+1)·xs(j − i)
   * second, i = 0…11.
   */
  static final class Receive {
    /** xd(j − i) at [i] and xs(j − i) at [i], i = 0…11. */
    private final int[] difference = new int[12];
    private final int[] sum = new int[12];

    /** Writes the two output samples for (rL, rH) to {@code out[at]} and {@code out[at + 1]}. */
    void join(int rl, int rh, short[] out, int at) {
      System.arraycopy(difference, 0, difference, 1, 11);
      System.arraycopy(sum, 0, sum, 1, 11);
      difference[0] = rl - rh;
      sum[0] = rl + rh;
      int first = 0;
      int second = 0;
      for (int i = 0; i < 12; i++) {
        first += tap(2 * i) * difference[i];
        second += tap(2 * i + 1) * sum[i];
      }
      out[at] = G722Arithmetic.saturate(first >> 11);
      out[at + 1] = G722Arithmetic.saturate(second >> 11);
    }
  }
}
