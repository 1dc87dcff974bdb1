package org.parley.media.rtp;

/**
 * Protects outgoing and unprotects incoming packets in place, e.g. SRTP or SRTCP. A session takes
 * one transform for RTP and another for RTCP.
 *
 * <p>Threading: {@link #protect} is called by the thread that sends (for RTP the caller of {@link
 * RtpSession#send}, for RTCP the session's media thread); {@link #unprotect} by the session's media
 * thread only. Neither may block or allocate per packet.
 */
public interface PacketTransform {

  /**
   * Protects {@code len} bytes at {@code off} in place. The buffer has at least 64 spare bytes after
   * the packet for a trailer (authentication tag, SRTCP index, MKI).
   *
   * @return the new length of the packet at {@code off}
   */
  int protect(byte[] buf, int off, int len);

  /**
   * Checks and restores {@code len} bytes at {@code off} in place.
   *
   * @return the new length, or -1 when authentication or the replay check fails (the packet is
   *     then dropped and counted, never delivered)
   */
  int unprotect(byte[] buf, int off, int len);
}
