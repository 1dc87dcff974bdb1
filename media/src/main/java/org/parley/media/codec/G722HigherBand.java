package org.parley.media.codec;

import static org.parley.media.codec.G722Arithmetic.clamp;
import static org.parley.media.codec.G722Arithmetic.magnitude;
import static org.parley.media.codec.G722Arithmetic.saturate;

/**
 * The higher sub-band ADPCM of G.722: a 2-bit code per 8 kHz sample. Blocks of the recommendation:
 * SUBTRA and QUANTH (one decision level at 564·Δ/4096 either side of zero), INVQAH (levels
 * ±1616 and ±7408 in units of Δ/32768), LOGSCH and SCALEH ({@link G722Scale}), the predictor
 * ({@link G722Predictor}) and LIMIT for the decoder's output.
 *
 * <p>Codes: 3 small positive, 2 large positive, 1 small negative, 0 large negative.
 *
 * <p>One instance is either an encoder's or a decoder's band; not thread-safe; no allocation.
 */
final class G722HigherBand {
  private static final int DECISION = 564;
  /** Output level of each code in units of Δ/32768. */
  private static final int[] LEVELS = {-7408, -1616, 7408, 1616};
  /** The log scale factor step of each code (WH through RIL2: large +798, small −214). */
  private static final int[] LOG_STEPS = {798, -214, 798, -214};

  private final G722Scale scale = G722Scale.higherBand();
  private final G722Predictor predictor = new G722Predictor();

  /** Encodes the higher sub-band sample xH (15-bit) and returns its 2-bit code. */
  int encode(int xh) {
    int e = saturate(xh - predictor.estimate());
    boolean large = magnitude(e) >= (DECISION * scale.step()) >> 12;
    int code = e >= 0 ? (large ? 2 : 3) : (large ? 0 : 1);
    decode(code);
    return code;
  }

  /** Decodes a 2-bit code and returns rH, the reconstructed higher sub-band sample (15-bit). */
  int decode(int code) {
    int d = (scale.step() * LEVELS[code]) >> 15;
    scale.adapt(LOG_STEPS[code]);
    int r = predictor.update(d);
    return clamp(r, -16384, 16383);
  }
}
