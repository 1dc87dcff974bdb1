package org.parley.media.codec;

import static org.parley.media.codec.G722Arithmetic.clamp;
import static org.parley.media.codec.G722Arithmetic.magnitude;
import static org.parley.media.codec.G722Arithmetic.saturate;

/**
 * The lower sub-band ADPCM of G.722 in mode 1 (64 kbit/s): a 6-bit code per 8 kHz sample, of which
 * the predictor and the scale factor see only the 4 most significant bits (so that the 56 and
 * 48 kbit/s modes stay in step). Blocks of the recommendation: SUBTRA and QUANTL (encoding),
 * INVQAL (4-bit inverse for the predictor), INVQBL with the 6-bit levels and LIMIT (decoder output),
 * LOGSCL and SCALEL ({@link G722Scale}), the predictor ({@link G722Predictor}).
 *
 * <p>Quantiser intervals m = 1…30 are bounded by {@code DECISIONS[m − 1]·Δ/4096} and
 * {@code DECISIONS[m]·Δ/4096} (the last is open); their 6-bit codes are 62 − m when positive and
 * 63, 62, then 34 − m when negative; a code's output level is {@code ±LEVELS6[m]·Δ/32768}.
 *
 * <p>One instance is either an encoder's or a decoder's band; not thread-safe; no allocation.
 */
final class G722LowerBand {
  /** Decision levels in units of Δ/4096, for m = 1…29 (index 0 is the lower bound of m = 1). */
  private static final int[] DECISIONS = {0, 35, 72, 110, 150, 190, 233, 276, 323, 370, 422, 473,
      530, 587, 650, 714, 786, 858, 940, 1023, 1121, 1219, 1339, 1458, 1612, 1765, 1980, 2195, 2557,
      2919};
  /** 6-bit output levels in units of Δ/32768, for m = 1…30 ([0] unused). */
  private static final int[] LEVELS6 = {0, 136, 432, 728, 1040, 1360, 1688, 2032, 2400, 2776, 3168,
      3576, 4008, 4464, 4944, 5456, 6000, 6576, 7192, 7856, 8576, 9360, 10232, 11192, 12280, 13512,
      14984, 16704, 19008, 21904, 24808};
  /** 4-bit output levels in units of Δ/32768, by magnitude k = 0…7. */
  private static final int[] LEVELS4 = {0, 1200, 2584, 4240, 6288, 8968, 12896, 20456};
  /** The magnitude k = 0…7 of each 4-bit code (RIL4 → k); codes below 8 are negative. */
  private static final int[] MAGNITUDE4 = {0, 7, 6, 5, 4, 3, 2, 1, 7, 6, 5, 4, 3, 2, 1, 0};
  /** The log scale factor step by magnitude k (WL). */
  private static final int[] LOG_STEPS = {-60, -30, 58, 172, 334, 538, 1198, 3042};

  private static final int[] OUTPUT6 = new int[64];
  private static final int[] OUTPUT4 = new int[16];

  static {
    for (int m = 1; m <= 30; m++) {
      OUTPUT6[positiveCode(m)] = LEVELS6[m];
      OUTPUT6[negativeCode(m)] = -LEVELS6[m];
    }
    for (int code = 0; code < 4; code++) {
      OUTPUT6[code] = -LEVELS6[1]; // never sent by an encoder; the recommendation decodes them so
    }
    for (int code = 0; code < 16; code++) {
      OUTPUT4[code] = (code < 8 ? -1 : 1) * LEVELS4[MAGNITUDE4[code]];
    }
  }

  private final G722Scale scale = G722Scale.lowerBand();
  private final G722Predictor predictor = new G722Predictor();

  static int positiveCode(int m) {
    return 62 - m;
  }

  static int negativeCode(int m) {
    return m <= 2 ? 64 - m : 34 - m;
  }

  /** Encodes the lower sub-band sample xL (15-bit) and returns its 6-bit code. */
  int encode(int xl) {
    int e = saturate(xl - predictor.estimate());
    int size = magnitude(e);
    int step = scale.step();
    int m = 1;
    while (m < 30 && size >= (DECISIONS[m] * step) >> 12) {
      m++;
    }
    int code = e >= 0 ? positiveCode(m) : negativeCode(m);
    adapt(code);
    return code;
  }

  /** Decodes a 6-bit code and returns rL, the reconstructed lower sub-band sample (15-bit). */
  int decode(int code) {
    int output = saturate(predictor.estimate() + ((scale.step() * OUTPUT6[code]) >> 15));
    adapt(code);
    return clamp(output, -16384, 16383);
  }

  private void adapt(int code) {
    int code4 = code >> 2;
    int d = (scale.step() * OUTPUT4[code4]) >> 15;
    scale.adapt(LOG_STEPS[MAGNITUDE4[code4]]);
    predictor.update(d);
  }
}
