package org.parley.media.rtp;

/**
 * Receives what an {@link RtpSession} hears. Called on the session's media thread only: it must
 * return quickly, must not block on locks held by non-media threads and must not allocate per
 * packet.
 */
public interface RtpListener {

  /**
   * One valid RTP packet of the remote source, in arrival order (late packets included, duplicates
   * and packets of a source on probation not). The view and its buffer are reused after return.
   */
  void onRtp(RtpPacket packet);

  /** The remote source left (RTCP BYE). */
  default void onBye(int ssrc) {}

  /** Our SSRC changed after a collision (RFC 3550 section 8.2). */
  default void onSsrcChanged(int oldSsrc, int newSsrc) {}
}
