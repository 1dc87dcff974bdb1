package org.parley.media.rtp;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to open an {@link RtpSession}. Immutable; start from {@link #on(InetAddress)} and change
 * with the {@code with…} methods.
 *
 * @param localAddress the address to bind (a wildcard address binds all interfaces)
 * @param portMin lowest port of the range to take the RTP/RTCP pair from
 * @param portMax highest port of the range
 * @param clockRate RTP clock rate until {@link RtpSession#setClockRates} names the negotiated
 *     codec's (for jitter and the timestamps of sender reports)
 * @param cname the canonical name sent in SDES, e.g. "user@host" or a random identifier
 * @param sessionBandwidth session bandwidth in bits per second; RTCP uses 5 % of it
 * @param rtcpMinimumInterval fixed minimum between reports (RFC 3550 says 5 s)
 * @param rtcpMux send RTCP on the RTP port (RFC 5761); RTCP arriving there is read either way
 * @param rtpTransform protects RTP (SRTP), if any
 * @param rtcpTransform protects RTCP (SRTCP), if any
 */
public record RtpSessionConfig(
    InetAddress localAddress,
    int portMin,
    int portMax,
    int clockRate,
    String cname,
    int sessionBandwidth,
    Duration rtcpMinimumInterval,
    boolean rtcpMux,
    Optional<PacketTransform> rtpTransform,
    Optional<PacketTransform> rtcpTransform) {

  public RtpSessionConfig {
    Objects.requireNonNull(localAddress, "localAddress");
    Objects.requireNonNull(cname, "cname");
    Objects.requireNonNull(rtcpMinimumInterval, "rtcpMinimumInterval");
    Objects.requireNonNull(rtpTransform, "rtpTransform");
    Objects.requireNonNull(rtcpTransform, "rtcpTransform");
    if (portMin < 1 || portMax > 65535 || portMin > portMax) {
      throw new IllegalArgumentException("port range " + portMin + "-" + portMax);
    }
    if (clockRate <= 0 || sessionBandwidth <= 0 || rtcpMinimumInterval.isNegative()
        || rtcpMinimumInterval.isZero()) {
      throw new IllegalArgumentException("clock rate, bandwidth and RTCP interval must be positive");
    }
  }

  /** Ports 16384-32767, 8 kHz, 64 kbit/s, a 5 s RTCP minimum, no mux, no transforms. */
  public static RtpSessionConfig on(InetAddress localAddress) {
    return new RtpSessionConfig(localAddress, 16384, 32767, 8000, "parley", 64_000,
        Duration.ofSeconds(5), false, Optional.empty(), Optional.empty());
  }

  public RtpSessionConfig withPorts(int min, int max) {
    return new RtpSessionConfig(localAddress, min, max, clockRate, cname, sessionBandwidth,
        rtcpMinimumInterval, rtcpMux, rtpTransform, rtcpTransform);
  }

  public RtpSessionConfig withClockRate(int rate) {
    return new RtpSessionConfig(localAddress, portMin, portMax, rate, cname, sessionBandwidth,
        rtcpMinimumInterval, rtcpMux, rtpTransform, rtcpTransform);
  }

  public RtpSessionConfig withCname(String name) {
    return new RtpSessionConfig(localAddress, portMin, portMax, clockRate, name, sessionBandwidth,
        rtcpMinimumInterval, rtcpMux, rtpTransform, rtcpTransform);
  }

  public RtpSessionConfig withSessionBandwidth(int bitsPerSecond) {
    return new RtpSessionConfig(localAddress, portMin, portMax, clockRate, cname, bitsPerSecond,
        rtcpMinimumInterval, rtcpMux, rtpTransform, rtcpTransform);
  }

  public RtpSessionConfig withRtcpMinimumInterval(Duration interval) {
    return new RtpSessionConfig(localAddress, portMin, portMax, clockRate, cname, sessionBandwidth,
        interval, rtcpMux, rtpTransform, rtcpTransform);
  }

  public RtpSessionConfig withRtcpMux(boolean mux) {
    return new RtpSessionConfig(localAddress, portMin, portMax, clockRate, cname, sessionBandwidth,
        rtcpMinimumInterval, mux, rtpTransform, rtcpTransform);
  }

  public RtpSessionConfig withTransforms(PacketTransform rtp, PacketTransform rtcp) {
    return new RtpSessionConfig(localAddress, portMin, portMax, clockRate, cname, sessionBandwidth,
        rtcpMinimumInterval, rtcpMux, Optional.of(rtp), Optional.of(rtcp));
  }
}
