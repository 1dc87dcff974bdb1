package org.parley.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RtcpIntervalTest {
  private static final double COMPENSATION = Math.E - 1.5;
  // 64 kbit/s session: 8000 octets/s, RTCP 5 % = 400 octets/s

  @Test
  void aTwoPartyCallUsesTheFiveSecondMinimumRandomisedByHalfToOneAndAHalf() {
    double middle = RtcpInterval.seconds(2, 2, 400, true, 100, false, 5, 0.5);
    double low = RtcpInterval.seconds(2, 2, 400, true, 100, false, 5, 0.0);
    double high = RtcpInterval.seconds(2, 2, 400, true, 100, false, 5, 0.999_999);
    assertThat(middle).isCloseTo(5 / COMPENSATION, within(1e-9));
    assertThat(low).isCloseTo(2.5 / COMPENSATION, within(1e-9));
    assertThat(high).isCloseTo(7.5 / COMPENSATION, within(1e-5));
  }

  @Test
  void theFirstReportWaitsHalfTheMinimum() {
    assertThat(RtcpInterval.seconds(1, 0, 400, false, 100, true, 5, 0.5))
        .isCloseTo(2.5 / COMPENSATION, within(1e-9));
  }

  @Test
  void aLargeSessionIsBoundByBandwidthAndSendersShareAQuarter() {
    // 1000 members, 10 senders, 200-octet reports: receivers get 300 octets/s for 990 members
    double receiver = RtcpInterval.seconds(1000, 10, 400, false, 200, false, 5, 0.5);
    assertThat(receiver).isCloseTo(200.0 * 990 / 300 / COMPENSATION, within(1e-9));
    // a sender shares 100 octets/s with the other 9 senders
    double sender = RtcpInterval.seconds(1000, 10, 400, true, 200, false, 5, 0.5);
    assertThat(sender).isCloseTo(200.0 * 10 / 100 / COMPENSATION, within(1e-9));
    // with more than a quarter sending, everyone shares the whole RTCP bandwidth
    double crowd = RtcpInterval.seconds(1000, 300, 400, true, 200, false, 5, 0.5);
    assertThat(crowd).isCloseTo(200.0 * 1000 / 400 / COMPENSATION, within(1e-9));
  }

  @Test
  void averageSizeMovesASixteenthTowardsEachPacket() {
    assertThat(RtcpInterval.averageSize(128, 144)).isEqualTo(129.0);
  }
}
