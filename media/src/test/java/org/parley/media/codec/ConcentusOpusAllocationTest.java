package org.parley.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusEncoder;
import io.github.jaredmdobson.concentus.OpusException;
import io.github.jaredmdobson.concentus.OpusSignal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.lang.management.ManagementFactory;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Concentus allocates scratch arrays inside every encode and decode call (its port of libopus's
 * stack arrays: about 100 KB per encoded frame, 20–30 KB per decoded, concealed or FEC-rebuilt
 * frame); that cannot be removed without forking it. What Parley can promise is that its wrapper
 * adds nothing: each test feeds a bare Concentus codec, configured as the wrapper configures it,
 * and the wrapper the same frames from the same state, and compares the bytes the thread
 * allocated. The figures are logged.
 */
class ConcentusOpusAllocationTest {
  private static final Logger LOG = LoggerFactory.getLogger(ConcentusOpusAllocationTest.class);
  private static final int FRAME = 960;
  private static final int FRAMES = 200;
  private static final int WARM_ROUNDS = 4;
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  /**
   * Bytes per frame the wrapper may differ by. Two runs of the same Concentus calls differ by up to about 15 B per
   * frame (JIT, TLAB refills averaged over the frames: seen 8–14 on a loaded 2-core machine); a real per-frame
   * allocation of the wrapper (a copy of a 960-sample frame, a packet array) would be ≥ 1 kB.
   */
  private static final int TOLERANCE = 64;

  private final short[] input = OpusCodecTest.voice(FRAME * FRAMES);
  private final short[] frame = new short[FRAME];
  private final short[] pcm = new short[FRAME];
  private final byte[] out = new byte[1500];
  private final byte[][] packets = new byte[FRAMES + 1][];

  @BeforeEach
  void encodePackets() throws OpusException {
    OpusEncoder encoder = bareEncoder();
    for (int f = 0; f <= FRAMES; f++) {
      System.arraycopy(input, (f % FRAMES) * FRAME, frame, 0, FRAME);
      int n = encoder.encode(frame, 0, FRAME, out, 0, out.length);
      packets[f] = java.util.Arrays.copyOf(out, n);
    }
  }

  @Test
  void theEncoderWrapperAllocatesNothingBeyondConcentus() {
    OpusEncoder bare = bareEncoder();
    AudioEncoder wrapped = OpusCodec.INSTANCE.newEncoder();
    compare("encode", 1,
        f -> System.arraycopy(input, f * FRAME, frame, 0, FRAME), f -> encodeBare(bare, frame),
        f -> System.arraycopy(input, f * FRAME, frame, 0, FRAME), f -> wrapped.encode(frame, out, 0));
  }

  @Test
  void theWrapperEncodesExactlyAsTheBareEncoderConfiguredAlike() {
    OpusEncoder bare = bareEncoder();
    AudioEncoder wrapped = OpusCodec.INSTANCE.newEncoder();
    byte[] wrappedOut = new byte[1500];
    for (int f = 0; f < 50; f++) {
      System.arraycopy(input, f * FRAME, frame, 0, FRAME);
      int n = encodeBare(bare, frame);
      int m = wrapped.encode(frame, wrappedOut, 0);
      assertThat(java.util.Arrays.copyOf(wrappedOut, m)).isEqualTo(java.util.Arrays.copyOf(out, n));
    }
  }

  @Test
  void theDecoderWrapperAllocatesNothingBeyondConcentus() {
    OpusDecoder bare = bareDecoder();
    AudioDecoder wrapped = OpusCodec.INSTANCE.newDecoder();
    compare("decode", 1,
        f -> { }, f -> decodeBare(bare, packets[f], false),
        f -> { }, f -> wrapped.decode(packets[f], 0, packets[f].length, pcm));
  }

  @Test
  void concealmentAllocatesNothingBeyondConcentus() {
    OpusDecoder bare = bareDecoder();
    AudioDecoder wrapped = OpusCodec.INSTANCE.newDecoder();
    compare("conceal (PLC)", 2,
        f -> decodeBare(bare, packets[f], false), f -> decodeBare(bare, null, false),
        f -> wrapped.decode(packets[f], 0, packets[f].length, pcm), f -> wrapped.conceal(pcm));
  }

  @Test
  void fecRecoveryAllocatesNothingBeyondConcentus() {
    OpusDecoder bare = bareDecoder();
    AudioDecoder wrapped = OpusCodec.INSTANCE.newDecoder();
    // frame f is decoded, f + 1 is lost and rebuilt from f + 2's FEC data
    compare("recover (FEC)", 2,
        f -> decodeBare(bare, packets[f], false), f -> decodeBare(bare, packets[f + 2], true),
        f -> wrapped.decode(packets[f], 0, packets[f].length, pcm),
        f -> wrapped.recover(packets[f + 2], 0, packets[f + 2].length, pcm));
  }

  /**
   * Runs both sides through the same frames ({@code prepare} unmeasured, then {@code measured}, for
   * every {@code stride}-th frame) until warm, then measures one more round of each and asserts
   * the wrapper's bytes per measured call against Concentus's.
   */
  private static void compare(String what, int stride, IntConsumer barePrepare, IntConsumer bareCall,
      IntConsumer wrappedPrepare, IntConsumer wrappedCall) {
    for (int i = 0; i < WARM_ROUNDS; i++) {
      bytesPerCall(stride, barePrepare, bareCall);
      bytesPerCall(stride, wrappedPrepare, wrappedCall);
    }
    long bareBytes = bytesPerCall(stride, barePrepare, bareCall);
    long wrappedBytes = bytesPerCall(stride, wrappedPrepare, wrappedCall);
    String figures = String.format("%s, bytes per frame: Concentus alone %d, through Parley's wrapper %d",
        what, bareBytes, wrappedBytes);
    LOG.info(figures);
    assertThat(wrappedBytes).as(figures).isLessThanOrEqualTo(bareBytes + TOLERANCE);
  }

  private static long bytesPerCall(int stride, IntConsumer prepare, IntConsumer call) {
    long total = 0;
    int calls = 0;
    for (int f = 0; f + stride < FRAMES; f += stride) {
      prepare.accept(f);
      long before = THREADS.getCurrentThreadAllocatedBytes();
      call.accept(f);
      total += THREADS.getCurrentThreadAllocatedBytes() - before;
      calls++;
    }
    return total / calls;
  }

  private static OpusEncoder bareEncoder() {
    try {
      OpusEncoder encoder = new OpusEncoder(48_000, 1, OpusApplication.OPUS_APPLICATION_VOIP);
      encoder.setBitrate(OpusCodec.BITRATE);
      encoder.setComplexity(OpusCodec.COMPLEXITY);
      encoder.setSignalType(OpusSignal.OPUS_SIGNAL_VOICE);
      encoder.setUseInbandFEC(true);
      encoder.setPacketLossPercent(OpusCodec.EXPECTED_LOSS_PERCENT);
      encoder.setUseDTX(false);
      return encoder;
    } catch (OpusException e) {
      throw new AssertionError(e);
    }
  }

  private static OpusDecoder bareDecoder() {
    try {
      return new OpusDecoder(48_000, 1);
    } catch (OpusException e) {
      throw new AssertionError(e);
    }
  }

  private int encodeBare(OpusEncoder encoder, short[] samples) {
    try {
      return encoder.encode(samples, 0, FRAME, out, 0, 1275);
    } catch (OpusException e) {
      throw new AssertionError(e);
    }
  }

  private void decodeBare(OpusDecoder decoder, byte[] packet, boolean fec) {
    try {
      decoder.decode(packet, 0, packet == null ? 0 : packet.length, pcm, 0, FRAME, fec);
    } catch (OpusException e) {
      throw new AssertionError(e);
    }
  }
}
