package org.parley.media.srtp;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Time and allocation of one SRTP protect plus unprotect, for 160- and 80-byte payloads (G.711 and
 * G.722/opus at 20 ms). A plain main; prints one line per payload size.
 *
 * <p>Run: {@code java -cp media/target/classes:media/target/bench-classes
 * org.parley.media.srtp.SrtpBench}
 */
public final class SrtpBench {
  private static final int WARMUP = 300_000;
  private static final int MEASURED = 1_000_000;
  private static final int ROUNDS = 5;

  private SrtpBench() {}

  public static void main(String[] args) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    for (int payload : new int[] {160, 80}) {
      SrtpSession alice = session(1, 2);
      SrtpSession bob = session(2, 1);
      byte[] buf = new byte[12 + payload + 32];
      buf[0] = (byte) 0x80;
      buf[11] = 7;
      run(alice, bob, buf, payload, WARMUP, 0);
      int seq = WARMUP;
      double[] nanos = new double[ROUNDS];
      long allocated = 0;
      for (int r = 0; r < ROUNDS; r++) {
        long bytesBefore = threads.getThreadAllocatedBytes(thread);
        long start = System.nanoTime();
        run(alice, bob, buf, payload, MEASURED, seq);
        seq += MEASURED;
        nanos[r] = (System.nanoTime() - start) / (double) MEASURED;
        allocated += threads.getThreadAllocatedBytes(thread) - bytesBefore;
      }
      Arrays.sort(nanos);
      System.out.printf("payload %3d B: protect+unprotect median %.0f ns (best %.0f), "
              + "allocated %.4f B/packet over %d packets%n",
          payload, nanos[ROUNDS / 2], nanos[0], allocated / (double) (ROUNDS * MEASURED),
          ROUNDS * MEASURED);
    }
  }

  private static void run(
      SrtpSession alice, SrtpSession bob, byte[] buf, int payload, int count, int firstSeq) {
    int len = 12 + payload;
    for (int i = 0; i < count; i++) {
      int seq = firstSeq + i;
      buf[2] = (byte) (seq >>> 8);
      buf[3] = (byte) seq;
      if (bob.unprotectRtp(buf, 0, alice.protectRtp(buf, 0, len)) != len) {
        throw new IllegalStateException("round trip failed at " + seq);
      }
    }
  }

  private static SrtpSession session(int local, int remote) {
    return new SrtpSession(SrtpSuite.AES_CM_128_HMAC_SHA1_80, key(local), key(remote));
  }

  private static SrtpMasterKey key(int seed) {
    byte[] key = new byte[16];
    byte[] salt = new byte[14];
    Arrays.fill(key, (byte) seed);
    Arrays.fill(salt, (byte) -seed);
    return new SrtpMasterKey(key, salt);
  }
}
