package org.parley.media.codec;

/**
 * The 16-bit two's complement arithmetic G.722's fixed-point description is written in: results are
 * saturated to −32768…32767, and a "sign" is the sign bit (zero counts as positive).
 */
final class G722Arithmetic {
  private G722Arithmetic() {}

  static short saturate(int value) {
    return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, value));
  }

  /** The sign bit of a 16-bit value: true for negative. */
  static boolean negative(int value) {
    return value < 0;
  }

  /**
   * The magnitude a G.722 quantiser compares: the value itself when positive, its ones' complement
   * when negative (so −1 counts as 0), as the recommendation forms it from the sign bit.
   */
  static int magnitude(int value) {
    return value >= 0 ? value : -(value + 1);
  }

  static int clamp(int value, int min, int max) {
    return Math.max(min, Math.min(max, value));
  }
}
