package org.parley.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NtpTimeTest {

  @Test
  void roundTripOfTheRfc3550Section641Example() {
    // A = 0xb710:8000 (46864.500 s), LSR = 0xb705:2000 (46853.125 s), DLSR = 0x0005:4000 (5.250 s)
    assertThat(NtpTime.roundTripMillis(0xb7108000L, 0xb7052000L, 0x00054000L))
        .isCloseTo(6125.0, within(1e-9));
  }

  @Test
  void noLastSenderReportMeansNoRoundTrip() {
    assertThat(NtpTime.roundTripMillis(0xb7108000L, 0, 0)).isNegative();
  }

  @Test
  void theUnixEpochIsNtpSecond2208988800() {
    assertThat(NtpTime.fromEpochMicros(0)).isEqualTo(2_208_988_800L << 32);
    assertThat(NtpTime.fromEpochMicros(500_000)).isEqualTo(2_208_988_800L << 32 | 0x8000_0000L);
  }

  @Test
  void middle32IsSixteenBitsOfSecondsAndSixteenOfFraction() {
    assertThat(NtpTime.middle32(0xe73c2b1a80000000L)).isEqualTo(0x2b1a8000L);
  }

  @Test
  void delaysBecomeUnitsOfOneOver65536Seconds() {
    assertThat(NtpTime.toShortUnits(1_500_000_000L)).isEqualTo(0x18000L);
    assertThat(NtpTime.toShortUnits(-5)).isZero();
    assertThat(NtpTime.toShortUnits(Long.MAX_VALUE)).isEqualTo(0xFFFF_FFFFL);
  }
}
