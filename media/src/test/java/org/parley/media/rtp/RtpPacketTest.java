package org.parley.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RtpPacketTest {
  private final RtpPacket packet = new RtpPacket();

  /** Builds a packet the long way, independent of {@link RtpHeaderWriter}. */
  static byte[] build(boolean marker, int pt, int seq, long ts, int ssrc, List<Integer> csrcs,
      int extensionWords, byte[] payload, int padding) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x80 | (padding > 0 ? 0x20 : 0) | (extensionWords >= 0 ? 0x10 : 0) | csrcs.size());
    out.write((marker ? 0x80 : 0) | pt);
    out.write(seq >>> 8);
    out.write(seq & 0xFF);
    writeInt(out, (int) ts);
    writeInt(out, ssrc);
    csrcs.forEach(c -> writeInt(out, c));
    if (extensionWords >= 0) {
      writeInt(out, 0xBEDE << 16 | extensionWords);
      for (int i = 0; i < extensionWords; i++) {
        writeInt(out, 0x11223344);
      }
    }
    out.writeBytes(payload);
    for (int i = 1; i < padding; i++) {
      out.write(0);
    }
    if (padding > 0) {
      out.write(padding);
    }
    return out.toByteArray();
  }

  private static void writeInt(ByteArrayOutputStream out, int v) {
    out.write(v >>> 24);
    out.write(v >>> 16);
    out.write(v >>> 8);
    out.write(v);
  }

  @Property
  void parsesEveryHeaderFieldBackAsBuilt(
      @ForAll boolean marker,
      @ForAll @IntRange(max = 127) int pt,
      @ForAll @IntRange(max = 65535) int seq,
      @ForAll("timestamps") long ts,
      @ForAll int ssrc,
      @ForAll @Size(max = 15) List<Integer> csrcs,
      @ForAll @IntRange(min = -1, max = 4) int extensionWords,
      @ForAll @Size(max = 200) byte[] payload,
      @ForAll @IntRange(max = 255) int padding,
      @ForAll @IntRange(max = 7) int offset) {
    byte[] bytes = build(marker, pt, seq, ts, ssrc, csrcs, extensionWords, payload, padding);
    byte[] buf = new byte[offset + bytes.length];
    System.arraycopy(bytes, 0, buf, offset, bytes.length);

    assertThat(packet.parse(buf, offset, bytes.length)).isEqualTo(RtpParse.VALID);
    assertThat(packet.marker()).isEqualTo(marker);
    assertThat(packet.payloadType()).isEqualTo(pt);
    assertThat(packet.sequenceNumber()).isEqualTo(seq);
    assertThat(packet.timestamp()).isEqualTo(ts);
    assertThat(packet.ssrc()).isEqualTo(ssrc);
    assertThat(packet.csrcCount()).isEqualTo(csrcs.size());
    for (int i = 0; i < csrcs.size(); i++) {
      assertThat(packet.csrc(i)).isEqualTo(csrcs.get(i));
    }
    assertThat(packet.hasExtension()).isEqualTo(extensionWords >= 0);
    assertThat(packet.paddingLength()).isEqualTo(padding);
    assertThat(packet.payloadLength()).isEqualTo(payload.length);
    byte[] read = new byte[packet.payloadLength()];
    System.arraycopy(buf, packet.payloadOffset(), read, 0, read.length);
    assertThat(read).isEqualTo(payload);
  }

  @Provide
  Arbitrary<Long> timestamps() {
    return Arbitraries.longs().between(0, 0xFFFF_FFFFL).edgeCases(e -> e.add(0xFFFF_FFFFL));
  }

  @Property
  void writerHeadersParseBack(
      @ForAll boolean marker,
      @ForAll @IntRange(max = 127) int pt,
      @ForAll @IntRange(max = 65535) int seq,
      @ForAll("timestamps") long ts,
      @ForAll int ssrc,
      @ForAll @Size(max = 160) byte[] payload) {
    byte[] buf = new byte[1500];
    int n = RtpHeaderWriter.write(buf, 3, marker, pt, seq, ts, ssrc);
    System.arraycopy(payload, 0, buf, 3 + n, payload.length);

    assertThat(packet.parse(buf, 3, n + payload.length)).isEqualTo(RtpParse.VALID);
    assertThat(packet.marker()).isEqualTo(marker);
    assertThat(packet.payloadType()).isEqualTo(pt);
    assertThat(packet.sequenceNumber()).isEqualTo(seq);
    assertThat(packet.timestamp()).isEqualTo(ts);
    assertThat(packet.ssrc()).isEqualTo(ssrc);
    assertThat(packet.payloadOffset()).isEqualTo(3 + RtpPacket.FIXED_HEADER);
    assertThat(packet.payloadLength()).isEqualTo(payload.length);
  }

  @Property
  void arbitraryBytesNeverThrowAndValidOnesStayInsideTheBuffer(
      @ForAll @Size(max = 80) byte[] bytes) {
    RtpParse outcome = packet.parse(bytes, 0, bytes.length);
    if (outcome == RtpParse.VALID) {
      assertThat(packet.payloadOffset()).isBetween(RtpPacket.FIXED_HEADER, bytes.length);
      assertThat(packet.payloadOffset() + packet.payloadLength() + packet.paddingLength())
          .isEqualTo(bytes.length);
    }
  }

  @Property
  void everyTruncationOfAHeaderWithCsrcsAndExtensionIsRejected(
      @ForAll @IntRange(max = 31) int cut) {
    byte[] full = build(false, 0, 1, 2, 3, List.of(7, 8), 2, new byte[0], 0);
    assertThat(full).hasSize(32);
    assertThat(packet.parse(full, 0, cut)).isNotEqualTo(RtpParse.VALID);
  }

  @Test
  void rejectsMalformedHeadersAsValues() {
    HexFormat hex = HexFormat.of();
    assertThat(packet.parse(hex.parseHex("8000000100000002000000"), 0, 11))
        .isEqualTo(RtpParse.TOO_SHORT);
    assertThat(packet.parse(hex.parseHex("400000010000000200000003"), 0, 12))
        .isEqualTo(RtpParse.WRONG_VERSION);
    assertThat(packet.parse(hex.parseHex("810000010000000200000003"), 0, 12))
        .isEqualTo(RtpParse.TRUNCATED_CSRC);
    assertThat(packet.parse(hex.parseHex("900000010000000200000003BEDE"), 0, 14))
        .isEqualTo(RtpParse.TRUNCATED_EXTENSION);
    assertThat(packet.parse(hex.parseHex("900000010000000200000003BEDE0001"), 0, 16))
        .isEqualTo(RtpParse.TRUNCATED_EXTENSION);
    assertThat(packet.parse(hex.parseHex("A0000001000000020000000300"), 0, 13))
        .as("padding count 0").isEqualTo(RtpParse.BAD_PADDING);
    assertThat(packet.parse(hex.parseHex("A0000001000000020000000305"), 0, 13))
        .as("padding longer than the payload").isEqualTo(RtpParse.BAD_PADDING);
  }

  @Test
  void readsAG711PacketAsCaptured() {
    byte[] bytes = HexFormat.of().parseHex("80e0fffe0001e240deadbeef" + "ff".repeat(160));
    assertThat(packet.parse(bytes, 0, bytes.length)).isEqualTo(RtpParse.VALID);
    assertThat(packet.marker()).isTrue();
    assertThat(packet.payloadType()).isEqualTo(96);
    assertThat(packet.sequenceNumber()).isEqualTo(65534);
    assertThat(packet.timestamp()).isEqualTo(123456);
    assertThat(packet.ssrc()).isEqualTo(0xDEADBEEF);
    assertThat(packet.payloadLength()).isEqualTo(160);
  }
}
