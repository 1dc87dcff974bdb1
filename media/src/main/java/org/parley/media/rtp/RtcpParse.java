package org.parley.media.rtp;

/** The outcome of checking a compound RTCP packet: {@link #VALID} or why it was rejected. */
public enum RtcpParse {
  VALID,
  /** Shorter than the smallest RR. */
  TOO_SHORT,
  /** A packet whose version is not 2. */
  WRONG_VERSION,
  /** The first packet is neither SR nor RR (RFC 3550 appendix A.2). */
  NOT_REPORT_FIRST,
  /** Length fields do not add up to the datagram's length. */
  BAD_LENGTH,
  /** Padding on a packet other than the last, or a padding count that does not fit. */
  BAD_PADDING,
  /** An SR, RR, SDES or BYE whose counts do not fit its length. */
  MALFORMED
}
