package org.parley.media.rtp;

/**
 * A view of one RTP packet (RFC 3550 section 5.1) parsed in place: the bytes stay in the caller's
 * buffer and nothing is copied or allocated. A view is reused for every packet; its getters are
 * meaningful only after {@link #parse} returned {@link RtpParse#VALID} and only until the buffer is
 * reused.
 *
 * <p>Not thread-safe: one media thread owns each instance.
 */
public final class RtpPacket {
  /** Size of the fixed header without CSRCs or extension. */
  public static final int FIXED_HEADER = 12;

  private byte[] buf = new byte[0];
  private int offset;
  private int length;
  private int payloadOffset;
  private int payloadLength;
  private int paddingLength;

  /**
   * Parses the packet at {@code buf[off, off+len)}. The CSRC list and a header extension are
   * skipped; padding is removed from the payload.
   */
  public RtpParse parse(byte[] buf, int off, int len) {
    this.buf = buf;
    this.offset = off;
    this.length = len;
    this.payloadLength = 0;
    if (len < FIXED_HEADER) {
      return RtpParse.TOO_SHORT;
    }
    int b0 = buf[off] & 0xFF;
    if (b0 >>> 6 != 2) {
      return RtpParse.WRONG_VERSION;
    }
    int header = FIXED_HEADER + 4 * (b0 & 0x0F);
    if (header > len) {
      return RtpParse.TRUNCATED_CSRC;
    }
    if ((b0 & 0x10) != 0) {
      if (header + 4 > len) {
        return RtpParse.TRUNCATED_EXTENSION;
      }
      int words = u16(buf, off + header + 2);
      header += 4 + 4 * words;
      if (header > len) {
        return RtpParse.TRUNCATED_EXTENSION;
      }
    }
    int padding = 0;
    if ((b0 & 0x20) != 0) {
      padding = buf[off + len - 1] & 0xFF;
      if (padding == 0 || padding > len - header) {
        return RtpParse.BAD_PADDING;
      }
    }
    this.paddingLength = padding;
    this.payloadOffset = off + header;
    this.payloadLength = len - header - padding;
    return RtpParse.VALID;
  }

  public byte[] buffer() {
    return buf;
  }

  /** Offset of the packet's first byte in {@link #buffer()}. */
  public int offset() {
    return offset;
  }

  /** Length of the whole packet as received, header and padding included. */
  public int length() {
    return length;
  }

  public boolean marker() {
    return (buf[offset + 1] & 0x80) != 0;
  }

  public int payloadType() {
    return buf[offset + 1] & 0x7F;
  }

  /** The 16-bit sequence number, 0..65535. */
  public int sequenceNumber() {
    return u16(buf, offset + 2);
  }

  /** The 32-bit timestamp, unsigned, 0..2^32-1. */
  public long timestamp() {
    return u32(buf, offset + 4);
  }

  public int ssrc() {
    return (int) u32(buf, offset + 8);
  }

  public int csrcCount() {
    return buf[offset] & 0x0F;
  }

  public int csrc(int index) {
    if (index < 0 || index >= csrcCount()) {
      throw new IndexOutOfBoundsException(index);
    }
    return (int) u32(buf, offset + FIXED_HEADER + 4 * index);
  }

  public boolean hasExtension() {
    return (buf[offset] & 0x10) != 0;
  }

  /** Bytes of padding at the end of the packet (0 without the P bit). */
  public int paddingLength() {
    return paddingLength;
  }

  /** Offset of the payload in {@link #buffer()}. */
  public int payloadOffset() {
    return payloadOffset;
  }

  public int payloadLength() {
    return payloadLength;
  }

  static int u16(byte[] b, int i) {
    return (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
  }

  static long u32(byte[] b, int i) {
    return ((long) (b[i] & 0xFF) << 24)
        | (b[i + 1] & 0xFF) << 16
        | (b[i + 2] & 0xFF) << 8
        | (b[i + 3] & 0xFF);
  }
}
