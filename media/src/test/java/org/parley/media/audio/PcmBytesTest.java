package org.parley.media.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PcmBytesTest {

  @Test
  void monoFramesSurviveBytesAndBackWithTheirPeak() {
    short[] frame = Pcm.newFrame();
    for (int i = 0; i < frame.length; i++) {
      frame[i] = (short) (i * 67 - 32000);
    }
    byte[] bytes = new byte[PcmBytes.frameBytes(1)];
    double peak = PcmBytes.toBytes(frame, 1, bytes);
    short[] back = Pcm.newFrame();
    double peakBack = PcmBytes.toSamples(bytes, 1, back);
    assertThat(back).isEqualTo(frame);
    assertThat(bytes[0]).isEqualTo((byte) (frame[0] & 0xff));
    assertThat(peak).isEqualTo(peakBack).isCloseTo(32253 / 32767.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void stereoIsWrittenTwiceAndAveragedOnTheWayBack() {
    short[] frame = Pcm.newFrame();
    java.util.Arrays.fill(frame, (short) -1234);
    byte[] bytes = new byte[PcmBytes.frameBytes(2)];
    PcmBytes.toBytes(frame, 2, bytes);
    bytes[2] = 0;
    bytes[3] = 0;
    short[] back = Pcm.newFrame();
    PcmBytes.toSamples(bytes, 2, back);
    assertThat(back[0]).isEqualTo((short) (-1234 >> 1));
    assertThat(back[1]).isEqualTo((short) -1234);
  }
}
