package org.parley.media.codec;

/**
 * ITU-T G.711 µ-law companding between 16-bit linear PCM and 8-bit code words. The 14-bit linear
 * range of G.711 is used shifted left by two, so decoded values are those of G.711 Table 2a times
 * four (full scale ±32124). Stateless and allocation-free.
 */
public final class MuLaw {
  private static final int BIAS = 0x84; // 33 in G.711's 14-bit units
  private static final int CLIP = 32635; // largest magnitude that still fits segment 7 after the bias
  private static final short[] DECODED = new short[256];

  static {
    for (int code = 0; code < 256; code++) {
      DECODED[code] = compute(code);
    }
  }

  private MuLaw() {}

  /** The code word for one linear sample (the encoder's output byte, bits already inverted). */
  public static byte encode(short sample) {
    int sign = (sample >> 8) & 0x80;
    int magnitude = sign != 0 ? -sample : sample;
    if (magnitude > CLIP) {
      magnitude = CLIP;
    }
    magnitude += BIAS;
    int segment = 24 - Integer.numberOfLeadingZeros(magnitude); // bit 7 is segment 0
    int mantissa = (magnitude >> (segment + 3)) & 0x0F;
    return (byte) ~(sign | (segment << 4) | mantissa);
  }

  /** The linear sample a code word stands for. Code 0x7F ("negative zero") decodes to 0. */
  public static short decode(byte code) {
    return DECODED[code & 0xFF];
  }

  private static short compute(int code) {
    int u = ~code & 0xFF;
    int segment = (u >> 4) & 0x07;
    int magnitude = ((((u & 0x0F) << 3) + BIAS) << segment) - BIAS;
    return (short) ((u & 0x80) != 0 ? -magnitude : magnitude);
  }
}
