package org.parley.media.rtp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what a session delivered (copied out of the reused view), for tests. */
final class RecordingListener implements RtpListener {
  record Received(int ssrc, int seq, long timestamp, int payloadType, boolean marker, byte[] payload) {}

  final List<Received> packets = new CopyOnWriteArrayList<>();
  final List<Integer> byes = new CopyOnWriteArrayList<>();
  final List<int[]> ssrcChanges = new CopyOnWriteArrayList<>();

  @Override
  public void onRtp(RtpPacket p) {
    byte[] payload = new byte[p.payloadLength()];
    System.arraycopy(p.buffer(), p.payloadOffset(), payload, 0, payload.length);
    packets.add(new Received(p.ssrc(), p.sequenceNumber(), p.timestamp(), p.payloadType(),
        p.marker(), payload));
  }

  @Override
  public void onBye(int ssrc) {
    byes.add(ssrc);
  }

  @Override
  public void onSsrcChanged(int oldSsrc, int newSsrc) {
    ssrcChanges.add(new int[] {oldSsrc, newSsrc});
  }

  long countFrom(int ssrc) {
    return packets.stream().filter(r -> r.ssrc() == ssrc).count();
  }
}
