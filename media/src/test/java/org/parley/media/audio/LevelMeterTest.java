package org.parley.media.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.parley.media.testsupport.TestSignals;

class LevelMeterTest {

  @Test
  void aFullScaleSineReadsZeroPeakAndMinusThreeRms() {
    LevelMeter meter = new LevelMeter(20);
    short[] sine = TestSignals.tone(1000, 0.02, 1.0, Pcm.SAMPLE_RATE);
    meter.update(sine);
    assertThat(meter.peakDbfs()).isCloseTo(0.0, within(0.01));
    assertThat(meter.rmsDbfs()).isCloseTo(-3.01, within(0.05));
  }

  @Test
  void silenceReadsTheFloor() {
    LevelMeter meter = new LevelMeter(20);
    meter.update(Pcm.newFrame());
    assertThat(meter.peakDbfs()).isEqualTo(LevelMeter.FLOOR_DBFS);
    assertThat(meter.rmsDbfs()).isEqualTo(LevelMeter.FLOOR_DBFS);
  }

  @Test
  void theDisplayLevelFallsAtTheDecayRateAfterAPeak() {
    LevelMeter meter = new LevelMeter(20);
    meter.update(TestSignals.tone(1000, 0.02, 0.5, Pcm.SAMPLE_RATE));
    double peak = meter.displayDbfs();
    for (int i = 0; i < 50; i++) {
      meter.update(Pcm.newFrame());
    }
    assertThat(meter.displayDbfs()).isCloseTo(peak - 20, within(0.01));
  }
}
