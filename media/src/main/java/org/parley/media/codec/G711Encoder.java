package org.parley.media.codec;

/** One byte per sample; a frame is {@link Codec#samplesPerFrame()} samples. Stateless. */
final class G711Encoder implements AudioEncoder {
  private final boolean muLaw;
  private final int frameSamples;

  G711Encoder(boolean muLaw, int frameSamples) {
    this.muLaw = muLaw;
    this.frameSamples = frameSamples;
  }

  @Override
  public int encode(short[] pcm, byte[] out, int offset) {
    if (muLaw) {
      for (int i = 0; i < frameSamples; i++) {
        out[offset + i] = MuLaw.encode(pcm[i]);
      }
    } else {
      for (int i = 0; i < frameSamples; i++) {
        out[offset + i] = ALaw.encode(pcm[i]);
      }
    }
    return frameSamples;
  }
}
