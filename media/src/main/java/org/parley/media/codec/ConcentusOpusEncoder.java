package org.parley.media.codec;

import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusEncoder;
import io.github.jaredmdobson.concentus.OpusException;
import io.github.jaredmdobson.concentus.OpusSignal;

/**
 * Mono VOIP-mode Opus encoder: {@link OpusCodec#BITRATE}, complexity {@link OpusCodec#COMPLEXITY},
 * in-band FEC planned for {@link OpusCodec#EXPECTED_LOSS_PERCENT}% loss, no DTX.
 *
 * <p>Allocation: this wrapper allocates nothing, but Concentus allocates its scratch arrays inside
 * every {@code encode} (about 110–140 KB per 20 ms frame), so this encoder does not meet {@link
 * AudioEncoder}'s no-allocation rule; see {@code docs/media.md}.
 */
final class ConcentusOpusEncoder implements AudioEncoder {
  /** RFC 6716: no Opus frame is longer than 1275 bytes. */
  private static final int MAX_PACKET = 1275;

  private final OpusEncoder encoder;
  private final int frameSamples;

  ConcentusOpusEncoder(int sampleRate, int frameSamples) {
    this.frameSamples = frameSamples;
    try {
      encoder = new OpusEncoder(sampleRate, 1, OpusApplication.OPUS_APPLICATION_VOIP);
    } catch (OpusException e) {
      throw new IllegalStateException("Concentus refused a 48 kHz mono encoder", e);
    }
    encoder.setBitrate(OpusCodec.BITRATE);
    encoder.setComplexity(OpusCodec.COMPLEXITY);
    encoder.setSignalType(OpusSignal.OPUS_SIGNAL_VOICE);
    encoder.setUseInbandFEC(true);
    encoder.setPacketLossPercent(OpusCodec.EXPECTED_LOSS_PERCENT);
    encoder.setUseDTX(false);
  }

  /** @throws IllegalStateException if Concentus fails, which for valid frames it does not */
  @Override
  public int encode(short[] pcm, byte[] out, int offset) {
    int room = Math.min(MAX_PACKET, out.length - offset);
    try {
      return encoder.encode(pcm, 0, frameSamples, out, offset, room);
    } catch (OpusException e) {
      throw new IllegalStateException("Opus encoding failed: " + e.getMessage(), e);
    }
  }
}
