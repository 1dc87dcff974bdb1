package org.parley.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RtcpCompoundTest {
  private static final HexFormat HEX = HexFormat.of();

  /** An SR with one report block followed by SDES CNAME, laid out as a softphone sends it. */
  private static final String CAPTURED_SR_SDES =
      "81c8000c" + "4f1a9c03" // SR, RC=1, 13 words, sender SSRC
          + "e73c2b1a" + "80000000" // NTP 0xe73c2b1a.8 s
          + "0001f400" + "000001f4" + "00013880" // RTP ts 128000, 500 packets, 80000 octets
          + "12345678" + "0a000005" + "00010010" // block on 0x12345678: 10/256 lost, 5 total, ext 65552
          + "0000002a" + "2b1a0000" + "00018000" // jitter 42, LSR, DLSR 1.5 s
          + "81ca0006" + "4f1a9c03" // SDES, one chunk, 7 words
          + "010f" + "616c6963654031302e302e302e3137" + "000000"; // CNAME alice@10.0.0.17, end, pad

  private static RecordingVisitor parse(byte[] bytes, RtcpParse expected) {
    RecordingVisitor v = new RecordingVisitor();
    assertThat(RtcpParser.parse(bytes, 0, bytes.length, v)).isEqualTo(expected);
    return v;
  }

  @Test
  void readsACapturedSenderReportWithSdes() {
    RecordingVisitor v = parse(HEX.parseHex(CAPTURED_SR_SDES), RtcpParse.VALID);

    assertThat(v.seen).containsExactly(
        "SR 4f1a9c03 ntp=e73c2b1a80000000 ts=128000 packets=500 octets=80000",
        "block from 4f1a9c03 on 12345678",
        "SDES 4f1a9c03 1=alice@10.0.0.17");
    assertThat(v.blocks).containsExactly(
        new ReportBlock(0x12345678, 10, 5, 65552, 42, 0x2b1a0000L, 0x18000L));
  }

  @Test
  void writesTheCapturedPacketByteForByte() {
    byte[] buf = new byte[200];
    int n = new RtcpWriter(buf, 0)
        .senderReport(0x4f1a9c03, 0xe73c2b1a80000000L, 128000, 500, 80000)
        .reportBlock(new ReportBlock(0x12345678, 10, 5, 65552, 42, 0x2b1a0000L, 0x18000L))
        .sdesCname(0x4f1a9c03, "alice@10.0.0.17".getBytes(StandardCharsets.US_ASCII))
        .length();

    assertThat(HEX.formatHex(Arrays.copyOf(buf, n))).isEqualTo(CAPTURED_SR_SDES);
  }

  @Test
  void receiverReportWithNegativeLossSdesAndByeRoundTrips() {
    byte[] buf = new byte[200];
    ReportBlock block = new ReportBlock(7, 255, -3, 0xFFFF_FFFFL, 0xFFFF_FFFFL, 1, 2);
    ReportBlock most = new ReportBlock(8, 0, -0x800000, 0, 0, 0, 0);
    int n = new RtcpWriter(buf, 0).receiverReport(0xCAFE).reportBlock(block).reportBlock(most)
        .sdesCname(0xCAFE, "x".getBytes(StandardCharsets.US_ASCII)).bye(0xCAFE).length();

    assertThat(n % 4).isZero();
    RecordingVisitor v = parse(Arrays.copyOf(buf, n), RtcpParse.VALID);
    assertThat(v.seen).containsExactly("RR cafe", "block from cafe on 7", "block from cafe on 8",
        "SDES cafe 1=x", "BYE cafe");
    assertThat(v.blocks).containsExactly(block, most);
  }

  @Test
  void unknownPacketTypesAreSkipped() {
    String rr = "80c90001" + "00000001";
    String app = "80cc0002" + "00000001" + "74657374";
    String xr = "80cf0003" + "00000001" + "04000002" + "00000000";
    String sdes = "81ca0002" + "00000001" + "01016100"; // chunk: SSRC, CNAME "a", end
    RecordingVisitor v = parse(HEX.parseHex(rr + app + xr + sdes), RtcpParse.VALID);
    assertThat(v.seen).containsExactly("RR 1", "other 204", "other 207", "SDES 1 1=a");
  }

  @Test
  void rejectsBrokenCompoundsBeforeReportingAnything() {
    byte[] good = HEX.parseHex(CAPTURED_SR_SDES);
    assertThat(parse(Arrays.copyOf(good, good.length - 4), RtcpParse.BAD_LENGTH).seen).isEmpty();
    assertThat(parse(Arrays.copyOf(good, good.length + 2), RtcpParse.BAD_LENGTH).seen).isEmpty();
    assertThat(parse(Arrays.copyOf(good, 6), RtcpParse.TOO_SHORT).seen).isEmpty();

    byte[] longer = good.clone();
    longer[3] = 0x20;
    parse(longer, RtcpParse.BAD_LENGTH);

    byte[] version1 = good.clone();
    version1[52] = 0x41;
    parse(version1, RtcpParse.WRONG_VERSION);

    byte[] paddedFirst = good.clone();
    paddedFirst[0] |= 0x20;
    parse(paddedFirst, RtcpParse.BAD_PADDING);

    byte[] tooManyBlocks = good.clone();
    tooManyBlocks[0] = (byte) 0x82;
    parse(tooManyBlocks, RtcpParse.MALFORMED);

    byte[] itemOverrun = good.clone();
    itemOverrun[61] = 0x7f;
    parse(itemOverrun, RtcpParse.MALFORMED);

    parse(Arrays.copyOfRange(good, 52, good.length), RtcpParse.NOT_REPORT_FIRST);
  }

  @Test
  void paddingOnTheLastPacketIsAccepted() {
    String rr = "80c90001" + "00000001";
    String bye = "a1cb0002" + "00000001" + "00000004"; // one SSRC, then 4 bytes of padding
    assertThat(parse(HEX.parseHex(rr + bye), RtcpParse.VALID).seen).containsExactly("RR 1", "BYE 1");
  }

  @Property
  void anyCutInsideAPacketIsRejected(@ForAll @IntRange(min = 1, max = 79) int cut) {
    byte[] good = HEX.parseHex(CAPTURED_SR_SDES);
    if (cut == 52) {
      return;
    }
    RecordingVisitor v = new RecordingVisitor();
    assertThat(RtcpParser.parse(good, 0, cut, v)).isNotEqualTo(RtcpParse.VALID);
    assertThat(v.seen).isEmpty();
  }

  @Property
  void arbitraryBytesNeverThrow(@ForAll @Size(max = 120) byte[] bytes) {
    if (bytes.length > 1) {
      bytes[0] = (byte) (0x80 | bytes[0] & 0x3F);
      bytes[1] = (byte) 0xC9;
    }
    RtcpParser.parse(bytes, 0, bytes.length, new RecordingVisitor());
  }

  @Test
  void secondByteTellsRtcpFromRtpOnAMultiplexedPort() {
    assertThat(RtcpPacketType.isRtcp(HEX.parseHex("80c8"), 0, 2)).isTrue();
    assertThat(RtcpPacketType.isRtcp(HEX.parseHex("80cf"), 0, 2)).isTrue();
    assertThat(RtcpPacketType.isRtcp(HEX.parseHex("8000"), 0, 2)).isFalse();
    assertThat(RtcpPacketType.isRtcp(HEX.parseHex("8060"), 0, 2)).as("PT 96").isFalse();
    assertThat(RtcpPacketType.isRtcp(HEX.parseHex("80e0"), 0, 2)).as("PT 96 + marker").isFalse();
  }
}
