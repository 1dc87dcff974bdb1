package org.parley.media.codec;

/**
 * The adaptive quantiser scale factor of one G.722 sub-band: the logarithmic factor ∇ (blocks LOGSCL
 * and LOGSCH of ITU-T G.722's computational description) leaks by 127/128 per sample and grows or shrinks by a
 * step chosen by the magnitude of the last code; the linear factor Δ (SCALEL / SCALEH) is 2^(∇ / 2048)
 * read from a 32-entry table of 2048·2^(i/32) and shifted into place.
 *
 * <p>The lower band keeps ∇ within 0…18432 and starts at Δ = 32, the higher band within 0…22528 and
 * starts at Δ = 8. Not thread-safe; owned by one band.
 */
final class G722Scale {
  /** ILB: 2048·2^(i/32), rounded, i = 0…31 (the recommendation's table of the same values). */
  private static final int[] ANTILOG = new int[32];

  static {
    for (int i = 0; i < ANTILOG.length; i++) {
      ANTILOG[i] = (int) Math.round(2048 * Math.pow(2, i / 32.0));
    }
  }

  private final int maxLog;
  private final int shiftBase;
  private int log;
  private int step;

  private G722Scale(int maxLog, int shiftBase) {
    this.maxLog = maxLog;
    this.shiftBase = shiftBase;
    this.step = linear(0);
  }

  static G722Scale lowerBand() {
    return new G722Scale(18432, 8);
  }

  static G722Scale higherBand() {
    return new G722Scale(22528, 10);
  }

  /** Δ, the factor the quantiser's decision and output levels are scaled by. */
  int step() {
    return step;
  }

  /** Adapts ∇ by {@code increment} (the W table entry for the last code) and recomputes Δ. */
  void adapt(int increment) {
    log = G722Arithmetic.clamp(((log * 127) >> 7) + increment, 0, maxLog);
    step = linear(log);
  }

  private int linear(int logFactor) {
    int mantissa = ANTILOG[(logFactor >> 6) & 31];
    int shift = shiftBase - (logFactor >> 11);
    int scaled = shift >= 0 ? mantissa >> shift : mantissa << -shift;
    return scaled << 2;
  }
}
