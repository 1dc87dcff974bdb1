package org.parley.media.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ResamplerTest {

  private static short[] run(Resampler r, short[] in, int chunk) {
    short[] out = new short[r.maxOutput(in.length) + in.length];
    int written = 0;
    for (int off = 0; off < in.length; off += chunk) {
      written += r.process(in, off, Math.min(chunk, in.length - off), out, written);
    }
    return java.util.Arrays.copyOf(out, written);
  }

  @Test
  void aOneKilohertzSineSurvives48kTo8kAndBack() {
    short[] input = Signals.sine(1000, 48000, 48000, 12000);
    short[] narrow = run(Resampler.between(48000, 8000), input, 960);
    short[] back = run(Resampler.between(8000, 48000), narrow, 160);
    assertThat(narrow).hasSize(8000);
    assertThat(back).hasSize(48000);
    int lag = Signals.bestLag(input, back, 4800, 9600, 600);
    assertThat(Signals.snrDb(input, 4800, back, 4800 + lag, 24000)).isGreaterThan(30);
  }

  @Test
  void theReportedDelaysAddUpToTheMeasuredOne() {
    Resampler down = Resampler.between(48000, 8000);
    Resampler up = Resampler.between(8000, 48000);
    short[] input = Signals.sine(700, 48000, 24000, 12000);
    short[] back = run(up, run(down, input, 960), 160);
    int lag = Signals.bestLag(input, back, 4800, 9600, 600);
    assertThat(lag).isCloseTo(up.delay() + 6 * down.delay(), org.assertj.core.data.Offset.offset(6));
  }

  @Test
  void aOneKilohertzSineSurvives48kTo16kAndBack() {
    short[] input = Signals.sine(1000, 48000, 48000, 12000);
    short[] back = run(Resampler.between(16000, 48000), run(Resampler.between(48000, 16000), input, 960), 320);
    int lag = Signals.bestLag(input, back, 4800, 9600, 600);
    assertThat(Signals.snrDb(input, 4800, back, 4800 + lag, 24000)).isGreaterThan(30);
  }

  @Test
  void aSixKilohertzToneIsRemovedGoingTo8k() {
    short[] input = Signals.sine(6000, 48000, 48000, 16000);
    short[] narrow = run(Resampler.between(48000, 8000), input, 960);
    // unfiltered, 6 kHz would alias to a full-level 2 kHz tone
    assertThat(Signals.rms(narrow, 800, 6000)).isLessThan(16000 / Math.sqrt(2) / 1000);
  }

  @Test
  void aTenKilohertzToneIsRemovedGoingTo16kButSixKilohertzPasses() {
    short[] high = run(Resampler.between(48000, 16000), Signals.sine(10000, 48000, 48000, 16000), 960);
    short[] six = run(Resampler.between(48000, 16000), Signals.sine(6000, 48000, 48000, 16000), 960);
    assertThat(Signals.rms(high, 1600, 12000)).isLessThan(16000 / Math.sqrt(2) / 1000);
    assertThat(Signals.rms(six, 1600, 12000)).isGreaterThan(0.9 * 16000 / Math.sqrt(2));
  }

  @Property(tries = 50)
  void frameByFrameEqualsOneBlock(
      @ForAll("rates") int narrowRate,
      @ForAll boolean down,
      @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 1, max = 700) Integer> chunks) {
    int from = down ? 48000 : narrowRate;
    int to = down ? narrowRate : 48000;
    short[] input = new short[chunks.stream().mapToInt(Integer::intValue).sum()];
    java.util.Random random = new java.util.Random(input.length);
    for (int i = 0; i < input.length; i++) {
      input[i] = (short) random.nextInt(20000);
    }
    short[] whole = run(Resampler.between(from, to), input, input.length);
    Resampler chunked = Resampler.between(from, to);
    short[] pieces = new short[whole.length + 16];
    int off = 0;
    int written = 0;
    for (int c : chunks) {
      written += chunked.process(input, off, c, pieces, written);
      off += c;
    }
    assertThat(java.util.Arrays.copyOf(pieces, written)).isEqualTo(whole);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Integer> rates() {
    return net.jqwik.api.Arbitraries.of(8000, 16000);
  }

  @Test
  void resamplingDoesNotAllocate() {
    Resampler down = Resampler.between(48000, 8000);
    Resampler up = Resampler.between(8000, 48000);
    short[] frame = Signals.sine(440, 48000, 960, 9000);
    short[] narrow = new short[160];
    short[] wide = new short[960];
    Runnable work = () -> {
      for (int i = 0; i < 200; i++) {
        down.process(frame, 0, 960, narrow, 0);
        up.process(narrow, 0, 160, wide, 0);
      }
    };
    work.run();
    assertThat(Signals.allocatedBytes(work)).isZero();
  }

  @Test
  void equalRatesPassThroughAndOddRatiosAreRefused() {
    short[] frame = Signals.sine(440, 48000, 960, 9000);
    assertThat(run(Resampler.between(48000, 48000), frame, 960)).isEqualTo(frame);
    assertThatThrownBy(() -> Resampler.between(48000, 44100)).isInstanceOf(IllegalArgumentException.class);
  }
}
