package org.parley.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.media.srtp.TestPackets.key;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The media path may not allocate per packet: measured with the JVM's per-thread counter. A few
 * hundred bytes once per measurement (the counter's own call, on-stack replacement) are tolerated;
 * one small object per packet would be 20,000 times that.
 */
class SrtpAllocationTest {
  private static final int PACKETS = 20_000;

  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final SrtpSession alice = new SrtpSession(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key(1), key(2));
  private final SrtpSession bob = new SrtpSession(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key(2), key(1));
  private final byte[] rtp = TestPackets.rtp(0, 0x1111, 160);
  private final byte[] rtcp = TestPackets.rtcp(0x1111, 24);
  private int seq;

  @Test
  void protectAndUnprotectAllocateNothingOnceWarm() {
    roundTrips(PACKETS);
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    roundTrips(PACKETS);
    long allocated = threads.getThreadAllocatedBytes(thread) - before;

    // Per-packet allocation would be at least 16 bytes x 4 operations x 20,000; a few kilobytes of one-off
    // allocation (JIT compilation events, a deoptimisation) land on the thread when the suite runs in one JVM.
    assertThat(allocated).as("bytes allocated for %d RTP and RTCP round trips", PACKETS)
        .isLessThan(PACKETS);
  }

  private void roundTrips(int count) {
    for (int i = 0; i < count; i++) {
      seq = (seq + 1) & 0xFFFF;
      rtp[2] = (byte) (seq >>> 8);
      rtp[3] = (byte) seq;
      int len = alice.protectRtp(rtp, 0, 172);
      if (bob.unprotectRtp(rtp, 0, len) != 172) {
        throw new AssertionError("RTP round trip failed at " + i);
      }
      if (i % 50 == 0) {
        int rtcpLen = alice.protectRtcp(rtcp, 0, 32);
        if (bob.unprotectRtcp(rtcp, 0, rtcpLen) != 32) {
          throw new AssertionError("RTCP round trip failed at " + i);
        }
      }
    }
  }
}
