package org.parley.media.stream;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.parley.media.audio.Pcm;

/**
 * A 20 ms schedule on the monotonic clock: tick n is due at {@code start + n × 20 ms}, so waiting
 * does not accumulate drift the way {@code sleep(20)} does. A thread that falls more than 200 ms
 * behind (a stall, a debugger) starts a new schedule instead of sending a burst.
 *
 * <p>Threading: one thread calls {@link #awaitNextTick}; {@link LockSupport#unpark} on it makes the
 * wait re-check {@code running} and return early when it is false. Does not allocate.
 */
final class FrameClock {
    static final long FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(Pcm.FRAME_MILLIS);
    private static final long MAX_LAG_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private long next;
    private boolean scheduled;

    /** Waits until the next tick is due. @return false when {@code running} turned false */
    boolean awaitNextTick(Running running) {
        long now = System.nanoTime();
        if (!scheduled || now - next > MAX_LAG_NANOS) {
            next = now;
            scheduled = true;
        }
        next += FRAME_NANOS;
        long wait;
        while (running.isRunning() && (wait = next - System.nanoTime()) > 0) {
            LockSupport.parkNanos(this, wait);
        }
        return running.isRunning();
    }

    /**
     * Re-phases the schedule so that ticks fall on {@code anchor} plus whole frames, the next one at
     * least half a frame from now: the gap to it is between 10 and 30 ms, once.
     */
    void alignTo(long anchor) {
        long earliest = System.nanoTime() + FRAME_NANOS / 2;
        long tick = earliest + Math.floorMod(anchor - earliest, FRAME_NANOS);
        next = tick - FRAME_NANOS;
        scheduled = true;
    }

    /** The stop condition a waiting thread checks. */
    @FunctionalInterface
    interface Running {
        boolean isRunning();
    }
}
