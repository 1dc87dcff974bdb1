package org.parley.media.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.media.testsupport.AudioCompare;
import org.parley.media.testsupport.TestSignals;

class ResamplerTest {

  @ParameterizedTest
  @CsvSource({"8000, 1000", "16000, 3000", "22050, 440", "44100, 10000", "96000, 1000"})
  void aToneKeepsItsFrequencyPhaseAndLevelAt48kHz(int rate, int hz) {
    short[] input = TestSignals.tone(hz, 0.5, 0.5, rate);
    short[] output = resample(input, rate);
    short[] ideal = TestSignals.tone(hz, 0.5, 0.5, Pcm.SAMPLE_RATE);

    assertThat(output.length).isBetween(ideal.length - 2, ideal.length + 2);
    int edge = Pcm.SAMPLE_RATE / 100;
    AudioCompare.Result result = AudioCompare.compare(
        java.util.Arrays.copyOfRange(ideal, edge, ideal.length - edge),
        java.util.Arrays.copyOfRange(output, edge, ideal.length - edge));
    assertThat(result.lagSamples()).isZero();
    assertThat(result.gain()).isBetween(0.99, 1.01);
    assertThat(result.snrDb()).as(result.toString()).isGreaterThan(40);
  }

  @org.junit.jupiter.api.Test
  void downsamplingRemovesToneAboveTheNewNyquistFrequency() {
    Resampler down = new Resampler(96_000, 24_000);
    short[] input = TestSignals.tone(20_000, 0.2, 0.5, 96_000);
    float[] in = new float[input.length];
    for (int i = 0; i < in.length; i++) {
      in[i] = input[i];
    }
    float[] out = new float[down.maxOutput(in.length)];
    int n = down.process(in, in.length, out);
    double peak = 0;
    for (int i = 100; i < n - 100; i++) {
      peak = Math.max(peak, Math.abs(out[i]));
    }
    assertThat(LevelMeter.dbfs(peak / 32768)).isLessThan(-60);
  }

  static short[] resample(short[] input, int rate) {
    Resampler resampler = new Resampler(rate, Pcm.SAMPLE_RATE);
    float[] out = new float[resampler.maxOutput(input.length) + resampler.drainCapacity()];
    float[] chunk = new float[333];
    int produced = 0;
    for (int pos = 0; pos < input.length; pos += chunk.length) {
      int n = Math.min(chunk.length, input.length - pos);
      for (int i = 0; i < n; i++) {
        chunk[i] = input[pos + i];
      }
      float[] part = new float[resampler.maxOutput(n)];
      int got = resampler.process(chunk, n, part);
      System.arraycopy(part, 0, out, produced, got);
      produced += got;
    }
    float[] tail = new float[resampler.drainCapacity()];
    int got = resampler.drain(tail);
    System.arraycopy(tail, 0, out, produced, got);
    produced += got;
    short[] result = new short[produced];
    for (int i = 0; i < produced; i++) {
      result[i] = (short) Math.round(out[i]);
    }
    return result;
  }
}
