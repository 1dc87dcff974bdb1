package org.parley.media.codec;

import java.lang.management.ManagementFactory;

/**
 * CPU time per 20 ms frame for G.722 encoding and decoding (320 samples ↔ 160 octets), and the bytes the
 * measuring thread allocated while doing it. Not a test: a plain main.
 *
 * <pre>mvn -B -q -o -pl media -Pbench test-compile exec:exec -Dbench.main=org.parley.media.codec.G722Bench</pre>
 */
public final class G722Bench {
  private static final int WARM_UP_FRAMES = 50 * 60;
  private static final int MEASURED_FRAMES = 50 * 600;

  private G722Bench() {}

  public static void main(String[] args) {
    short[] voice = voice(16_000 * 10);
    run(voice, WARM_UP_FRAMES);
    long[] nanos = run(voice, MEASURED_FRAMES);
    long allocated = nanos[2];
    System.out.printf("G.722 %d frames (%d s of audio): encode %.1f µs/frame, decode %.1f µs/frame, "
        + "together %.3f%% of one core; allocated %d bytes%n", MEASURED_FRAMES, MEASURED_FRAMES / 50,
        nanos[0] / 1e3 / MEASURED_FRAMES, nanos[1] / 1e3 / MEASURED_FRAMES,
        100.0 * (nanos[0] + nanos[1]) / (MEASURED_FRAMES * 20e6), allocated);
  }

  /** @return thread CPU nanoseconds spent encoding, then decoding, then bytes allocated by the frame loop */
  private static long[] run(short[] voice, int frames) {
    AudioEncoder encoder = G722Codec.INSTANCE.newEncoder();
    AudioDecoder decoder = G722Codec.INSTANCE.newDecoder();
    short[] frame = new short[320];
    short[] out = new short[320];
    byte[] packet = new byte[160];
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long encoding = 0;
    long decoding = 0;
    int framesInVoice = voice.length / 320;
    long allocatedBefore = threads.getThreadAllocatedBytes(id);
    for (int f = 0; f < frames; f++) {
      System.arraycopy(voice, (f % framesInVoice) * 320, frame, 0, 320);
      long t0 = threads.getCurrentThreadCpuTime();
      int length = encoder.encode(frame, packet, 0);
      long t1 = threads.getCurrentThreadCpuTime();
      decoder.decode(packet, 0, length, out);
      long t2 = threads.getCurrentThreadCpuTime();
      encoding += t1 - t0;
      decoding += t2 - t1;
    }
    long allocated = threads.getThreadAllocatedBytes(id) - allocatedBefore;
    return new long[] {encoding, decoding, allocated};
  }

  /** A voiced, wandering tone with hiss: 16 kHz. */
  private static short[] voice(int samples) {
    short[] s = new short[samples];
    java.util.Random noise = new java.util.Random(1);
    double phase = 0;
    for (int i = 0; i < samples; i++) {
      phase += 2 * Math.PI * (150 + 60 * Math.sin(2 * Math.PI * 0.7 * i / 16_000.0)) / 16_000.0;
      double envelope = 0.5 + 0.5 * Math.sin(2 * Math.PI * 2.3 * i / 16_000.0);
      s[i] = (short) Math.round(envelope * (7000 * Math.sin(phase) + 3500 * Math.sin(2 * phase + 0.3)
          + 1500 * Math.sin(3 * phase)) + 300 * noise.nextGaussian());
    }
    return s;
  }
}
