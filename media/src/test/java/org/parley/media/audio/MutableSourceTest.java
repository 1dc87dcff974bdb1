package org.parley.media.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.media.testsupport.TestSignals;

class MutableSourceTest {

  @Test
  void mutedSourceHandsOnSilenceAndLevelZeroButKeepsReading(@TempDir Path dir) throws Exception {
    Path wav = TestSignals.writeWav(dir.resolve("t.wav"), TestSignals.tone(500, 0.1, 0.5, Pcm.SAMPLE_RATE), Pcm.SAMPLE_RATE);
    try (MutableSource source = new MutableSource(WavFileSource.open(wav, WavFileSource.Options.ONCE))) {
      short[] frame = Pcm.newFrame();
      assertThat(source.read(frame)).isTrue();
      assertThat(source.level()).isGreaterThan(0.4);
      source.setMuted(true);
      assertThat(source.read(frame)).isTrue();
      assertThat(PcmBytes.peak(frame)).isZero();
      assertThat(source.level()).isZero();
      source.setMuted(false);
      assertThat(source.read(frame)).isTrue();
      assertThat(PcmBytes.peak(frame)).isGreaterThan(0.4);
      assertThat(TestSignals.readAll(source, 100)).hasSize(2 * Pcm.FRAME_SAMPLES);
    }
  }
}
