package org.parley.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WaveformRepetitionTest {
  private static final int FRAME = 160;

  /** A voiced-like signal: 200 Hz with two harmonics (period 40 samples at 8 kHz). */
  private static short[] voice(int samples) {
    short[] s = new short[samples];
    for (int i = 0; i < samples; i++) {
      double t = 2 * Math.PI * 200 * i / 8000.0;
      s[i] = (short) Math.round(6000 * Math.sin(t) + 3000 * Math.sin(2 * t + 0.5) + 1500 * Math.sin(3 * t + 1));
    }
    return s;
  }

  private final AudioDecoder decoder = G711Codec.PCMU.newDecoder();
  private final short[] signal = voice(FRAME * 20);
  private final byte[] packet = new byte[FRAME];
  private final short[] out = new short[FRAME];

  private void receive(int frame) {
    for (int i = 0; i < FRAME; i++) {
      packet[i] = MuLaw.encode(signal[frame * FRAME + i]);
    }
    decoder.decode(packet, 0, FRAME, out);
  }

  @Test
  void theFirstConcealedFrameContinuesAPeriodicSignal() {
    for (int f = 0; f < 5; f++) {
      receive(f);
    }
    decoder.conceal(out);
    assertThat(Signals.correlation(signal, 5 * FRAME, out, 0, 80)).isGreaterThan(0.95);
    assertThat(Signals.rms(out, 0, 80)).isGreaterThan(0.8 * Signals.rms(signal, 5 * FRAME, 80));
  }

  @Test
  void consecutiveLossesFadeToSilenceAfterSixtyMilliseconds() {
    for (int f = 0; f < 5; f++) {
      receive(f);
    }
    double[] levels = new double[4];
    for (int lost = 0; lost < 4; lost++) {
      decoder.conceal(out);
      levels[lost] = Signals.rms(out, 0, FRAME);
    }
    assertThat(levels[1]).isLessThan(levels[0]);
    assertThat(levels[2]).isLessThan(levels[1]);
    assertThat(levels[3]).isZero();
  }

  @Test
  void theFirstGoodFrameAfterALossStartsWithoutAJump() {
    for (int f = 0; f < 5; f++) {
      receive(f);
    }
    decoder.conceal(out);
    short lastConcealed = out[FRAME - 1];
    receive(6);
    assertThat(Math.abs(out[0] - lastConcealed)).isLessThan(3000);
  }
}
