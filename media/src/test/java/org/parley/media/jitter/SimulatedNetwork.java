package org.parley.media.jitter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A seeded, deterministic network between one sender of 20 ms frames and a {@link JitterBuffer}
 * polled every 20 ms by the receiver's clock. It counts what it did to the packets, so tests can
 * compare with what the buffer reports.
 */
final class SimulatedNetwork {
  static final long FRAME_NANOS = 20_000_000L;

  private final Random random;
  double lossRate;
  double duplicateRate;
  long baseDelayNanos = 25_000_000L;
  long jitterNanos;
  /** Sender clock error: +0.005 means the sender's 20 ms take 20.1 ms of receiver time. */
  double drift;
  int firstSeq = 1000;
  long firstTimestamp = 123_456_789L;
  long burstFrom = -1;
  int burstLength;
  /** Frames with k % quietEvery == 0 are sent at a low level (speech pauses). */
  int quietEvery = 8;
  /** When the receiver polls, relative to the sender's frame clock (arrivals come at 5 ms). */
  long pollPhase = 7_000_000L;

  // what the network did
  long sent;
  long dropped;
  long duplicated;
  long reordered;
  long droppedInsideReceivedRange;

  private record Arrival(long at, long frame, boolean copy) {}

  SimulatedNetwork(long seed) {
    random = new Random(seed);
  }

  /** Runs {@code seconds} of call and returns the buffer's final statistics. */
  JitterStatistics run(SequenceCodec codec, int seconds) {
    long[] now = {0};
    JitterBuffer buffer = new JitterBuffer(codec, () -> now[0]);
    int frames = seconds * 50;
    List<Arrival> arrivals = new ArrayList<>();
    Set<Long> lost = new HashSet<>();
    for (long k = 0; k < frames; k++) {
      sent++;
      boolean inBurst = burstFrom >= 0 && k >= burstFrom && k < burstFrom + burstLength;
      if (inBurst || random.nextDouble() < lossRate) {
        dropped++;
        lost.add(k);
        continue;
      }
      long sentAt = Math.round(k * FRAME_NANOS * (1 + drift));
      arrivals.add(new Arrival(sentAt + delay(), k, false));
      if (random.nextDouble() < duplicateRate) {
        duplicated++;
        arrivals.add(new Arrival(sentAt + delay(), k, true));
      }
    }
    arrivals.sort(Comparator.comparingLong(Arrival::at));
    long highest = -1;
    long lowest = Long.MAX_VALUE;
    for (Arrival a : arrivals) {
      if (!a.copy() && a.frame() < highest) {
        reordered++;
      }
      if (!a.copy()) {
        highest = Math.max(highest, a.frame());
        lowest = Math.min(lowest, a.frame());
      }
    }
    for (long k : lost) {
      if (k > lowest && k < highest) {
        droppedInsideReceivedRange++;
      }
    }

    short[] pcm = new short[codec.samplesPerFrame()];
    int next = 0;
    long end = Math.round(frames * FRAME_NANOS * (1 + Math.max(drift, 0))) + 500_000_000L;
    for (long t = pollPhase; t < end; t += FRAME_NANOS) {
      while (next < arrivals.size() && arrivals.get(next).at() <= t) {
        Arrival a = arrivals.get(next++);
        now[0] = a.at();
        byte[] payload = SequenceCodec.payload(a.frame(), a.frame() % quietEvery == 0 ? 10 : 5000);
        buffer.offer((int) ((firstSeq + a.frame()) & 0xFFFF),
            (firstTimestamp + a.frame() * codec.timestampsPerFrame()) & 0xFFFF_FFFFL,
            payload, 0, payload.length, a.at());
      }
      now[0] = t;
      buffer.poll(pcm);
    }
    return buffer.statistics();
  }

  private long delay() {
    return baseDelayNanos + (jitterNanos == 0 ? 0 : (long) (random.nextDouble() * jitterNanos));
  }
}
