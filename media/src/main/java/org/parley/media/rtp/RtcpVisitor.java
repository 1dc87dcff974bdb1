package org.parley.media.rtp;

/**
 * Receives the contents of a valid compound RTCP packet from {@link RtcpParser#parse}, in packet
 * order. Buffers passed in are the caller's and valid only during the call. Packet types it does
 * not know (APP, XR, feedback) reach {@link #other} and are otherwise skipped.
 */
public interface RtcpVisitor {

  default void senderReport(
      int ssrc, long ntpTimestamp, long rtpTimestamp, long packetCount, long octetCount) {}

  default void receiverReport(int ssrc) {}

  /** One block of the SR or RR sent by {@code reporterSsrc}. */
  default void reportBlock(int reporterSsrc, ReportBlock block) {}

  /** One SDES item (e.g. type 1, CNAME) of the chunk for {@code ssrc}. */
  default void sdesItem(int ssrc, int type, byte[] buf, int off, int len) {}

  default void bye(int ssrc) {}

  default void other(int packetType) {}
}
