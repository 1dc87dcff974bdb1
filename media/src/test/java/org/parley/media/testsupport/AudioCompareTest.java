package org.parley.media.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AudioCompareTest {
  private static double[] noise(int n, long seed) {
    Random random = new Random(seed);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = random.nextGaussian() * 1000;
    }
    return out;
  }

  @Test
  void findsDelayAndGainOfACleanCopy() {
    double[] reference = noise(10_000, 1);
    double[] captured = new double[13_000];
    for (int i = 0; i < reference.length; i++) {
      captured[i + 1234] = 0.5 * reference[i];
    }
    AudioCompare.Result result = AudioCompare.compare(reference, captured);
    assertThat(result.lagSamples()).isEqualTo(1234);
    assertThat(result.gain()).isCloseTo(0.5, within(1e-9));
    assertThat(result.correlation()).isCloseTo(1.0, within(1e-9));
    assertThat(result.snrDb()).isGreaterThan(100);
    assertThat(result.coverage()).isEqualTo(1.0);
  }

  @Test
  void reportsTheSnrOfAddedNoise() {
    double[] reference = noise(20_000, 2);
    double[] hiss = noise(20_000, 3);
    double[] captured = new double[20_000];
    for (int i = 0; i < captured.length; i++) {
      captured[i] = reference[i] + 0.1 * hiss[i];
    }
    AudioCompare.Result result = AudioCompare.compare(reference, captured);
    assertThat(result.lagSamples()).isZero();
    assertThat(result.snrDb()).isCloseTo(20.0, within(0.5));
    assertThat(result.correlation()).isCloseTo(0.995, within(0.002));
  }

  @Test
  void findsACaptureThatStartsBeforeTheReference() {
    double[] reference = noise(8_000, 4);
    double[] captured = new double[6_000];
    System.arraycopy(reference, 500, captured, 0, 6_000);
    AudioCompare.Result result = AudioCompare.compare(reference, captured);
    assertThat(result.lagSamples()).isEqualTo(-500);
    assertThat(result.coverage()).isEqualTo(0.75);
    assertThat(result.correlation()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void unrelatedSignalsCorrelatePoorly() {
    AudioCompare.Result result = AudioCompare.compare(noise(8_000, 5), noise(8_000, 6));
    assertThat(Math.abs(result.correlation())).isLessThan(0.1);
    assertThat(result.snrDb()).isLessThan(0);
  }
}
