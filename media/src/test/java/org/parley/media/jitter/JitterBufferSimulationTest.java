package org.parley.media.jitter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JitterBufferSimulationTest {
  private final SequenceCodec codec = new SequenceCodec();

  /** Every frame the decoder saw, in order: increasing frame numbers, none twice. */
  private void assertPlayedInOrder() {
    long previous = -1;
    for (long f : codec.decodedFrames) {
      long frame = Math.abs(f);
      assertThat(frame).as("frame after %d", previous).isGreaterThan(previous);
      previous = frame;
    }
  }

  @Test
  void aCleanNetworkPlaysEveryFrameWithAtMost40MsAddedDelay() {
    SimulatedNetwork net = new SimulatedNetwork(1);
    JitterStatistics s = net.run(codec, 60);
    assertThat(s.received()).isEqualTo(net.sent);
    assertThat(s.lost()).isZero();
    assertThat(s.late()).isZero();
    assertThat(s.decoded()).isEqualTo(net.sent);
    assertThat(s.concealed()).as("only after the stream ends").isLessThanOrEqualTo(5);
    assertThat(s.meanAddedDelayMs()).isLessThanOrEqualTo(40);
    assertThat(s.p95AddedDelayMs()).isLessThanOrEqualTo(40);
    assertThat(s.targetDelayMs()).isEqualTo(20);
    assertPlayedInOrder();
  }

  @Test
  void fivePercentLossIsRecoveredFromFecAndNothingElseIsLost() {
    SimulatedNetwork net = new SimulatedNetwork(2);
    net.lossRate = 0.05;
    JitterStatistics s = net.run(codec, 60);
    assertThat(s.lost()).isEqualTo(net.droppedInsideReceivedRange);
    assertThat(s.received()).isEqualTo(net.sent - net.dropped);
    assertThat(s.late()).isZero();
    assertThat(s.decoded() + s.dropped()).isEqualTo(s.received());
    assertThat(s.fecRecovered() + s.concealed()).isGreaterThanOrEqualTo(s.lost());
    assertThat(s.fecRecovered()).isGreaterThan(s.lost() * 8 / 10);
    assertThat(s.meanAddedDelayMs()).isLessThanOrEqualTo(40);
    assertPlayedInOrder();
  }

  @Test
  void thirtyMsJitterWithReorderingIsAbsorbedWithoutLateFrames() {
    SimulatedNetwork net = new SimulatedNetwork(3);
    net.jitterNanos = 30_000_000L;
    JitterStatistics s = net.run(codec, 60);
    assertThat(net.reordered).isPositive();
    assertThat(s.reordered()).isEqualTo(net.reordered);
    assertThat(s.lost()).isZero();
    assertThat(s.late()).isLessThanOrEqualTo(net.sent / 200);
    assertThat(s.decoded() + s.dropped() + s.late()).isEqualTo(s.received());
    assertThat(s.targetDelayMs()).isBetween(30, 60);
    assertThat(s.meanAddedDelayMs()).isLessThan(80);
    assertPlayedInOrder();
  }

  @Test
  void lossPlusJitterKeepsTheCountsTheNetworkProduced() {
    SimulatedNetwork net = new SimulatedNetwork(4);
    net.lossRate = 0.05;
    net.jitterNanos = 30_000_000L;
    JitterStatistics s = net.run(codec, 60);
    assertThat(s.lost()).isEqualTo(net.droppedInsideReceivedRange);
    assertThat(s.reordered()).isEqualTo(net.reordered);
    assertThat(s.late()).isLessThanOrEqualTo(net.sent / 100);
    assertThat(s.decoded() + s.dropped() + s.late()).isEqualTo(s.received());
    assertPlayedInOrder();
  }

  @Test
  void duplicatesAreCountedAndPlayedOnce() {
    SimulatedNetwork net = new SimulatedNetwork(5);
    net.duplicateRate = 0.03;
    net.jitterNanos = 10_000_000L;
    JitterStatistics s = net.run(codec, 30);
    assertThat(net.duplicated).isPositive();
    assertThat(s.duplicates()).isEqualTo(net.duplicated);
    assertThat(s.received()).isEqualTo(net.sent);
    assertThat(s.decoded() + s.dropped()).isEqualTo(net.sent);
    assertPlayedInOrder();
  }

  @Test
  void aBurstOfLossIsCountedAndPlayoutResumesAfterIt() {
    SimulatedNetwork net = new SimulatedNetwork(6);
    net.burstFrom = 500;
    net.burstLength = 25;
    JitterStatistics s = net.run(codec, 30);
    assertThat(s.lost()).isEqualTo(25);
    assertThat(s.late()).isZero();
    assertThat(s.decoded() + s.dropped()).isEqualTo(s.received());
    assertThat(codec.decodedFrames).contains(499L, 525L);
    assertPlayedInOrder();
  }

  @Test
  void sequenceNumbersAndTimestampsWrapWithoutDisturbingPlayout() {
    SimulatedNetwork net = new SimulatedNetwork(7);
    net.firstSeq = 65_000;
    net.firstTimestamp = 0xFFFF_FFFFL - 80_000;
    net.lossRate = 0.02;
    net.jitterNanos = 15_000_000L;
    JitterStatistics s = net.run(codec, 30);
    assertThat(s.lost()).isEqualTo(net.droppedInsideReceivedRange);
    assertThat(s.received()).isEqualTo(net.sent - net.dropped);
    assertThat(s.late()).isZero();
    assertThat(codec.decodersCreated).isEqualTo(1);
    assertPlayedInOrder();
  }

  @Test
  void aFasterSenderClockIsAbsorbedBySkippingFrames() {
    SimulatedNetwork net = new SimulatedNetwork(8);
    net.drift = -0.005;
    JitterStatistics s = net.run(codec, 60);
    assertThat(s.late()).isZero();
    assertThat(s.lost()).isZero();
    assertThat(s.dropped()).isBetween(10L, 20L);
    assertThat(s.decoded() + s.dropped()).isEqualTo(net.sent);
    assertThat(s.meanAddedDelayMs()).isLessThanOrEqualTo(40);
    assertPlayedInOrder();
  }

  @Test
  void aSlowerSenderClockIsAbsorbedByConcealingBriefly() {
    SimulatedNetwork net = new SimulatedNetwork(9);
    net.drift = 0.005;
    JitterStatistics s = net.run(codec, 60);
    assertThat(s.late()).isZero();
    assertThat(s.lost()).isZero();
    assertThat(s.decoded()).isEqualTo(net.sent);
    assertThat(s.concealed()).isBetween(10L, 40L);
    assertThat(s.meanAddedDelayMs()).isLessThanOrEqualTo(40);
    assertPlayedInOrder();
  }
}
