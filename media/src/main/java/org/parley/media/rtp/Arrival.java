package org.parley.media.rtp;

/** How an RTP packet's sequence number relates to its source's stream (RFC 3550 appendix A.1). */
public enum Arrival {
  /** The next packet, or one after a gap of fewer than 3000. Deliver. */
  IN_ORDER,
  /** Older than the highest seen and not seen before: reordered. Deliver. */
  LATE,
  /** Seen before (within the last 1024 sequence numbers). Drop. */
  DUPLICATE,
  /** The source is still on probation (not yet two packets in sequence). Drop. */
  PROBATION,
  /** A jump too large to trust; a second packet in sequence after it restarts the stream. Drop. */
  BAD_JUMP;

  /** Whether the packet should be handed on to the application. */
  public boolean deliverable() {
    return this == IN_ORDER || this == LATE;
  }
}
