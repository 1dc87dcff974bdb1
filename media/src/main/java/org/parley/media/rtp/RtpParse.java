package org.parley.media.rtp;

/** The outcome of parsing an RTP header: {@link #VALID} or why the packet was rejected. */
public enum RtpParse {
  VALID,
  /** Shorter than the 12-byte fixed header. */
  TOO_SHORT,
  /** The version field is not 2. */
  WRONG_VERSION,
  /** The CSRC list runs past the end of the packet. */
  TRUNCATED_CSRC,
  /** The header extension runs past the end of the packet. */
  TRUNCATED_EXTENSION,
  /** The padding count is zero or larger than what follows the header. */
  BAD_PADDING
}
