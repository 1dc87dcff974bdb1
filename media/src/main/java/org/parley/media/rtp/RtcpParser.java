package org.parley.media.rtp;

import static org.parley.media.rtp.RtpPacket.u16;
import static org.parley.media.rtp.RtpPacket.u32;

/**
 * Reads compound RTCP packets (RFC 3550 section 6 and appendix A.2). The whole datagram is checked
 * before anything reaches the visitor, so a visitor never sees half of a broken packet. Stateless.
 */
public final class RtcpParser {
  private RtcpParser() {}

  /** Checks the structure of the compound packet at {@code buf[off, off+len)}. */
  public static RtcpParse check(byte[] buf, int off, int len) {
    if (len < 8) {
      return RtcpParse.TOO_SHORT;
    }
    int end = off + len;
    int p = off;
    boolean first = true;
    while (p < end) {
      if (end - p < 4) {
        return RtcpParse.BAD_LENGTH;
      }
      int b0 = buf[p] & 0xFF;
      if (b0 >>> 6 != 2) {
        return RtcpParse.WRONG_VERSION;
      }
      int type = buf[p + 1] & 0xFF;
      if (first && type != RtcpPacketType.SR && type != RtcpPacketType.RR) {
        return RtcpParse.NOT_REPORT_FIRST;
      }
      first = false;
      int size = (u16(buf, p + 2) + 1) * 4;
      if (size > end - p) {
        return RtcpParse.BAD_LENGTH;
      }
      int content = size;
      if ((b0 & 0x20) != 0) {
        int padding = buf[p + size - 1] & 0xFF;
        if (p + size != end || padding == 0 || padding > size - 4) {
          return RtcpParse.BAD_PADDING;
        }
        content -= padding;
      }
      if (!fits(buf, p, type, b0 & 0x1F, content)) {
        return RtcpParse.MALFORMED;
      }
      p += size;
    }
    return RtcpParse.VALID;
  }

  private static boolean fits(byte[] buf, int p, int type, int count, int content) {
    switch (type) {
      case RtcpPacketType.SR:
        return 28 + 24 * count <= content;
      case RtcpPacketType.RR:
        return 8 + 24 * count <= content;
      case RtcpPacketType.BYE:
        return byeFits(buf, p, count, content);
      case RtcpPacketType.SDES:
        return sdesEnd(buf, p, count, content, null) >= 0;
      default:
        return true;
    }
  }

  private static boolean byeFits(byte[] buf, int p, int count, int content) {
    int reason = 4 + 4 * count;
    if (reason > content) {
      return false;
    }
    return reason == content || reason + 1 + (buf[p + reason] & 0xFF) <= content;
  }

  /** Walks SDES chunks; returns -1 if they do not fit, and feeds items to the visitor if given. */
  private static int sdesEnd(byte[] buf, int p, int count, int content, RtcpVisitor visitor) {
    int q = p + 4;
    int end = p + content;
    for (int c = 0; c < count; c++) {
      if (q + 4 > end) {
        return -1;
      }
      int ssrc = (int) u32(buf, q);
      q += 4;
      while (true) {
        if (q >= end) {
          return -1;
        }
        int itemType = buf[q] & 0xFF;
        if (itemType == 0) {
          q = (q - p + 4) / 4 * 4 + p;
          break;
        }
        if (q + 2 > end || q + 2 + (buf[q + 1] & 0xFF) > end) {
          return -1;
        }
        int itemLength = buf[q + 1] & 0xFF;
        if (visitor != null) {
          visitor.sdesItem(ssrc, itemType, buf, q + 2, itemLength);
        }
        q += 2 + itemLength;
      }
      if (q > end) {
        return -1;
      }
    }
    return q;
  }

  /**
   * Checks and then reads the compound packet into {@code visitor}.
   *
   * @return the outcome of {@link #check}; the visitor is called only when it is {@link
   *     RtcpParse#VALID}
   */
  public static RtcpParse parse(byte[] buf, int off, int len, RtcpVisitor visitor) {
    RtcpParse outcome = check(buf, off, len);
    if (outcome != RtcpParse.VALID) {
      return outcome;
    }
    int end = off + len;
    for (int p = off; p < end; p += (u16(buf, p + 2) + 1) * 4) {
      int count = buf[p] & 0x1F;
      int type = buf[p + 1] & 0xFF;
      switch (type) {
        case RtcpPacketType.SR -> {
          int ssrc = (int) u32(buf, p + 4);
          long ntp = u32(buf, p + 8) << 32 | u32(buf, p + 12);
          visitor.senderReport(ssrc, ntp, u32(buf, p + 16), u32(buf, p + 20), u32(buf, p + 24));
          blocks(buf, p + 28, count, ssrc, visitor);
        }
        case RtcpPacketType.RR -> {
          int ssrc = (int) u32(buf, p + 4);
          visitor.receiverReport(ssrc);
          blocks(buf, p + 8, count, ssrc, visitor);
        }
        case RtcpPacketType.SDES -> sdesEnd(buf, p, count, (u16(buf, p + 2) + 1) * 4, visitor);
        case RtcpPacketType.BYE -> {
          for (int i = 0; i < count; i++) {
            visitor.bye((int) u32(buf, p + 4 + 4 * i));
          }
        }
        default -> visitor.other(type);
      }
    }
    return RtcpParse.VALID;
  }

  private static void blocks(byte[] buf, int q, int count, int reporter, RtcpVisitor visitor) {
    for (int i = 0; i < count; i++, q += 24) {
      long word = u32(buf, q + 4);
      int cumulative = ((int) word << 8) >> 8;
      visitor.reportBlock(
          reporter,
          new ReportBlock(
              (int) u32(buf, q),
              (int) (word >>> 24),
              cumulative,
              u32(buf, q + 8),
              u32(buf, q + 12),
              u32(buf, q + 16),
              u32(buf, q + 20)));
    }
  }
}
