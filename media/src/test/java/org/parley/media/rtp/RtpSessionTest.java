package org.parley.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RtpSessionTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final List<AutoCloseable> open = new ArrayList<>();
  private final RecordingListener atA = new RecordingListener();
  private final RecordingListener atB = new RecordingListener();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private RtpSessionConfig config() {
    return RtpSessionConfig.on(LOOPBACK).withPorts(20000, 59999).withCname("test@127.0.0.1");
  }

  private RtpSession session(RtpSessionConfig config, RtpListener listener) throws IOException {
    RtpSession s = RtpSession.open(config, listener);
    open.add(s);
    return s;
  }

  private static InetSocketAddress rtpOf(RtpSession s) {
    return new InetSocketAddress(LOOPBACK, s.localRtpPort());
  }

  private static void sendFrames(RtpSession s, int count) throws IOException {
    byte[] payload = new byte[160];
    for (int i = 0; i < count; i++) {
      payload[0] = (byte) i;
      assertThat(s.send(0, i == 0, 1000 + 160L * i, payload, 0, payload.length)).isTrue();
    }
  }

  @Test
  void bindsAnEvenRtpPortWithRtcpOnTheNext() throws IOException {
    RtpSession a = session(config(), atA);
    assertThat(a.localRtpPort() % 2).isZero();
    assertThat(a.localRtcpPort()).isEqualTo(a.localRtpPort() + 1);
  }

  @Test
  void twoSessionsExchangePacketsBothWays() throws IOException {
    RtpSession a = session(config(), atA);
    RtpSession b = session(config(), atB);
    a.setRemote(rtpOf(b), null);
    b.setRemote(rtpOf(a), null);

    sendFrames(a, 50);
    sendFrames(b, 50);

    await().atMost(WAIT).until(() -> atB.packets.size() == 49 && atA.packets.size() == 49);
    RecordingListener.Received second = atB.packets.get(0);
    assertThat(second.ssrc()).isEqualTo(a.ssrc());
    assertThat(second.timestamp()).isEqualTo(1160);
    assertThat(second.payload()).hasSize(160).startsWith((byte) 1);
    assertThat(atB.packets).extracting(RecordingListener.Received::seq)
        .allSatisfy(seq -> assertThat(seq).isBetween(0, 65535));
    await().atMost(WAIT).until(() -> b.quality().packetsReceived() == 49);
    assertThat(b.quality().lossPercent()).isZero();
    assertThat(a.quality().packetsSent()).isEqualTo(50);
  }

  @Test
  void latchesToTheSourceWhenTheSignalledPortIsWrong() throws IOException {
    RtpSession a = session(config(), atA);
    RtpSession b = session(config(), atB);
    InetSocketAddress wrong = new InetSocketAddress(LOOPBACK, b.localRtpPort() + 10);
    a.setRemote(wrong, null);
    b.setRemote(rtpOf(a), null);

    sendFrames(a, 3);
    sendFrames(b, 5);

    await().atMost(WAIT).until(() -> rtpOf(b).equals(a.remoteRtpAddress()));
    assertThat(atB.packets).isEmpty();
    sendFrames(a, 5);
    await().atMost(WAIT).until(() -> atB.packets.size() >= 4);
  }

  @Test
  void rtcpReportsGiveRoundTripAndRemoteLoss() throws IOException {
    RtpSessionConfig fast = config().withRtcpMinimumInterval(Duration.ofMillis(100));
    RtpSession a = session(fast, atA);
    RtpSession b = session(fast, atB);
    a.setRemote(rtpOf(b), null);
    b.setRemote(rtpOf(a), null);

    sendFrames(a, 10);
    sendFrames(b, 10);

    await().atMost(WAIT).until(() -> a.quality().roundTripMillis().isPresent()
        && b.quality().roundTripMillis().isPresent());
    assertThat(a.quality().roundTripMillis().getAsDouble()).isBetween(0.0, 1000.0);
    assertThat(a.quality().remoteLossPercent()).hasValue(0.0);
  }

  @Test
  void lossFromAPeerThatSkipsSequenceNumbersShowsInTheQuality() throws IOException {
    RtpSession a = session(config(), atA);
    try (DatagramChannel peer = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, 0))) {
      byte[] buf = new byte[172];
      for (int seq = 0; seq <= 20; seq++) {
        if (seq == 5 || seq == 10) {
          continue;
        }
        RtpHeaderWriter.write(buf, 0, false, 8, seq, 160L * seq, 0x5150);
        peer.send(ByteBuffer.wrap(buf), rtpOf(a));
      }
      // valid from seq 1: 20 expected, 18 received
      await().atMost(WAIT).until(() -> a.quality().lossPercent() == 10.0);
      assertThat(a.quality().packetsReceived()).isEqualTo(18);
      assertThat(a.remoteRtpAddress()).isEqualTo(peer.getLocalAddress());
    }
  }

  @Test
  void jitterOfAnOpusStreamIsCountedOnItsFortyEightKilohertzClock() throws IOException {
    RtpSession b = session(config(), atB); // opened at 8 kHz before SDP, as a call's stream is
    int[] rates = new int[128];
    rates[111] = 48_000;
    b.setClockRates(48_000, rates);
    try (DatagramChannel peer = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, 0))) {
      // 20 ms Opus packets, every other one held back 10 ms: the interarrival jitter is 10 ms
      // (at the session's former 8 kHz it came out near 100 ms)
      byte[] packet = new byte[RtpPacket.FIXED_HEADER + 80];
      long start = System.nanoTime();
      for (int i = 0; i < 100; i++) {
        long due = start + i * 20_000_000L + (i % 2) * 10_000_000L;
        while (System.nanoTime() - due < 0) {
          java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
        }
        RtpHeaderWriter.write(packet, 0, i == 0, 111, i, 40_000 + i * 960L, 0x5EED);
        peer.send(ByteBuffer.wrap(packet), rtpOf(b));
      }
    }
    await().atMost(WAIT).until(() -> b.quality().packetsReceived() >= 98);
    double jitter = b.quality().jitterMillis();
    LoggerFactory.getLogger(RtpSessionTest.class).info("10 ms alternating delay at 48 kHz: jitter {} ms", jitter);
    assertThat(jitter).isBetween(7.0, 13.0);
  }

  @Test
  void anSsrcCollisionSendsByeAndChoosesANewSsrc() throws IOException {
    RtpSession a = session(config(), atA);
    RtpSession b = session(config(), atB);
    a.setRemote(rtpOf(b), null);
    b.setRemote(rtpOf(a), null);
    sendFrames(a, 3);
    await().atMost(WAIT).until(() -> atB.packets.size() == 2);
    int old = a.ssrc();

    try (DatagramChannel intruder = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, 0))) {
      byte[] buf = new byte[20];
      RtpHeaderWriter.write(buf, 0, false, 0, 7, 0, old);
      intruder.send(ByteBuffer.wrap(buf), rtpOf(a));
      await().atMost(WAIT).until(() -> a.ssrc() != old);
    }

    assertThat(atA.ssrcChanges).singleElement()
        .satisfies(c -> assertThat(c).containsExactly(old, a.ssrc()));
    await().atMost(WAIT).until(() -> atB.byes.contains(old));
    sendFrames(a, 3);
    await().atMost(WAIT).until(() -> atB.countFrom(a.ssrc()) == 2);
  }

  @Test
  void closingSendsByeToThePeer() throws IOException {
    RtpSession a = session(config(), atA);
    RtpSession b = session(config(), atB);
    a.setRemote(rtpOf(b), null);
    b.setRemote(rtpOf(a), null);
    sendFrames(b, 3);
    await().atMost(WAIT).until(() -> atA.packets.size() == 2);
    int bSsrc = b.ssrc();

    b.close();

    await().atMost(WAIT).until(() -> atA.byes.contains(bSsrc));
    assertThatThrownBy(() -> sendFrames(b, 1)).isInstanceOf(IOException.class);
  }

  @Test
  void rtcpCanShareTheRtpPort() throws IOException {
    RtpSessionConfig muxed = config().withRtcpMux(true).withRtcpMinimumInterval(Duration.ofMillis(100));
    RtpSession a = session(muxed, atA);
    RtpSession b = session(muxed, atB);
    a.setRemote(rtpOf(b), null);
    b.setRemote(rtpOf(a), null);
    sendFrames(a, 5);
    sendFrames(b, 5);

    await().atMost(WAIT).until(() -> a.quality().roundTripMillis().isPresent());
    assertThat(a.malformedPackets()).isZero();
  }

  @Test
  void transformsProtectBothWaysAndAForeignKeyIsRejected() throws IOException {
    RtpSession a = session(config().withTransforms(new XorTransform(0x5A), new XorTransform(0x5B)), atA);
    RtpSession b = session(config().withTransforms(new XorTransform(0x5A), new XorTransform(0x5B)), atB);
    RecordingListener atC = new RecordingListener();
    RtpSession c = session(config().withTransforms(new XorTransform(0x11), new XorTransform(0x12)), atC);
    a.setRemote(rtpOf(b), null);
    c.setRemote(rtpOf(b), null);

    sendFrames(a, 5);
    sendFrames(c, 5);

    await().atMost(WAIT).until(() -> atB.packets.size() == 4 && b.rejectedPackets() == 5);
    assertThat(atB.packets).allSatisfy(p -> assertThat(p.ssrc()).isEqualTo(a.ssrc()));
  }

  @Test
  void aTakenRangeGivesAClearException() throws IOException {
    RtpSession a = session(config(), atA);
    int port = a.localRtpPort();

    assertThatThrownBy(() -> session(config().withPorts(port, port + 1), atB))
        .isInstanceOf(PortRangeExhaustedException.class)
        .hasMessageContaining(port + "-" + (port + 1))
        .hasMessageContaining("127.0.0.1");
  }

  @Test
  void portsInUseAreSkipped() throws IOException {
    RtpSession a = session(config(), atA);
    int port = a.localRtpPort();
    int low = port - 2 >= 20000 ? port - 2 : port;
    RtpSession b = session(config().withPorts(low, port + 3), atB);
    assertThat(b.localRtpPort()).isNotEqualTo(port).isBetween(low, port + 2);
  }

  /** A toy transform: XORs the payload and appends a key byte as its "tag". */
  static final class XorTransform implements PacketTransform {
    private final byte key;

    XorTransform(int key) {
      this.key = (byte) key;
    }

    @Override
    public int protect(byte[] buf, int off, int len) {
      for (int i = off + 12; i < off + len; i++) {
        buf[i] ^= key;
      }
      buf[off + len] = key;
      return len + 1;
    }

    @Override
    public int unprotect(byte[] buf, int off, int len) {
      if (len < 13 || buf[off + len - 1] != key) {
        return -1;
      }
      for (int i = off + 12; i < off + len - 1; i++) {
        buf[i] ^= key;
      }
      return len - 1;
    }
  }
}
