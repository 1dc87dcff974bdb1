package org.parley.media.jitter;

import java.util.ArrayList;
import java.util.List;
import org.parley.media.codec.AudioDecoder;
import org.parley.media.codec.AudioEncoder;
import org.parley.media.codec.Codec;

/**
 * A fake codec for jitter-buffer tests: a payload carries the sender's frame number (4 bytes) and a
 * level (2 bytes); the decoder records what it was asked to do, and fills frames with the level.
 */
final class SequenceCodec implements Codec {
  /** What the decoders of this codec did, in order: +n decoded frame n, -n recovered n by FEC. */
  final List<Long> decodedFrames = new ArrayList<>();
  int concealments;
  int recoveries;
  int decodersCreated;

  static byte[] payload(long frame, int level) {
    return new byte[] {(byte) (frame >> 24), (byte) (frame >> 16), (byte) (frame >> 8), (byte) frame,
        (byte) (level >> 8), (byte) level};
  }

  static long frameOf(byte[] p, int off) {
    return ((p[off] & 0xFFL) << 24) | ((p[off + 1] & 0xFFL) << 16) | ((p[off + 2] & 0xFFL) << 8)
        | (p[off + 3] & 0xFFL);
  }

  @Override public String encodingName() { return "X-SEQ"; }
  @Override public int clockRate() { return 8000; }
  @Override public int sampleRate() { return 8000; }
  @Override public int rtpChannels() { return 1; }
  @Override public int staticPayloadType() { return -1; }
  @Override public String fmtp() { return ""; }
  @Override public AudioEncoder newEncoder() { throw new UnsupportedOperationException(); }

  @Override
  public AudioDecoder newDecoder() {
    decodersCreated++;
    return new AudioDecoder() {
      @Override
      public int decode(byte[] payload, int offset, int length, short[] pcm) {
        decodedFrames.add(frameOf(payload, offset));
        java.util.Arrays.fill(pcm, 0, samplesPerFrame(), (short) (((payload[offset + 4] & 0xFF) << 8) | (payload[offset + 5] & 0xFF)));
        return samplesPerFrame();
      }

      @Override
      public int conceal(short[] pcm) {
        concealments++;
        java.util.Arrays.fill(pcm, 0, samplesPerFrame(), (short) 0);
        return samplesPerFrame();
      }

      @Override
      public int recover(byte[] next, int offset, int length, short[] pcm) {
        recoveries++;
        decodedFrames.add(-(frameOf(next, offset) - 1));
        java.util.Arrays.fill(pcm, 0, samplesPerFrame(), (short) 100);
        return samplesPerFrame();
      }
    };
  }
}
