package org.parley.media.codec;

/**
 * Decodes any number of G.711 bytes (one sample each, so packets of any duration up to the size of
 * the caller's buffer) and conceals losses by {@link WaveformRepetition}.
 */
final class G711Decoder implements AudioDecoder {
  private final boolean muLaw;
  private final int frameSamples;
  private final WaveformRepetition concealment;

  G711Decoder(boolean muLaw, int sampleRate) {
    this.muLaw = muLaw;
    this.frameSamples = sampleRate / 50;
    this.concealment = new WaveformRepetition(sampleRate);
  }

  @Override
  public int decode(byte[] payload, int offset, int length, short[] pcm) {
    if (length > pcm.length) {
      throw new IllegalArgumentException(
          "G.711 payload of " + length + " samples exceeds the buffer of " + pcm.length);
    }
    if (muLaw) {
      for (int i = 0; i < length; i++) {
        pcm[i] = MuLaw.decode(payload[offset + i]);
      }
    } else {
      for (int i = 0; i < length; i++) {
        pcm[i] = ALaw.decode(payload[offset + i]);
      }
    }
    concealment.received(pcm, length);
    return length;
  }

  @Override
  public int conceal(short[] pcm) {
    concealment.conceal(pcm, frameSamples);
    return frameSamples;
  }
}
