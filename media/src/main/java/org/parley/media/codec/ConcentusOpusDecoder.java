package org.parley.media.codec;

import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusException;

/**
 * Mono 48 kHz Opus decoder with Opus's own concealment and in-band FEC recovery. Packets longer
 * than the caller's buffer (e.g. 40 ms into a 20 ms frame) are refused as invalid.
 *
 * <p>Allocation: this wrapper allocates nothing on valid packets, but Concentus allocates its
 * scratch arrays inside every call (about 20–30 KB per decoded, concealed or FEC-rebuilt frame),
 * so this decoder does not meet {@link AudioDecoder}'s no-allocation rule; see {@code
 * docs/media.md}.
 */
final class ConcentusOpusDecoder implements AudioDecoder {
  private final OpusDecoder decoder;
  private final int frameSamples;

  ConcentusOpusDecoder(int sampleRate, int frameSamples) {
    this.frameSamples = frameSamples;
    try {
      decoder = new OpusDecoder(sampleRate, 1);
    } catch (OpusException e) {
      throw new IllegalStateException("Concentus refused a 48 kHz mono decoder", e);
    }
  }

  @Override
  public int decode(byte[] payload, int offset, int length, short[] pcm) {
    if (length <= 0) {
      throw new IllegalArgumentException("empty Opus payload");
    }
    try {
      return decoder.decode(payload, offset, length, pcm, 0, pcm.length, false);
    } catch (OpusException | RuntimeException e) {
      throw new IllegalArgumentException("invalid Opus payload: " + e.getMessage(), e);
    }
  }

  @Override
  public int conceal(short[] pcm) {
    try {
      return decoder.decode(null, 0, 0, pcm, 0, frameSamples, false);
    } catch (OpusException e) {
      throw new IllegalStateException("Opus concealment failed: " + e.getMessage(), e);
    }
  }

  /** Decodes the FEC copy of the lost frame carried in the next packet, or conceals without one. */
  @Override
  public int recover(byte[] nextPayload, int offset, int length, short[] pcm) {
    try {
      return decoder.decode(nextPayload, offset, length, pcm, 0, frameSamples, true);
    } catch (OpusException | RuntimeException e) {
      return conceal(pcm);
    }
  }
}
