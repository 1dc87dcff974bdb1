package org.parley.media.codec;

/**
 * Decodes G.722 octets (any number, two 16 kHz samples each) and conceals a lost frame by
 * {@link WaveformRepetition}. During a loss the ADPCM state stands still; the next packet is decoded
 * from it, out of step with the far encoder until the leaky adaptation has pulled both states together
 * again (a decoder that missed a stream's first 40 ms gave identical output again after about 300 ms,
 * {@code G722CallTest}). The loss concealment appendices of the recommendation are not implemented.
 *
 * <p>Not thread-safe: one media thread owns it; no allocation after construction.
 */
final class G722Decoder implements AudioDecoder {
  private final int frameSamples;
  private final G722Qmf.Receive qmf = new G722Qmf.Receive();
  private final G722LowerBand lower = new G722LowerBand();
  private final G722HigherBand higher = new G722HigherBand();
  private final WaveformRepetition concealment;

  G722Decoder(int sampleRate) {
    this.frameSamples = sampleRate / 50;
    this.concealment = new WaveformRepetition(sampleRate);
  }

  @Override
  public int decode(byte[] payload, int offset, int length, short[] pcm) {
    if (2 * length > pcm.length) {
      throw new IllegalArgumentException(
          "G.722 payload of " + length + " octets exceeds the buffer of " + pcm.length + " samples");
    }
    for (int i = 0; i < length; i++) {
      int octet = payload[offset + i] & 0xFF;
      int rl = lower.decode(octet & 0x3F);
      int rh = higher.decode(octet >> 6);
      qmf.join(rl, rh, pcm, 2 * i);
    }
    concealment.received(pcm, 2 * length);
    return 2 * length;
  }

  @Override
  public int conceal(short[] pcm) {
    concealment.conceal(pcm, frameSamples);
    return frameSamples;
  }
}
