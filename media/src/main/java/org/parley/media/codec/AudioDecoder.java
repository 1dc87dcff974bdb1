package org.parley.media.codec;

/** Decodes one incoming stream. Not thread-safe: one media thread owns it. Must not allocate per call. */
public interface AudioDecoder {

  /**
   * Decodes one packet's payload into {@code pcm} at {@link Codec#sampleRate()}.
   *
   * @return samples written (a 20 ms packet gives {@link Codec#samplesPerFrame()})
   * @throws IllegalArgumentException for a payload that is not valid for this codec
   */
  int decode(byte[] payload, int offset, int length, short[] pcm);

  /** Fills one frame for a lost packet (packet-loss concealment). @return samples written */
  int conceal(short[] pcm);

  /**
   * Rebuilds a lost frame from the packet that followed it, when the codec carries forward error
   * correction (Opus in-band FEC). The default has none and conceals.
   *
   * @return samples written
   */
  default int recover(byte[] nextPayload, int offset, int length, short[] pcm) {
    return conceal(pcm);
  }
}
