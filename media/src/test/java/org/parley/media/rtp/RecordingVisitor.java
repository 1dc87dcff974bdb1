package org.parley.media.rtp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writes what a parser reports as lines, for comparing with expectations. */
final class RecordingVisitor implements RtcpVisitor {
  final List<String> seen = new ArrayList<>();
  final List<ReportBlock> blocks = new ArrayList<>();

  private static String hex(int ssrc) {
    return Integer.toHexString(ssrc);
  }

  @Override
  public void senderReport(int ssrc, long ntp, long rtpTs, long packets, long octets) {
    seen.add("SR " + hex(ssrc) + " ntp=" + Long.toHexString(ntp) + " ts=" + rtpTs
        + " packets=" + packets + " octets=" + octets);
  }

  @Override
  public void receiverReport(int ssrc) {
    seen.add("RR " + hex(ssrc));
  }

  @Override
  public void reportBlock(int reporter, ReportBlock block) {
    blocks.add(block);
    seen.add("block from " + hex(reporter) + " on " + hex(block.ssrc()));
  }

  @Override
  public void sdesItem(int ssrc, int type, byte[] buf, int off, int len) {
    seen.add("SDES " + hex(ssrc) + " " + type + "=" + new String(buf, off, len, StandardCharsets.UTF_8));
  }

  @Override
  public void bye(int ssrc) {
    seen.add("BYE " + hex(ssrc));
  }

  @Override
  public void other(int type) {
    seen.add("other " + type);
  }
}
