package org.parley.media.rtp;

import static org.parley.media.rtp.RtpHeaderWriter.putInt;
import static org.parley.media.rtp.RtpHeaderWriter.putShort;

/**
 * Writes a compound RTCP packet (RFC 3550 section 6) into a caller's buffer: an SR or RR first,
 * then its report blocks, SDES and an optional BYE. Reused: {@link #reset} starts the next one.
 *
 * <p>Not thread-safe. Throws {@link IndexOutOfBoundsException} when the buffer is too small, and
 * {@link IllegalStateException} for a report block without a report before it.
 */
public final class RtcpWriter {
  private byte[] buf;
  private int start;
  private int pos;
  private int reportHeader = -1;

  public RtcpWriter(byte[] buf, int off) {
    reset(buf, off);
  }

  /** Starts a new compound packet at {@code off}. */
  public RtcpWriter reset(byte[] buf, int off) {
    this.buf = buf;
    this.start = off;
    this.pos = off;
    this.reportHeader = -1;
    return this;
  }

  /** Bytes written since the last reset. */
  public int length() {
    return pos - start;
  }

  /** Appends an SR (PT 200) without report blocks; add them with {@link #reportBlock}. */
  public RtcpWriter senderReport(
      int ssrc, long ntpTimestamp, long rtpTimestamp, long packetCount, long octetCount) {
    reportHeader = pos;
    header(0, RtcpPacketType.SR, 6);
    putInt(buf, pos + 4, ssrc);
    putInt(buf, pos + 8, (int) (ntpTimestamp >>> 32));
    putInt(buf, pos + 12, (int) ntpTimestamp);
    putInt(buf, pos + 16, (int) rtpTimestamp);
    putInt(buf, pos + 20, (int) packetCount);
    putInt(buf, pos + 24, (int) octetCount);
    pos += 28;
    return this;
  }

  /** Appends an RR (PT 201) without report blocks; add them with {@link #reportBlock}. */
  public RtcpWriter receiverReport(int ssrc) {
    reportHeader = pos;
    header(0, RtcpPacketType.RR, 1);
    putInt(buf, pos + 4, ssrc);
    pos += 8;
    return this;
  }

  /** Adds a block to the SR or RR just written (at most 31). */
  public RtcpWriter reportBlock(
      int ssrc,
      int fractionLost,
      int cumulativeLost,
      long extendedHighestSequence,
      long jitter,
      long lastSenderReport,
      long delaySinceLastSenderReport) {
    if (reportHeader < 0 || (buf[reportHeader] & 0x1F) == 31) {
      throw new IllegalStateException("no SR or RR with room for a report block");
    }
    if (pos + 24 > buf.length) {
      throw new IndexOutOfBoundsException("RTCP buffer too small");
    }
    putInt(buf, pos, ssrc);
    putInt(buf, pos + 4, (fractionLost & 0xFF) << 24 | (cumulativeLost & 0xFFFFFF));
    putInt(buf, pos + 8, (int) extendedHighestSequence);
    putInt(buf, pos + 12, (int) jitter);
    putInt(buf, pos + 16, (int) lastSenderReport);
    putInt(buf, pos + 20, (int) delaySinceLastSenderReport);
    pos += 24;
    buf[reportHeader]++;
    putShort(buf, reportHeader + 2, RtpPacket.u16(buf, reportHeader + 2) + 6);
    return this;
  }

  public RtcpWriter reportBlock(ReportBlock b) {
    return reportBlock(
        b.ssrc(),
        b.fractionLost(),
        b.cumulativeLost(),
        b.extendedHighestSequence(),
        b.jitter(),
        b.lastSenderReport(),
        b.delaySinceLastSenderReport());
  }

  /** Appends an SDES (PT 202) with one chunk holding the CNAME item (at most 255 bytes). */
  public RtcpWriter sdesCname(int ssrc, byte[] cname) {
    if (cname.length > 255) {
      throw new IllegalArgumentException("CNAME longer than 255 bytes");
    }
    reportHeader = -1;
    int chunk = 4 + 2 + cname.length + 1;
    int padded = (chunk + 3) & ~3;
    header(1, RtcpPacketType.SDES, padded / 4);
    putInt(buf, pos + 4, ssrc);
    buf[pos + 8] = (byte) RtcpPacketType.SDES_CNAME;
    buf[pos + 9] = (byte) cname.length;
    System.arraycopy(cname, 0, buf, pos + 10, cname.length);
    for (int i = pos + 10 + cname.length; i < pos + 4 + padded; i++) {
      buf[i] = 0;
    }
    pos += 4 + padded;
    return this;
  }

  /** Appends a BYE (PT 203) for one SSRC, without a reason. */
  public RtcpWriter bye(int ssrc) {
    reportHeader = -1;
    header(1, RtcpPacketType.BYE, 1);
    putInt(buf, pos + 4, ssrc);
    pos += 8;
    return this;
  }

  private void header(int count, int type, int lengthWords) {
    if (pos + 4 * (lengthWords + 1) > buf.length) {
      throw new IndexOutOfBoundsException("RTCP buffer too small");
    }
    buf[pos] = (byte) (0x80 | count);
    buf[pos + 1] = (byte) type;
    putShort(buf, pos + 2, lengthWords);
  }
}
