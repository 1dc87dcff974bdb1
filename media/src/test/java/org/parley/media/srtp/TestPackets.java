package org.parley.media.srtp;

import java.util.Arrays;

/** RTP and RTCP packets for tests, in buffers with room for the SRTP trailer. */
final class TestPackets {
  static final int ROOM = 64;

  private TestPackets() {}

  static SrtpMasterKey key(int seed) {
    byte[] key = new byte[16];
    byte[] salt = new byte[14];
    Arrays.fill(key, (byte) seed);
    Arrays.fill(salt, (byte) (seed * 7 + 1));
    return new SrtpMasterKey(key, salt);
  }

  /** An RTP v2 packet (PT 0) with a payload of {@code payload} bytes of a pattern. */
  static byte[] rtp(int seq, int ssrc, int payload) {
    byte[] buf = new byte[12 + payload + ROOM];
    buf[0] = (byte) 0x80;
    buf[2] = (byte) (seq >>> 8);
    buf[3] = (byte) seq;
    int timestamp = seq * 160;
    for (int i = 0; i < 4; i++) {
      buf[4 + i] = (byte) (timestamp >>> (24 - 8 * i));
      buf[8 + i] = (byte) (ssrc >>> (24 - 8 * i));
    }
    for (int i = 0; i < payload; i++) {
      buf[12 + i] = (byte) (i * 31 + seq);
    }
    return buf;
  }

  /** A minimal RTCP receiver report (PT 201, no report blocks) followed by {@code extra} bytes. */
  static byte[] rtcp(int ssrc, int extra) {
    byte[] buf = new byte[8 + extra + ROOM];
    buf[0] = (byte) 0x80;
    buf[1] = (byte) 201;
    buf[3] = (byte) ((8 + extra) / 4 - 1);
    for (int i = 0; i < 4; i++) {
      buf[4 + i] = (byte) (ssrc >>> (24 - 8 * i));
    }
    for (int i = 0; i < extra; i++) {
      buf[8 + i] = (byte) (i + 5);
    }
    return buf;
  }
}
