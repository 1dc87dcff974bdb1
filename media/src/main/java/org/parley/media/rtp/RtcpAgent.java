package org.parley.media.rtp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * The RTCP side of a session: reads compound packets from the remote (SR timing, report blocks on
 * our stream, BYE) and sends our SR or RR with SDES CNAME at the RFC 3550 interval.
 *
 * <p>Threading: the session's media thread only. RTCP is rare (every few seconds), so report
 * blocks are allocated as records; nothing on the RTP path is.
 */
final class RtcpAgent implements RtcpVisitor {
  private static final int UDP_IP_OVERHEAD = 28;

  private final RtpSessionConfig config;
  private final SessionState state;
  private final RemoteSource remote;
  private final MediaClock clock;
  private final RtpListener listener;
  private final DatagramChannel channel;
  private final PacketTransform transform;
  private final Random random;
  private final byte[] cname;
  private final byte[] out = new byte[1500 + 64];
  private final ByteBuffer outBuffer = ByteBuffer.wrap(out);
  private final RtcpWriter writer = new RtcpWriter(out, 0);

  private double averageSize = 128;
  private boolean initial = true;
  private long nextReportNanos;
  private long sentAtLastReport;
  private long sentAtReportBefore;
  private long arrivalNanos;
  private boolean ourSsrcSeen;
  private boolean fromRemote;
  private volatile long rejected;

  RtcpAgent(RtpSessionConfig config, SessionState state, RemoteSource remote, MediaClock clock,
      RtpListener listener, DatagramChannel sendChannel, Random random) {
    this.config = config;
    this.state = state;
    this.remote = remote;
    this.clock = clock;
    this.listener = listener;
    this.channel = sendChannel;
    this.transform = config.rtcpTransform().orElse(null);
    this.random = random;
    this.cname = config.cname().getBytes(StandardCharsets.UTF_8);
    this.nextReportNanos = System.nanoTime() + intervalNanos(false);
  }

  /**
   * Reads one datagram of RTCP.
   *
   * @return whether it was authentic and well formed
   */
  boolean receive(byte[] buf, int len, long nowNanos) {
    if (transform != null) {
      len = transform.unprotect(buf, 0, len);
      if (len < 0) {
        rejected++;
        return false;
      }
    }
    arrivalNanos = nowNanos;
    ourSsrcSeen = false;
    fromRemote = false;
    return RtcpParser.parse(buf, 0, len, this) == RtcpParse.VALID;
  }

  /** After {@link #receive}: whether an SR or RR claimed our own SSRC. */
  boolean ourSsrcSeen() {
    return ourSsrcSeen;
  }

  /** After {@link #receive}: whether the packet came from the remote source we follow. */
  boolean fromRemote() {
    return fromRemote;
  }

  long rejected() {
    return rejected;
  }

  @Override
  public void senderReport(int ssrc, long ntp, long rtpTimestamp, long packets, long octets) {
    sender(ssrc);
    if (remote.known && ssrc == remote.ssrc) {
      remote.lastSrMiddle = NtpTime.middle32(ntp);
      remote.lastSrArrivalNanos = arrivalNanos;
    }
  }

  @Override
  public void receiverReport(int ssrc) {
    sender(ssrc);
  }

  private void sender(int ssrc) {
    if (ssrc == state.ssrc) {
      ourSsrcSeen = true;
    } else if (remote.known && ssrc == remote.ssrc) {
      fromRemote = true;
    }
  }

  @Override
  public void reportBlock(int reporterSsrc, ReportBlock block) {
    if (block.ssrc() != state.ssrc || reporterSsrc == state.ssrc) {
      return;
    }
    double rtt = NtpTime.roundTripMillis(
        NtpTime.middle32(clock.ntp(arrivalNanos)),
        block.lastSenderReport(),
        block.delaySinceLastSenderReport());
    if (rtt >= 0) {
      remote.roundTripMillis = rtt;
    }
    remote.lossOfOursPercent = block.fractionLostPercent();
  }

  @Override
  public void bye(int ssrc) {
    if (remote.known && ssrc == remote.ssrc) {
      remote.left();
      listener.onBye(ssrc);
    }
  }

  /** Sends a report when one is due. @return nanoseconds until the next one */
  long tick(long nowNanos) throws IOException {
    if (nowNanos - nextReportNanos >= 0) {
      boolean weSent = send(nowNanos, state.ssrc, false);
      nextReportNanos = nowNanos + intervalNanos(weSent);
    }
    return nextReportNanos - nowNanos;
  }

  /** Sends an RR or SR with CNAME and a BYE for {@code ssrc} (leaving, or an SSRC collision). */
  void sendBye(long nowNanos, int ssrc) throws IOException {
    send(nowNanos, ssrc, true);
  }

  private boolean send(long now, int ssrc, boolean bye) throws IOException {
    long packets = state.packetsSent;
    boolean weSent = packets != sentAtReportBefore;
    InetSocketAddress target = config.rtcpMux() ? state.remoteRtp : state.remoteRtcp;
    if (target == null) {
      return weSent;
    }
    writer.reset(out, 0);
    if (weSent) {
      writer.senderReport(ssrc, clock.ntp(now), timestampAt(now),
          state.packetsWithCurrentSsrc(), state.octetsWithCurrentSsrc());
    } else {
      writer.receiverReport(ssrc);
    }
    if (remote.known && remote.stats.valid()) {
      int fraction = remote.stats.fractionLostSinceLastReport();
      remote.recentLossPercent = fraction * 100.0 / 256.0;
      long dlsr = remote.lastSrArrivalNanos == 0
          ? 0 : NtpTime.toShortUnits(now - remote.lastSrArrivalNanos);
      writer.reportBlock(remote.ssrc, fraction, remote.stats.cumulativeLostField(),
          remote.stats.extendedHighestSequence(), remote.stats.jitter(), remote.lastSrMiddle, dlsr);
    }
    writer.sdesCname(ssrc, cname);
    if (bye) {
      writer.bye(ssrc);
    }
    int n = writer.length();
    if (transform != null) {
      n = transform.protect(out, 0, n);
    }
    outBuffer.clear().limit(n);
    channel.send(outBuffer, target);
    averageSize = RtcpInterval.averageSize(averageSize, n + UDP_IP_OVERHEAD);
    sentAtReportBefore = sentAtLastReport;
    sentAtLastReport = packets;
    return weSent;
  }

  private long timestampAt(long now) {
    long last = state.lastSendNanos;
    long elapsed = last == 0 ? 0 : now - last;
    return (state.lastTimestamp + clock.units(elapsed, state.sendClockRate)) & 0xFFFF_FFFFL;
  }

  private long intervalNanos(boolean weSent) {
    boolean remoteSent = remote.known && remote.stats.received() > remote.receivedAtLastReport;
    remote.receivedAtLastReport = remote.stats.received();
    int members = remote.known ? 2 : 1;
    int senders = (weSent ? 1 : 0) + (remoteSent ? 1 : 0);
    double rtcpBandwidth = config.sessionBandwidth() / 8.0 * 0.05;
    double seconds = RtcpInterval.seconds(members, senders, rtcpBandwidth, weSent, averageSize,
        initial, config.rtcpMinimumInterval().toNanos() / 1e9, random.nextDouble());
    initial = false;
    return (long) (seconds * 1e9);
  }
}
