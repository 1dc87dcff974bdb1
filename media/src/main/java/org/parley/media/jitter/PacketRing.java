package org.parley.media.jitter;

import java.util.Arrays;

/**
 * The buffer's packet store: {@link #CAPACITY} preallocated slots indexed by extended sequence
 * number. A slot remembers which sequence number it last stood for and in which {@code State}, so
 * duplicates and late copies are recognised. Not thread-safe: used under the jitter buffer's lock.
 */
final class PacketRing {
  /** Slots; a power of two, and more than the maximum delay (300 ms) in 20 ms frames. */
  static final int CAPACITY = 64;
  /** Largest payload kept; larger ones cannot come from a 20 ms voice frame. */
  static final int MAX_PAYLOAD = 1500;

  /** Slot states; {@link #NONE} when the slot stands for another sequence number. */
  static final byte NONE = 0;
  static final byte WAITING = 1;
  static final byte DONE = 2;
  static final byte MISSED = 3;

  private final long[] sequence = new long[CAPACITY];
  private final byte[] state = new byte[CAPACITY];
  private final long[] arrival = new long[CAPACITY];
  private final int[] length = new int[CAPACITY];
  private final byte[][] payload = new byte[CAPACITY][MAX_PAYLOAD];

  PacketRing() {
    clear();
  }

  void clear() {
    Arrays.fill(sequence, Long.MIN_VALUE);
    Arrays.fill(state, NONE);
  }

  private static int index(long seq) {
    return (int) (seq & (CAPACITY - 1));
  }

  /** The state of this sequence number, {@link #NONE} if its slot stands for another. */
  byte state(long seq) {
    int i = index(seq);
    return sequence[i] == seq ? state[i] : NONE;
  }

  boolean isWaiting(long seq) {
    return state(seq) == WAITING;
  }

  /** True if storing this sequence number would overwrite a different packet still waiting. */
  boolean displacesWaiting(long seq) {
    int i = index(seq);
    return sequence[i] != seq && state[i] == WAITING;
  }

  void store(long seq, byte[] data, int offset, int len, long arrivalNanos) {
    int i = index(seq);
    sequence[i] = seq;
    state[i] = WAITING;
    arrival[i] = arrivalNanos;
    length[i] = len;
    System.arraycopy(data, offset, payload[i], 0, len);
  }

  /** Records that the packet was received and has had its turn (played, dropped or late). */
  void markDone(long seq) {
    mark(seq, DONE);
  }

  /** Records that the packet's turn passed before it arrived. */
  void markMissed(long seq) {
    mark(seq, MISSED);
  }

  private void mark(long seq, byte s) {
    int i = index(seq);
    if (sequence[i] <= seq || state[i] != WAITING) {
      sequence[i] = seq;
      state[i] = s;
    }
  }

  /** Copies a waiting packet's payload into {@code into}; @return its length */
  int copy(long seq, byte[] into) {
    int i = index(seq);
    System.arraycopy(payload[i], 0, into, 0, length[i]);
    return length[i];
  }

  long arrivalNanos(long seq) {
    return arrival[index(seq)];
  }

  /** The lowest waiting sequence number, or Long.MAX_VALUE if none waits. */
  long lowestWaiting() {
    long lowest = Long.MAX_VALUE;
    for (int i = 0; i < CAPACITY; i++) {
      if (state[i] == WAITING) {
        lowest = Math.min(lowest, sequence[i]);
      }
    }
    return lowest;
  }
}
