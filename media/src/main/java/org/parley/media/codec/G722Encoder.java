package org.parley.media.codec;

/**
 * Encodes 20 ms of 16 kHz PCM (320 samples) into 160 octets, one per pair of samples: the higher
 * sub-band's 2-bit code in the top bits, the lower sub-band's 6-bit code below (G.722 mode 1, the
 * octet layout RFC 3551 §4.5.2 carries). Not thread-safe: one media thread owns it; no allocation.
 */
final class G722Encoder implements AudioEncoder {
  private final int frameSamples;
  private final G722Qmf.Transmit qmf = new G722Qmf.Transmit();
  private final G722LowerBand lower = new G722LowerBand();
  private final G722HigherBand higher = new G722HigherBand();

  G722Encoder(int frameSamples) {
    this.frameSamples = frameSamples;
  }

  @Override
  public int encode(short[] pcm, byte[] out, int offset) {
    for (int i = 0; i < frameSamples; i += 2) {
      qmf.split(pcm[i], pcm[i + 1]);
      int low = lower.encode(qmf.low());
      int high = higher.encode(qmf.high());
      out[offset + i / 2] = (byte) (high << 6 | low);
    }
    return frameSamples / 2;
  }
}
