package org.parley.media.rtp;

/** Writes RTP fixed headers (RFC 3550 section 5.1) into a caller's buffer. Stateless. */
public final class RtpHeaderWriter {
  private RtpHeaderWriter() {}

  /**
   * Writes a 12-byte header, version 2, no padding, no extension, no CSRCs.
   *
   * @param timestamp taken modulo 2^32
   * @return {@link RtpPacket#FIXED_HEADER}, the offset of the payload relative to {@code off}
   * @throws IllegalArgumentException for a payload type outside 0..127 or sequence outside 0..65535
   */
  public static int write(
      byte[] buf, int off, boolean marker, int payloadType, int sequence, long timestamp, int ssrc) {
    if (payloadType < 0 || payloadType > 127) {
      throw new IllegalArgumentException("payload type " + payloadType);
    }
    if (sequence < 0 || sequence > 0xFFFF) {
      throw new IllegalArgumentException("sequence " + sequence);
    }
    buf[off] = (byte) 0x80;
    buf[off + 1] = (byte) ((marker ? 0x80 : 0) | payloadType);
    buf[off + 2] = (byte) (sequence >>> 8);
    buf[off + 3] = (byte) sequence;
    putInt(buf, off + 4, (int) timestamp);
    putInt(buf, off + 8, ssrc);
    return RtpPacket.FIXED_HEADER;
  }

  static void putInt(byte[] b, int i, int v) {
    b[i] = (byte) (v >>> 24);
    b[i + 1] = (byte) (v >>> 16);
    b[i + 2] = (byte) (v >>> 8);
    b[i + 3] = (byte) v;
  }

  static void putShort(byte[] b, int i, int v) {
    b[i] = (byte) (v >>> 8);
    b[i + 1] = (byte) v;
  }
}
