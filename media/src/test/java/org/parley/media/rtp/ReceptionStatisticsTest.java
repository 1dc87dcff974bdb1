package org.parley.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ReceptionStatisticsTest {
  private final ReceptionStatistics stats = new ReceptionStatistics(8000);

  private Arrival feed(int seq) {
    return stats.update(seq & 0xFFFF, seq * 160L, seq * 160L);
  }

  @Test
  void aNewSourceIsOnProbationUntilTwoPacketsInSequence() {
    assertThat(feed(100)).isEqualTo(Arrival.PROBATION);
    assertThat(stats.valid()).isFalse();
    assertThat(feed(101)).isEqualTo(Arrival.IN_ORDER);
    assertThat(stats.valid()).isTrue();
    assertThat(stats.received()).isEqualTo(1);
    assertThat(stats.expected()).isEqualTo(1);
  }

  @Test
  void probationStartsOverAfterAGap() {
    assertThat(feed(10)).isEqualTo(Arrival.PROBATION);
    assertThat(feed(12)).isEqualTo(Arrival.PROBATION);
    assertThat(feed(13)).isEqualTo(Arrival.IN_ORDER);
  }

  @Test
  void sequenceWrapsFrom65535To0IntoTheNextCycle() {
    feed(65533);
    feed(65534);
    assertThat(feed(65535)).isEqualTo(Arrival.IN_ORDER);
    assertThat(feed(0)).isEqualTo(Arrival.IN_ORDER);
    assertThat(feed(1)).isEqualTo(Arrival.IN_ORDER);
    assertThat(stats.extendedHighestSequence()).isEqualTo(65536 + 1);
    assertThat(stats.expected()).isEqualTo(4);
    assertThat(stats.cumulativeLost()).isZero();
  }

  @Test
  void aLatePacketFromBeforeTheWrapIsLateNotANewCycle() {
    feed(65533);
    feed(65534);
    feed(0);
    assertThat(stats.update(65535, 0, 0)).isEqualTo(Arrival.LATE);
    assertThat(stats.extendedHighestSequence()).isEqualTo(65536);
    assertThat(stats.cumulativeLost()).isZero();
    assertThat(stats.reordered()).isEqualTo(1);
  }

  @Test
  void lossAndFractionLostMatchAHandComputedInterval() {
    // valid from 1; 3 and 7 never arrive: expected 10 (1..10), received 8
    for (int s : new int[] {0, 1, 2, 4, 5, 6, 8, 9, 10}) {
      feed(s);
    }
    assertThat(stats.expected()).isEqualTo(10);
    assertThat(stats.received()).isEqualTo(8);
    assertThat(stats.cumulativeLost()).isEqualTo(2);
    assertThat(stats.fractionLostSinceLastReport()).isEqualTo(2 * 256 / 10);
    // next interval: 11..20 with one loss (15)
    for (int s = 11; s <= 20; s++) {
      if (s != 15) {
        feed(s);
      }
    }
    assertThat(stats.fractionLostSinceLastReport()).isEqualTo(256 / 10);
    assertThat(stats.cumulativeLost()).isEqualTo(3);
    assertThat(stats.fractionLostSinceLastReport()).as("empty interval").isZero();
  }

  @Test
  void duplicatesAreCountedAndNotDelivered() {
    feed(1);
    feed(2);
    feed(3);
    assertThat(feed(3)).isEqualTo(Arrival.DUPLICATE);
    assertThat(feed(2)).isEqualTo(Arrival.DUPLICATE);
    assertThat(stats.duplicates()).isEqualTo(2);
    assertThat(stats.cumulativeLost()).as("RFC 3550: duplicates make loss negative").isEqualTo(-2);
    assertThat(stats.cumulativeLostField()).isEqualTo(-2);
  }

  @Test
  void reorderedPacketsFillTheGapAndCountAsReordered() {
    feed(1);
    feed(2);
    feed(4);
    assertThat(stats.cumulativeLost()).isEqualTo(1);
    assertThat(feed(3)).isEqualTo(Arrival.LATE);
    assertThat(stats.cumulativeLost()).isZero();
    assertThat(stats.reordered()).isEqualTo(1);
  }

  @Test
  void aLargeJumpIsDroppedUnlessTheNextPacketFollowsIt() {
    feed(1);
    feed(2);
    assertThat(feed(20_000)).isEqualTo(Arrival.BAD_JUMP);
    assertThat(feed(3)).isEqualTo(Arrival.IN_ORDER);
    assertThat(feed(30_000)).isEqualTo(Arrival.BAD_JUMP);
    assertThat(feed(30_001)).as("the sender restarted").isEqualTo(Arrival.IN_ORDER);
    assertThat(stats.expected()).isEqualTo(1);
    assertThat(stats.received()).isEqualTo(1);
  }

  @Test
  void jitterFollowsTheIntegerFormulaOfAppendixA8() {
    // 20 ms packets (160 units); transit times 0, 0, 10, 0 -> D = 0, 10, 10
    long[] arrival = {0, 160, 330, 480};
    for (int i = 0; i < 4; i++) {
      stats.update(i, i * 160L, arrival[i]);
    }
    // first valid packet is seq 1: J16 = 0 ; +10 -> 10 ; +10 - (18 >> 4) -> 19
    assertThat(stats.jitter()).isEqualTo(19 >> 4);
    assertThat(stats.jitterMillis()).isCloseTo(19 / 16.0 / 8.0, within(1e-9));
  }

  @Test
  void jitterOfA48kHzStreamIsReportedInMillisecondsOfItsOwnClock() {
    ReceptionStatistics opus = new ReceptionStatistics(48_000);
    // 20 ms packets (960 units); every other one arrives 10 ms (480 units) late: every transit
    // difference D is 480 units, so J converges to 480 units, which is 10 ms at 48 kHz
    for (int i = 0; i < 400; i++) {
      opus.update(i, 5_000 + i * 960L, i * 960L + (i % 2) * 480L);
    }
    assertThat(opus.jitter()).isBetween(479L, 480L); // the integer formula settles within a unit
    assertThat(opus.jitterMillis()).isCloseTo(10.0, within(0.05));
  }

  @Test
  void aClockRateChangeRescalesTheJitterAndRestartsTheTransit() {
    for (int i = 0; i < 200; i++) { // 8 kHz: every other packet 10 ms (80 units) late
      stats.update(i, i * 160L, i * 160L + (i % 2) * 80L);
    }
    double before = stats.jitterMillis();
    stats.changeClockRate(48_000);
    assertThat(stats.jitterMillis()).isCloseTo(before, within(1e-9));
    assertThat(stats.clockRate()).isEqualTo(48_000);
    // the timestamps and arrival units of the new clock start elsewhere; no jump is taken for jitter
    for (int i = 200; i < 210; i++) {
      stats.update(i, 7_000_000 + i * 960L, 9_000_000 + i * 960L + (i % 2) * 480L);
    }
    assertThat(stats.jitterMillis()).isCloseTo(10.0, within(0.5));
    assertThat(stats.received()).isEqualTo(209);
  }

  @Test
  void constantTransitAcrossATimestampWrapHasNoJitter() {
    long ts = 0xFFFF_FFFFL - 400;
    for (int i = 0; i < 10; i++) {
      stats.update(i, (ts + i * 160L) & 0xFFFF_FFFFL, 5_000 + i * 160L);
    }
    assertThat(stats.jitter()).isZero();
  }

  @Property
  void expectedAndLostCountEveryGapAcrossWrapAround(
      @ForAll @IntRange(max = 65535) int start,
      @ForAll @Size(min = 2, max = 300) List<@IntRange(min = 1, max = 3) Integer> steps) {
    ReceptionStatistics s = new ReceptionStatistics(8000);
    List<Integer> sent = new ArrayList<>();
    int seq = start;
    s.update(seq & 0xFFFF, 0, 0);
    s.update((seq + 1) & 0xFFFF, 0, 0);
    seq++;
    int base = seq;
    for (int step : steps) {
      seq += step;
      sent.add(seq);
      assertThat(s.update(seq & 0xFFFF, 0, 0)).isEqualTo(Arrival.IN_ORDER);
    }
    long expected = seq - base + 1L;
    assertThat(s.expected()).isEqualTo(expected);
    assertThat(s.cumulativeLost()).isEqualTo(expected - 1 - sent.size());
    assertThat(s.extendedHighestSequence() & 0xFFFF).isEqualTo(seq & 0xFFFF);
  }
}
