package org.parley.media.codec;

/** Encodes 20 ms frames for one outgoing stream. Not thread-safe: one media thread owns it. */
public interface AudioEncoder {

  /**
   * Encodes one frame of {@link Codec#samplesPerFrame()} samples at {@link Codec#sampleRate()}.
   * Must not allocate per call.
   *
   * @return the number of bytes written to {@code out} from {@code offset}
   */
  int encode(short[] pcm, byte[] out, int offset);
}
