package org.parley.media.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RingerTest {
  private final List<RecordingSink> opened = new CopyOnWriteArrayList<>();

  private Ringer ringer(RingPattern pattern) {
    return new Ringer(() -> {
      RecordingSink sink = new RecordingSink();
      opened.add(sink);
      return sink;
    }, pattern);
  }

  @Test
  void ringingPlaysBothTonesThenPausesAsThePatternSays() {
    RingPattern pattern = new RingPattern(440, 480, Duration.ofMillis(200), Duration.ofMillis(100), 0.5);
    try (Ringer ringer = ringer(pattern)) {
      ringer.start();
      await().atMost(Duration.ofSeconds(5)).until(() -> opened.get(0).frames.size() >= 20);
    }
    List<short[]> frames = opened.get(0).snapshot();
    assertThat(frames.get(5)).as("tone during 'on'").satisfies(f -> assertThat(PcmBytes.peak(f)).isGreaterThan(0.3));
    assertThat(PcmBytes.peak(frames.get(12))).as("silence during 'off'").isZero();
    assertThat(PcmBytes.peak(frames.get(17))).as("tone again").isGreaterThan(0.3);
    assertThat(goertzel(frames.get(5), 440)).isGreaterThan(10 * goertzel(frames.get(5), 1000));
    assertThat(goertzel(frames.get(5), 480)).isGreaterThan(10 * goertzel(frames.get(5), 1000));
  }

  @Test
  void stopEndsTheRingWithin50MillisecondsAndClosesTheDevice() {
    Ringer ringer = ringer(RingPattern.NORTH_AMERICA);
    ringer.start();
    RecordingSink sink = opened.get(0);
    await().atMost(Duration.ofSeconds(5)).until(() -> sink.frames.size() >= 3);

    long before = System.nanoTime();
    ringer.stop();
    long tookMillis = (System.nanoTime() - before) / 1_000_000;

    assertThat(tookMillis).isLessThan(50);
    assertThat(sink.closed).isTrue();
    assertThat(ringer.isRinging()).isFalse();
    long lastWrite = sink.writeTimes.get(sink.writeTimes.size() - 1);
    assertThat(lastWrite).isLessThanOrEqualTo(sink.closedAt);
  }

  @Test
  void startAndStopAreIdempotentAndRingingCanStartAgain() {
    Ringer ringer = ringer(RingPattern.NORTH_AMERICA);
    ringer.stop();
    ringer.start();
    ringer.start();
    assertThat(opened).hasSize(1);
    ringer.stop();
    ringer.stop();
    ringer.start();
    assertThat(opened).hasSize(2);
    await().atMost(Duration.ofSeconds(5)).until(() -> !opened.get(1).frames.isEmpty());
    ringer.close();
    assertThat(opened).allSatisfy(s -> assertThat(s.closed).isTrue());
  }

  /** Power at {@code hz} in the frame (Goertzel). */
  static double goertzel(short[] frame, double hz) {
    double coeff = 2 * Math.cos(2 * Math.PI * hz / Pcm.SAMPLE_RATE);
    double s1 = 0;
    double s2 = 0;
    for (short x : frame) {
      double s = x + coeff * s1 - s2;
      s2 = s1;
      s1 = s;
    }
    return s1 * s1 + s2 * s2 - coeff * s1 * s2;
  }
}
