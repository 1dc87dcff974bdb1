package org.parley.media.rtp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media thread of one session: reads RTP and RTCP from both channels with one selector,
 * validates and hands RTP to the listener, latches the remote addresses (symmetric RTP, RFC 4961),
 * handles SSRC collisions (RFC 3550 8.2) and sends RTCP when due.
 *
 * <p>Owns {@link RemoteSource} and the receive buffers; shares only {@link SessionState} with the
 * sending thread. The steady-state path allocates nothing per packet.
 */
final class MediaLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(MediaLoop.class);
  private static final long PUBLISH_NANOS = 250_000_000L;
  private static final int CONFLICTS = 8;

  private final RtpSessionConfig config;
  private final RtpListener listener;
  private final SessionState state;
  private final DatagramChannel rtp;
  private final DatagramChannel rtcp;
  private final InetSocketAddress localRtp;
  private final Random random;
  private final MediaClock clock;
  private final RemoteSource remote;
  private final RtcpAgent rtcpAgent;
  private final PacketTransform rtpTransform;
  private final Selector selector;
  private final byte[] in = new byte[2048];
  private final ByteBuffer inBuffer = ByteBuffer.wrap(in);
  private final RtpPacket packet = new RtpPacket();
  private final Consumer<SelectionKey> onReady = this::onReady;
  private final InetSocketAddress[] conflicts = new InetSocketAddress[CONFLICTS];
  private int nextConflict;
  private long lastPublish;
  private volatile long malformed;
  private volatile long rejected;
  private volatile boolean running = true;
  private volatile CallQuality quality = CallQuality.NONE;
  private OptionalDouble roundTrip = OptionalDouble.empty();
  private OptionalDouble lossOfOurs = OptionalDouble.empty();
  private Thread thread;

  MediaLoop(RtpSessionConfig config, RtpListener listener, SessionState state,
      DatagramChannel rtp, DatagramChannel rtcp, Random random) throws IOException {
    this.config = config;
    this.listener = listener;
    this.state = state;
    this.rtp = rtp;
    this.rtcp = rtcp;
    this.localRtp = (InetSocketAddress) rtp.getLocalAddress();
    this.random = random;
    this.clock = new MediaClock();
    this.remote = new RemoteSource(config.clockRate());
    this.rtpTransform = config.rtpTransform().orElse(null);
    // RTCP intervals need spread, not secrecy: a Random seeded once draws without allocating
    this.rtcpAgent = new RtcpAgent(config, state, remote, clock, listener,
        config.rtcpMux() ? rtp : rtcp, new Random(random.nextLong()));
    this.selector = Selector.open();
    rtp.configureBlocking(false).register(selector, SelectionKey.OP_READ);
    rtcp.configureBlocking(false).register(selector, SelectionKey.OP_READ);
  }

  void start() {
    thread = new Thread(this, "parley-rtp-" + localRtp.getPort());
    thread.setDaemon(true);
    thread.setPriority(Thread.MAX_PRIORITY);
    thread.start();
  }

  /** Stops the thread, which sends a BYE and closes both channels. Any thread; waits up to 2 s. */
  void stop() throws InterruptedException {
    running = false;
    selector.wakeup();
    if (thread != null && thread != Thread.currentThread()) {
      thread.join(2000);
    }
  }

  CallQuality quality() {
    return quality;
  }

  @Override
  public void run() {
    try {
      while (running) {
        long now = System.nanoTime();
        long untilReport = rtcpAgent.tick(now);
        if (now - lastPublish >= PUBLISH_NANOS) {
          publish();
          lastPublish = now;
        }
        long waitMillis = Math.max(1, Math.min(untilReport / 1_000_000, PUBLISH_NANOS / 1_000_000));
        selector.select(onReady, waitMillis);
      }
      rtcpAgent.sendBye(System.nanoTime(), state.ssrc);
    } catch (ClosedChannelException e) {
      LOG.debug("RTP channel on port {} closed", localRtp.getPort());
    } catch (IOException | RuntimeException e) {
      LOG.warn("RTP session on port {} stopped: {}", localRtp.getPort(), e.toString());
    } finally {
      publish();
      closeQuietly();
    }
  }

  private void onReady(SelectionKey key) {
    try {
      if (key.channel() == rtp) {
        drain(rtp, true);
      } else {
        drain(rtcp, false);
      }
    } catch (ClosedChannelException e) {
      running = false;
    } catch (IOException e) {
      LOG.debug("receive on port {} failed: {}", localRtp.getPort(), e.toString());
    }
  }

  private void drain(DatagramChannel channel, boolean rtpPort) throws IOException {
    while (true) {
      inBuffer.clear();
      SocketAddress source = channel.receive(inBuffer);
      if (source == null) {
        return;
      }
      int n = inBuffer.position();
      long now = System.nanoTime();
      if (!rtpPort || RtcpPacketType.isRtcp(in, 0, n)) {
        onRtcp(n, (InetSocketAddress) source, now, rtpPort);
      } else {
        onRtp(n, (InetSocketAddress) source, now);
      }
    }
  }

  private void onRtp(int n, InetSocketAddress source, long now) throws IOException {
    if (rtpTransform != null) {
      n = rtpTransform.unprotect(in, 0, n);
      if (n < 0) {
        rejected++;
        return;
      }
    }
    if (packet.parse(in, 0, n) != RtpParse.VALID) {
      malformed++;
      return;
    }
    int ssrc = packet.ssrc();
    if (ssrc == state.ssrc) {
      collision(source, now);
      return;
    }
    if (!remote.known || ssrc != remote.ssrc) {
      if (remote.isFormer(ssrc)) {
        return;
      }
      remote.follow(ssrc);
    }
    int rate = state.receiveClockRate(packet.payloadType());
    remote.stats.changeClockRate(rate);
    Arrival arrival = remote.stats.update(
        packet.sequenceNumber(), packet.timestamp(), clock.arrivalUnits(now, rate));
    if (!arrival.deliverable()) {
      return;
    }
    if (!source.equals(state.remoteRtp)) {
      LOG.info("RTP from {} instead of {}: sending there (symmetric RTP)", source, state.remoteRtp);
      state.remoteRtp = source;
    }
    listener.onRtp(packet);
  }

  private void onRtcp(int n, InetSocketAddress source, long now, boolean muxed) throws IOException {
    if (!rtcpAgent.receive(in, n, now)) {
      malformed++;
      return;
    }
    if (rtcpAgent.ourSsrcSeen()) {
      collision(source, now);
    } else if (rtcpAgent.fromRemote() && !muxed && !source.equals(state.remoteRtcp)) {
      LOG.info("RTCP from {} instead of {}: sending there", source, state.remoteRtcp);
      state.remoteRtcp = source;
    }
  }

  /** A packet with our SSRC from elsewhere: RFC 3550 8.2 (our own loop, a known loop, or new). */
  private void collision(InetSocketAddress source, long now) throws IOException {
    if (isOwn(source)) {
      return;
    }
    for (InetSocketAddress known : conflicts) {
      if (source.equals(known)) {
        return;
      }
    }
    conflicts[nextConflict] = source;
    nextConflict = (nextConflict + 1) % CONFLICTS;
    int old = state.ssrc;
    rtcpAgent.sendBye(now, old);
    int fresh;
    do {
      fresh = random.nextInt();
    } while (fresh == old || (remote.known && fresh == remote.ssrc));
    state.packetsAtSsrcChange = state.packetsSent;
    state.octetsAtSsrcChange = state.octetsSent;
    state.ssrc = fresh;
    LOG.info("SSRC collision with {}: changed {} to {}", source, Integer.toUnsignedString(old),
        Integer.toUnsignedString(fresh));
    listener.onSsrcChanged(old, fresh);
  }

  private boolean isOwn(InetSocketAddress source) {
    if (source.getPort() != localRtp.getPort() && source.getPort() != localRtp.getPort() + 1) {
      return false;
    }
    InetAddress local = localRtp.getAddress();
    InetAddress from = source.getAddress();
    return local.isAnyLocalAddress() ? from.isLoopbackAddress() : local.equals(from);
  }

  /** Builds the UI's snapshot; the two optional figures are reused while they do not change. */
  private void publish() {
    ReceptionStatistics s = remote.stats;
    roundTrip = reuse(roundTrip, remote.roundTripMillis);
    lossOfOurs = reuse(lossOfOurs, remote.lossOfOursPercent);
    long expected = s.expected();
    double loss = expected > 0 ? Math.max(0, s.cumulativeLost()) * 100.0 / expected : 0;
    quality = new CallQuality(
        state.packetsSent,
        s.received(),
        loss,
        remote.recentLossPercent,
        s.jitterMillis(),
        roundTrip,
        lossOfOurs);
  }

  /** {@code current} if it already holds {@code value} (negative: none), else a new one. */
  private static OptionalDouble reuse(OptionalDouble current, double value) {
    if (value < 0) {
      return OptionalDouble.empty();
    }
    boolean same = current.isPresent() && Double.compare(current.getAsDouble(), value) == 0;
    return same ? current : OptionalDouble.of(value);
  }

  /** Datagrams dropped as malformed, and as rejected by the transforms. */
  long malformed() {
    return malformed;
  }

  long rejected() {
    return rejected + rtcpAgent.rejected();
  }

  private void closeQuietly() {
    try {
      selector.close();
      rtp.close();
      rtcp.close();
    } catch (IOException e) {
      LOG.debug("closing RTP channels: {}", e.toString());
    }
  }
}
