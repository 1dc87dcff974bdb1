package org.parley.media.rtp;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Packets per second through a session pair on loopback, and bytes allocated per packet on the
 * sending thread and on the receiving session's media thread. Not a test: run by hand.
 *
 * <p>Sends in windows of 64 packets and waits for the receiver to catch up, so loopback buffers
 * never overflow and every packet counts.
 */
public final class RtpSessionBench {
  private static volatile long received;

  private RtpSessionBench() {}

  public static void main(String[] args) throws Exception {
    int packets = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    InetAddress lo = InetAddress.getLoopbackAddress();
    RtpSessionConfig config = RtpSessionConfig.on(lo).withPorts(20000, 59999);
    try (RtpSession a = RtpSession.open(config, p -> { });
        RtpSession b = RtpSession.open(config, p -> received++)) {
      a.setRemote(new InetSocketAddress(lo, b.localRtpPort()), null);
      Thread receiver = thread("parley-rtp-" + b.localRtpPort());
      byte[] payload = new byte[160];
      run(a, payload, 20_000);
      long sendBefore = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
      long receiveBefore = threads.getThreadAllocatedBytes(receiver.getId());
      long startReceived = received;
      long start = System.nanoTime();
      run(a, payload, packets);
      long nanos = System.nanoTime() - start;
      long sendBytes = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - sendBefore;
      long receiveBytes = threads.getThreadAllocatedBytes(receiver.getId()) - receiveBefore;
      long got = received - startReceived;
      System.out.printf("packets sent %d, received %d in %.2f s: %.0f packets/s%n",
          packets, got, nanos / 1e9, got / (nanos / 1e9));
      System.out.printf("allocated per packet: sender %.3f B, receiver %.3f B%n",
          (double) sendBytes / packets, (double) receiveBytes / got);
    }
  }

  private static long sentSoFar;

  private static void run(RtpSession a, byte[] payload, int count) throws Exception {
    for (int i = 0; i < count; i++) {
      a.send(0, false, 160L * sentSoFar, payload, 0, payload.length);
      sentSoFar++;
      if ((i & 63) == 63) {
        long deadline = System.nanoTime() + 100_000_000L;
        while (received < sentSoFar - 2 && System.nanoTime() < deadline) {
          Thread.onSpinWait();
        }
      }
    }
  }

  private static Thread thread(String name) {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals(name)) {
        return t;
      }
    }
    throw new IllegalStateException("no thread " + name);
  }
}
