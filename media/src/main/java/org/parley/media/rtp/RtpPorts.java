package org.parley.media.rtp;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Binds the RTP channel on an even port and the RTCP channel on the next port (RFC 3550 section
 * 11), trying the pairs of a range from a random start so that calls in quick succession do not
 * reuse each other's ports. Ports in use are skipped.
 */
final class RtpPorts {
  private RtpPorts() {}

  /** The two bound channels; the caller owns and closes them. */
  record Bound(DatagramChannel rtp, DatagramChannel rtcp) {}

  /**
   * @throws PortRangeExhaustedException when no pair in {@code [min, max]} is free
   * @throws IOException when a channel cannot be opened at all
   */
  static Bound bind(InetAddress local, int min, int max) throws IOException {
    int first = (min + 1) & ~1;
    int pairs = first + 1 <= max ? (max - first - 1) / 2 + 1 : 0;
    int start = pairs == 0 ? 0 : ThreadLocalRandom.current().nextInt(pairs);
    for (int i = 0; i < pairs; i++) {
      int port = first + 2 * ((start + i) % pairs);
      DatagramChannel rtp = tryBind(local, port);
      if (rtp == null) {
        continue;
      }
      DatagramChannel rtcp = tryBind(local, port + 1);
      if (rtcp != null) {
        return new Bound(rtp, rtcp);
      }
      rtp.close();
    }
    throw new PortRangeExhaustedException(local.getHostAddress(), min, max);
  }

  private static DatagramChannel tryBind(InetAddress local, int port) throws IOException {
    DatagramChannel channel = DatagramChannel.open();
    try {
      channel.bind(new InetSocketAddress(local, port));
      return channel;
    } catch (BindException e) {
      channel.close();
      return null;
    }
  }
}
