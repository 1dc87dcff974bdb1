package org.parley.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.media.srtp.TestPackets.key;
import static org.parley.media.srtp.TestPackets.rtcp;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SrtcpTest {
  private static final int SSRC = 0xCAFE_BABE;
  private final SrtpSession alice = new SrtpSession(SrtpSuite.AES_CM_128_HMAC_SHA1_32, key(1), key(2));
  private final SrtpSession bob = new SrtpSession(SrtpSuite.AES_CM_128_HMAC_SHA1_32, key(2), key(1));

  @Test
  void peerRecoversTheRtcpPacket() {
    byte[] packet = rtcp(SSRC, 24);
    byte[] plain = packet.clone();

    int len = alice.protectRtcp(packet, 0, 32);

    assertThat(len).as("E+index, then an 80-bit tag even for the _32 suite").isEqualTo(46);
    assertThat(Arrays.copyOf(packet, 8)).isEqualTo(Arrays.copyOf(plain, 8));
    assertThat(Arrays.copyOfRange(packet, 8, 32)).isNotEqualTo(Arrays.copyOfRange(plain, 8, 32));
    assertThat(bob.unprotectRtcp(packet, 0, len)).isEqualTo(32);
    assertThat(Arrays.copyOf(packet, 32)).isEqualTo(Arrays.copyOf(plain, 32));
  }

  @Test
  void trailerCarriesTheEFlagAndACountingIndex() {
    byte[] first = rtcp(SSRC, 0);
    byte[] second = rtcp(SSRC, 0);

    alice.protectRtcp(first, 0, 8);
    alice.protectRtcp(second, 0, 8);

    assertThat(Arrays.copyOfRange(first, 8, 12)).containsExactly(0x80, 0, 0, 0);
    assertThat(Arrays.copyOfRange(second, 8, 12)).containsExactly(0x80, 0, 0, 1);
  }

  @Test
  void tamperedPacketIsRefused() {
    byte[] packet = rtcp(SSRC, 24);
    int len = alice.protectRtcp(packet, 0, 32);
    packet[20] ^= 4;

    assertThat(bob.unprotectRtcp(packet, 0, len)).isEqualTo(-1);
  }

  @Test
  void tamperedIndexIsRefused() {
    byte[] packet = rtcp(SSRC, 24);
    int len = alice.protectRtcp(packet, 0, 32);
    packet[35] ^= 1;

    assertThat(bob.unprotectRtcp(packet, 0, len)).isEqualTo(-1);
  }

  @Test
  void clearedEFlagIsRefused() {
    byte[] packet = rtcp(SSRC, 24);
    int len = alice.protectRtcp(packet, 0, 32);
    packet[32] &= 0x7F;

    assertThat(bob.unprotectRtcp(packet, 0, len)).isEqualTo(-1);
  }

  @Test
  void replayedPacketIsRefused() {
    byte[] packet = rtcp(SSRC, 24);
    int len = alice.protectRtcp(packet, 0, 32);
    byte[] copy = packet.clone();

    assertThat(bob.unprotectRtcp(packet, 0, len)).isEqualTo(32);
    assertThat(bob.unprotectRtcp(copy, 0, len)).isEqualTo(-1);
  }

  @Test
  void packetOlderThanTheWindowIsRefused() {
    byte[] old = rtcp(SSRC, 4);
    int oldLen = alice.protectRtcp(old, 0, 12);
    for (int i = 0; i < 64; i++) {
      byte[] p = rtcp(SSRC, 4);
      assertThat(bob.unprotectRtcp(p, 0, alice.protectRtcp(p, 0, 12))).isEqualTo(12);
    }

    assertThat(bob.unprotectRtcp(old, 0, oldLen)).isEqualTo(-1);
  }

  @Test
  void rtcpAndRtpKeysDiffer() {
    byte[] packet = TestPackets.rtp(1, SSRC, 20);
    int len = alice.protectRtp(packet, 0, 32);

    assertThat(bob.unprotectRtcp(packet, 0, len)).isEqualTo(-1);
  }

  @Test
  void truncatedPacketIsRefused() {
    byte[] packet = rtcp(SSRC, 24);
    alice.protectRtcp(packet, 0, 32);

    assertThat(bob.unprotectRtcp(packet, 0, 21)).isEqualTo(-1);
  }
}
