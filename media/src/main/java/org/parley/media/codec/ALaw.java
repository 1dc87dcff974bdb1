package org.parley.media.codec;

/**
 * ITU-T G.711 A-law companding between 16-bit linear PCM and 8-bit code words (even bits already
 * inverted, as sent on the wire). The 13-bit linear range of G.711 is used shifted left by three,
 * so decoded values are those of G.711 Table 1a times eight (full scale ±32256). Stateless and
 * allocation-free.
 */
public final class ALaw {
  private static final int POSITIVE = 0xD5; // sign bit set plus the even-bit inversion
  private static final int NEGATIVE = 0x55;
  private static final short[] DECODED = new short[256];

  static {
    for (int code = 0; code < 256; code++) {
      DECODED[code] = compute(code);
    }
  }

  private ALaw() {}

  /** The code word for one linear sample. */
  public static byte encode(short sample) {
    int mask;
    int magnitude;
    if (sample >= 0) {
      mask = POSITIVE;
      magnitude = sample >> 3;
    } else {
      mask = NEGATIVE;
      magnitude = ~sample >> 3; // one's complement keeps -8 in the cell of +8's mirror
    }
    int code;
    if (magnitude < 32) {
      code = magnitude >> 1;
    } else {
      int segment = 27 - Integer.numberOfLeadingZeros(magnitude); // bit 5 is segment 1
      code = (segment << 4) | ((magnitude >> segment) & 0x0F);
    }
    return (byte) (code ^ mask);
  }

  /** The linear sample a code word stands for (the midpoint of its quantization interval). */
  public static short decode(byte code) {
    return DECODED[code & 0xFF];
  }

  private static short compute(int code) {
    int a = (code ^ NEGATIVE) & 0xFF;
    int segment = (a >> 4) & 0x07;
    int magnitude = ((a & 0x0F) << 4) + 8;
    if (segment >= 1) {
      magnitude += 0x100;
    }
    if (segment > 1) {
      magnitude <<= segment - 1;
    }
    return (short) ((a & 0x80) != 0 ? magnitude : -magnitude);
  }
}
