package org.parley.media.audio;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A monotonic 20 ms clock for sources and sinks that have no device to pace them (silence, discard,
 * files played in real time). A caller that falls far behind is re-synchronised rather than given a
 * burst of frames.
 *
 * <p>Threading: one thread calls {@link #await}; another may {@link LockSupport#unpark} it, after
 * which {@code await} re-checks its stop condition.
 */
final class FramePacer {
  static final long FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(Pcm.FRAME_MILLIS);
  private static final long MAX_LAG_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  private long next;
  private boolean running;

  /** Forgets the schedule; the next {@link #await} starts a new one. */
  void reset() {
    running = false;
  }

  /** Parks until the next frame is due or {@code stopped} becomes true. */
  void await(BooleanSupplier stopped) {
    long now = System.nanoTime();
    if (!running || now - next > MAX_LAG_NANOS) {
      next = now;
      running = true;
    }
    next += FRAME_NANOS;
    long wait;
    while (!stopped.getAsBoolean() && (wait = next - System.nanoTime()) > 0) {
      LockSupport.parkNanos(this, wait);
    }
  }
}
