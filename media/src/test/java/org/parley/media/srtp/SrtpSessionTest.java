package org.parley.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.media.srtp.TestPackets.key;
import static org.parley.media.srtp.TestPackets.rtp;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SrtpSessionTest {
  private static final int SSRC = 0x1234_5678;
  private final SrtpSession alice = new SrtpSession(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key(1), key(2));
  private final SrtpSession bob = new SrtpSession(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key(2), key(1));

  @Test
  void protectedPacketIsEncryptedAndLongerByTheTag() {
    byte[] packet = rtp(7, SSRC, 160);
    byte[] plain = packet.clone();

    int len = alice.protectRtp(packet, 0, 172);

    assertThat(len).isEqualTo(182);
    assertThat(Arrays.copyOf(packet, 12)).isEqualTo(Arrays.copyOf(plain, 12));
    assertThat(Arrays.copyOfRange(packet, 12, 172)).isNotEqualTo(Arrays.copyOfRange(plain, 12, 172));
  }

  @Test
  void peerRecoversTheRtpPacket() {
    byte[] packet = rtp(7, SSRC, 160);
    byte[] plain = packet.clone();

    int len = bob.unprotectRtp(packet, 0, alice.protectRtp(packet, 0, 172));

    assertThat(len).isEqualTo(172);
    assertThat(Arrays.copyOf(packet, 172)).isEqualTo(Arrays.copyOf(plain, 172));
  }

  @Test
  void worksAtAnOffsetInsideALargerBuffer() {
    byte[] plain = rtp(9, SSRC, 80);
    byte[] buf = new byte[300];
    System.arraycopy(plain, 0, buf, 40, 92);

    int len = alice.protectRtp(buf, 40, 92);

    assertThat(bob.unprotectRtp(buf, 40, len)).isEqualTo(92);
    assertThat(Arrays.copyOfRange(buf, 40, 132)).isEqualTo(Arrays.copyOf(plain, 92));
  }

  @Test
  void thirtyTwoBitSuiteAppendsAFourByteTag() {
    SrtpSession a = new SrtpSession(SrtpSuite.AES_CM_128_HMAC_SHA1_32, key(1), key(2));
    SrtpSession b = new SrtpSession(SrtpSuite.AES_CM_128_HMAC_SHA1_32, key(2), key(1));
    byte[] packet = rtp(1, SSRC, 160);

    int len = a.protectRtp(packet, 0, 172);

    assertThat(len).isEqualTo(176);
    assertThat(b.unprotectRtp(packet, 0, len)).isEqualTo(172);
  }

  @Test
  void tamperedPayloadIsRefusedAndLeftUntouched() {
    byte[] packet = rtp(7, SSRC, 160);
    int len = alice.protectRtp(packet, 0, 172);
    packet[50] ^= 1;
    byte[] received = packet.clone();

    assertThat(bob.unprotectRtp(packet, 0, len)).isEqualTo(-1);
    assertThat(packet).isEqualTo(received);
  }

  @Test
  void tamperedHeaderIsRefused() {
    byte[] packet = rtp(7, SSRC, 160);
    int len = alice.protectRtp(packet, 0, 172);
    packet[1] ^= 0x7F;

    assertThat(bob.unprotectRtp(packet, 0, len)).isEqualTo(-1);
  }

  @Test
  void tamperedTagIsRefused() {
    byte[] packet = rtp(7, SSRC, 160);
    int len = alice.protectRtp(packet, 0, 172);
    packet[len - 1] ^= 1;

    assertThat(bob.unprotectRtp(packet, 0, len)).isEqualTo(-1);
  }

  @Test
  void packetFromAnotherKeyIsRefused() {
    SrtpSession stranger = new SrtpSession(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key(3), key(1));
    byte[] packet = rtp(7, SSRC, 160);

    assertThat(bob.unprotectRtp(packet, 0, stranger.protectRtp(packet, 0, 172))).isEqualTo(-1);
  }

  @Test
  void replayedPacketIsRefused() {
    byte[] packet = rtp(7, SSRC, 160);
    int len = alice.protectRtp(packet, 0, 172);
    byte[] copy = packet.clone();

    assertThat(bob.unprotectRtp(packet, 0, len)).isEqualTo(172);
    assertThat(bob.unprotectRtp(copy, 0, len)).isEqualTo(-1);
  }

  @Test
  void refusedForgeryDoesNotBlockTheGenuinePacket() {
    byte[] packet = rtp(7, SSRC, 160);
    int len = alice.protectRtp(packet, 0, 172);
    byte[] forged = packet.clone();
    forged[len - 1] ^= 1;

    assertThat(bob.unprotectRtp(forged, 0, len)).isEqualTo(-1);
    assertThat(bob.unprotectRtp(packet, 0, len)).isEqualTo(172);
  }

  @Test
  void lateButUnseenPacketInsideTheWindowIsAccepted() {
    byte[] late = rtp(10, SSRC, 20);
    int lateLen = alice.protectRtp(late, 0, 32);
    for (int seq = 11; seq < 70; seq++) {
      byte[] p = rtp(seq, SSRC, 20);
      assertThat(bob.unprotectRtp(p, 0, alice.protectRtp(p, 0, 32))).isEqualTo(32);
    }

    assertThat(bob.unprotectRtp(late, 0, lateLen)).isEqualTo(32);
  }

  @Test
  void packetOlderThanTheWindowIsRefused() {
    byte[] old = rtp(10, SSRC, 20);
    int oldLen = alice.protectRtp(old, 0, 32);
    for (int seq = 11; seq <= 74; seq++) {
      byte[] p = rtp(seq, SSRC, 20);
      bob.unprotectRtp(p, 0, alice.protectRtp(p, 0, 32));
    }

    assertThat(bob.unprotectRtp(old, 0, oldLen)).isEqualTo(-1);
  }

  @Test
  void sequenceWrapIncrementsTheRolloverCounterOnBothSides() {
    for (int n = 0; n < 200; n++) {
      int seq = (65_500 + n) & 0xFFFF;
      byte[] p = rtp(seq, SSRC, 40);
      byte[] plain = p.clone();
      assertThat(bob.unprotectRtp(p, 0, alice.protectRtp(p, 0, 52))).isEqualTo(52);
      assertThat(Arrays.copyOf(p, 52)).isEqualTo(Arrays.copyOf(plain, 52));
    }
  }

  @Test
  void packetFromBeforeTheWrapArrivingAfterItIsAccepted() {
    byte[] beforeWrap = rtp(65_535, SSRC, 40);
    for (int seq = 65_530; seq < 65_535; seq++) {
      byte[] p = rtp(seq, SSRC, 40);
      bob.unprotectRtp(p, 0, alice.protectRtp(p, 0, 52));
    }
    int beforeLen = alice.protectRtp(beforeWrap, 0, 52);
    byte[] afterWrap = rtp(2, SSRC, 40);
    assertThat(bob.unprotectRtp(afterWrap, 0, alice.protectRtp(afterWrap, 0, 52))).isEqualTo(52);

    assertThat(bob.unprotectRtp(beforeWrap, 0, beforeLen)).isEqualTo(52);
  }

  @Test
  void headerExtensionAndCsrcsStayInTheClear() {
    byte[] packet = new byte[12 + 4 + 8 + 20 + TestPackets.ROOM];
    System.arraycopy(rtp(3, SSRC, 0), 0, packet, 0, 12);
    packet[0] = (byte) 0x91;
    Arrays.fill(packet, 12, 16, (byte) 0xCC);
    packet[16] = (byte) 0xBE;
    packet[17] = (byte) 0xDE;
    packet[19] = 1;
    Arrays.fill(packet, 20, 24, (byte) 0xEE);
    Arrays.fill(packet, 24, 44, (byte) 0x55);
    byte[] plain = packet.clone();

    int len = alice.protectRtp(packet, 0, 44);

    assertThat(Arrays.copyOf(packet, 24)).isEqualTo(Arrays.copyOf(plain, 24));
    assertThat(bob.unprotectRtp(packet, 0, len)).isEqualTo(44);
    assertThat(Arrays.copyOf(packet, 44)).isEqualTo(Arrays.copyOf(plain, 44));
  }

  @Test
  void eachSsrcHasItsOwnContext() {
    for (int seq = 100; seq < 110; seq++) {
      for (int ssrc = 1; ssrc <= 3; ssrc++) {
        byte[] p = rtp(seq + ssrc * 1000, ssrc, 20);
        assertThat(bob.unprotectRtp(p, 0, alice.protectRtp(p, 0, 32))).isEqualTo(32);
      }
    }
  }

  @Test
  void theLeastRecentSsrcLosesItsContextWhenTheTableIsFull() {
    SrtpSession sender = new SrtpSession(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key(1), key(2), 2);
    SrtpSession receiver = new SrtpSession(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key(2), key(1), 2);
    byte[] replay = rtp(5, 1, 20);
    int replayLen = sender.protectRtp(replay, 0, 32);
    byte[] copy = replay.clone();
    receiver.unprotectRtp(replay, 0, replayLen);
    for (int ssrc = 2; ssrc <= 3; ssrc++) {
      byte[] p = rtp(5, ssrc, 20);
      receiver.unprotectRtp(p, 0, sender.protectRtp(p, 0, 32));
    }

    // SSRC 1 was evicted: its replay window is gone, which is the price of the bound.
    assertThat(receiver.unprotectRtp(copy, 0, replayLen)).isEqualTo(32);
  }

  @Test
  void truncatedOrNonRtpInputIsRefused() {
    byte[] packet = rtp(7, SSRC, 160);
    int len = alice.protectRtp(packet, 0, 172);

    assertThat(bob.unprotectRtp(packet, 0, 11)).isEqualTo(-1);
    assertThat(bob.unprotectRtp(packet, 0, 21)).isEqualTo(-1);
    packet[0] = 0x40;
    assertThat(bob.unprotectRtp(packet, 0, len)).isEqualTo(-1);
  }

  @Test
  void protectWithoutRoomForTheTagIsACallerBug() {
    byte[] packet = Arrays.copyOf(rtp(7, SSRC, 160), 172);

    assertThatThrownBy(() -> alice.protectRtp(packet, 0, 172))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void mkiIsSentAndChecked() {
    SrtpMasterKey withMki = new SrtpMasterKey(key(1).key(), key(1).salt(), new byte[] {0, 0, 0, 1});
    SrtpSession a = new SrtpSession(SrtpSuite.AES_CM_128_HMAC_SHA1_80, withMki, key(2));
    SrtpSession b = new SrtpSession(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key(2), withMki);
    byte[] packet = rtp(7, SSRC, 160);

    int len = a.protectRtp(packet, 0, 172);

    assertThat(len).isEqualTo(186);
    assertThat(Arrays.copyOfRange(packet, 172, 176)).containsExactly(0, 0, 0, 1);
    byte[] otherMki = packet.clone();
    otherMki[175] = 2;
    assertThat(b.unprotectRtp(otherMki, 0, len)).isEqualTo(-1);
    assertThat(b.unprotectRtp(packet, 0, len)).isEqualTo(172);
  }
}
