package org.parley.media.rtp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * One RTP session of a two-party call: an RTP channel on an even port and RTCP on the next, a
 * random SSRC, symmetric RTP (we send from the port we receive on and follow the source of valid
 * incoming packets), RTCP reports at the RFC 3550 interval and a BYE on close.
 *
 * <p>Threading: {@link #send} is called by one media thread at a time (the audio sender; DTMF goes
 * through the same thread); {@link #setRemote}, {@link #setClockRates}, {@link #quality}, {@link
 * #ssrc} and {@link #close} from any thread. Incoming packets reach the {@link RtpListener} on the session's own media
 * thread. Nothing here takes a lock.
 */
public final class RtpSession implements AutoCloseable {
  private static final int MAX_PACKET = 1500;
  private static final int TRAILER_ROOM = 64;

  private final SessionState state;
  private final DatagramChannel rtp;
  private final int rtpPort;
  private final int rtcpPort;
  private final MediaLoop loop;
  private final PacketTransform rtpTransform;
  private final byte[] out = new byte[MAX_PACKET + TRAILER_ROOM];
  private final ByteBuffer outBuffer = ByteBuffer.wrap(out);
  private int sequence;

  private RtpSession(RtpSessionConfig config, RtpListener listener, RtpPorts.Bound ports,
      SecureRandom random) throws IOException {
    this.state = new SessionState(random.nextInt(), config.clockRate());
    this.rtp = ports.rtp();
    this.rtpPort = ((InetSocketAddress) ports.rtp().getLocalAddress()).getPort();
    this.rtcpPort = ((InetSocketAddress) ports.rtcp().getLocalAddress()).getPort();
    this.rtpTransform = config.rtpTransform().orElse(null);
    this.sequence = random.nextInt(1 << 16);
    this.loop = new MediaLoop(config, listener, state, ports.rtp(), ports.rtcp(), random);
  }

  /**
   * Binds a port pair from the configured range and starts the media thread.
   *
   * @throws PortRangeExhaustedException when every pair in the range is taken
   * @throws IOException when the channels cannot be opened
   */
  public static RtpSession open(RtpSessionConfig config, RtpListener listener) throws IOException {
    Objects.requireNonNull(listener, "listener");
    RtpPorts.Bound ports = RtpPorts.bind(config.localAddress(), config.portMin(), config.portMax());
    try {
      RtpSession session = new RtpSession(config, listener, ports, new SecureRandom());
      session.loop.start();
      return session;
    } catch (IOException | RuntimeException e) {
      ports.rtp().close();
      ports.rtcp().close();
      throw e;
    }
  }

  /**
   * Sets where to send, from signalling (SDP). Incoming valid packets from another address later
   * override it (symmetric RTP). {@code rtcp} null means the RTP port + 1.
   */
  public void setRemote(InetSocketAddress rtpAddress, InetSocketAddress rtcpAddress) {
    Objects.requireNonNull(rtpAddress, "rtpAddress");
    state.remoteRtp = rtpAddress;
    state.remoteRtcp = rtcpAddress != null ? rtcpAddress
        : new InetSocketAddress(rtpAddress.getAddress(), rtpAddress.getPort() + 1);
  }

  /**
   * Sets the RTP clock rates SDP agreed on, replacing {@link RtpSessionConfig#clockRate()} (which
   * had to be chosen when the ports opened, before SDP): {@code sendRate} is the clock of the
   * payload we send, for the RTP timestamp of sender reports; {@code receiveRates[pt]} the clock
   * of each payload type we accept, 0 where unknown (then {@code sendRate}), in which interarrival
   * jitter is counted (RFC 3550 6.4.1). A packet of another rate than the previous one rescales the
   * jitter estimate. Any thread; the media thread uses them from its next packet or report.
   *
   * @throws IllegalArgumentException when {@code sendRate} is not positive
   */
  public void setClockRates(int sendRate, int[] receiveRates) {
    if (sendRate <= 0) {
      throw new IllegalArgumentException("clock rate " + sendRate);
    }
    state.receiveClockRates = receiveRates.clone();
    state.sendClockRate = sendRate;
  }

  /**
   * Sends one RTP packet with the session's SSRC and next sequence number. Does not allocate.
   *
   * @param timestamp the RTP timestamp, taken modulo 2^32
   * @return false when it was not sent: no remote address yet, or the socket buffer was full
   * @throws IOException when the channel is closed or broken
   * @throws IllegalArgumentException when the payload does not fit one packet
   */
  public boolean send(int payloadType, boolean marker, long timestamp,
      byte[] payload, int offset, int length) throws IOException {
    if (length > MAX_PACKET - RtpPacket.FIXED_HEADER) {
      throw new IllegalArgumentException("payload of " + length + " bytes");
    }
    InetSocketAddress target = state.remoteRtp;
    if (target == null) {
      return false;
    }
    int n = RtpHeaderWriter.write(out, 0, marker, payloadType, sequence, timestamp, state.ssrc);
    System.arraycopy(payload, offset, out, n, length);
    n += length;
    if (rtpTransform != null) {
      n = rtpTransform.protect(out, 0, n);
    }
    sequence = (sequence + 1) & 0xFFFF;
    outBuffer.clear().limit(n);
    if (rtp.send(outBuffer, target) == 0) {
      return false;
    }
    state.lastTimestamp = timestamp & 0xFFFF_FFFFL;
    state.lastSendNanos = System.nanoTime();
    state.octetsSent += length;
    state.packetsSent++;
    return true;
  }

  /** Our current SSRC; it changes after a collision. */
  public int ssrc() {
    return state.ssrc;
  }

  public int localRtpPort() {
    return rtpPort;
  }

  public int localRtcpPort() {
    return rtcpPort;
  }

  /** Where RTP goes now: the signalled address, or the latched one. Null before it is known. */
  public InetSocketAddress remoteRtpAddress() {
    return state.remoteRtp;
  }

  public InetSocketAddress remoteRtcpAddress() {
    return state.remoteRtcp;
  }

  /** The latest quality snapshot (at most about 250 ms old). */
  public CallQuality quality() {
    return loop.quality();
  }

  /** Datagrams dropped as malformed RTP or RTCP since the start. */
  public long malformedPackets() {
    return loop.malformed();
  }

  /** Datagrams the transforms refused (authentication or replay) since the start. */
  public long rejectedPackets() {
    return loop.rejected();
  }

  /** Sends RTCP BYE, stops the media thread and closes both ports. Idempotent, any thread. */
  @Override
  public void close() {
    try {
      loop.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
