package org.parley.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpusCodecTest {
  private static final int FRAME = 960;

  /** A voiced-like signal: a fundamental gliding around 150 Hz, with harmonics and a varying level. */
  static short[] voice(int samples) {
    short[] s = new short[samples];
    double phase = 0;
    for (int i = 0; i < samples; i++) {
      phase += 2 * Math.PI * (150 + 60 * Math.sin(2 * Math.PI * 0.7 * i / 48000.0)) / 48000.0;
      double envelope = 0.5 + 0.5 * Math.sin(2 * Math.PI * 2.3 * i / 48000.0);
      s[i] = (short) Math.round(envelope * (7000 * Math.sin(phase) + 3500 * Math.sin(2 * phase + 0.3)
          + 1500 * Math.sin(3 * phase)));
    }
    return s;
  }

  private final short[] input = voice(FRAME * 60);
  private final byte[][] packets = new byte[60][];

  private void encodeAll() {
    AudioEncoder encoder = OpusCodec.INSTANCE.newEncoder();
    short[] frame = new short[FRAME];
    byte[] out = new byte[1500];
    for (int f = 0; f < packets.length; f++) {
      System.arraycopy(input, f * FRAME, frame, 0, FRAME);
      int n = encoder.encode(frame, out, 0);
      packets[f] = java.util.Arrays.copyOf(out, n);
    }
  }

  @Test
  void describesItselfAsRfc7587Says() {
    OpusCodec opus = OpusCodec.INSTANCE;
    assertThat(opus.encodingName()).isEqualTo("opus");
    assertThat(opus.clockRate()).isEqualTo(48000);
    assertThat(opus.rtpChannels()).isEqualTo(2);
    assertThat(opus.staticPayloadType()).isEqualTo(-1);
    assertThat(opus.fmtp()).isEqualTo("minptime=10;useinbandfec=1");
    assertThat(opus.samplesPerFrame()).isEqualTo(960);
    assertThat(opus.timestampsPerFrame()).isEqualTo(960);
  }

  @Test
  void packetsMatchTheConfiguredBitRate() {
    encodeAll();
    int total = 0;
    for (int f = 10; f < packets.length; f++) {
      total += packets[f].length;
    }
    double kbits = total * 8.0 / (packets.length - 10) / 20.0;
    assertThat(kbits).isBetween(16.0, 40.0);
  }

  @Test
  void decodedAudioFollowsTheInput() {
    encodeAll();
    AudioDecoder decoder = OpusCodec.INSTANCE.newDecoder();
    short[] output = new short[input.length];
    short[] frame = new short[FRAME];
    for (int f = 0; f < packets.length; f++) {
      assertThat(decoder.decode(packets[f], 0, packets[f].length, frame)).isEqualTo(FRAME);
      System.arraycopy(frame, 0, output, f * FRAME, FRAME);
    }
    int from = 10 * FRAME;
    int lag = Signals.bestLag(input, output, from, 20 * FRAME, 1000);
    assertThat(Signals.correlation(input, from, output, from + lag, 20 * FRAME)).isGreaterThan(0.9);
  }

  @Test
  void inBandFecRebuildsLostFramesBetterThanConcealment() {
    encodeAll();
    double fec = 0;
    double plc = 0;
    int[] losses = {20, 30, 40, 50};
    for (int lost : losses) {
      short[] reference = decodeLosing(lost, Repair.NONE);
      fec += Signals.correlation(reference, 0, decodeLosing(lost, Repair.FEC), 0, FRAME);
      plc += Signals.correlation(reference, 0, decodeLosing(lost, Repair.CONCEAL), 0, FRAME);
    }
    assertThat(fec / losses.length).isGreaterThan(0.95).isGreaterThan(plc / losses.length);
  }

  private enum Repair { NONE, FEC, CONCEAL }

  /** Decodes packets up to {@code lost}, repairing that one as told; returns its frame. */
  private short[] decodeLosing(int lost, Repair repair) {
    AudioDecoder decoder = OpusCodec.INSTANCE.newDecoder();
    short[] frame = new short[FRAME];
    for (int f = 0; f < lost; f++) {
      decoder.decode(packets[f], 0, packets[f].length, frame);
    }
    byte[] next = packets[lost + 1];
    int n = switch (repair) {
      case NONE -> decoder.decode(packets[lost], 0, packets[lost].length, frame);
      case FEC -> decoder.recover(next, 0, next.length, frame);
      case CONCEAL -> decoder.conceal(frame);
    };
    assertThat(n).isEqualTo(FRAME);
    return frame;
  }

  @Test
  void concealmentGivesAFullFrame() {
    encodeAll();
    AudioDecoder decoder = OpusCodec.INSTANCE.newDecoder();
    short[] frame = new short[FRAME];
    decoder.decode(packets[0], 0, packets[0].length, frame);
    assertThat(decoder.conceal(frame)).isEqualTo(FRAME);
  }
}
