package org.parley.media.stream;

import java.util.function.LongSupplier;

/** Watches a counter to tell whether it still moves. Poll {@link #stalledFor} from Awaitility. Test support. */
final class Progress {
    private final LongSupplier counter;
    private long last = Long.MIN_VALUE;
    private long changedAt;

    Progress(LongSupplier counter) {
        this.counter = counter;
    }

    /** Whether the counter has not changed for {@code millis} (observed by repeated calls). */
    synchronized boolean stalledFor(long millis) {
        long value = counter.getAsLong();
        long now = System.nanoTime();
        if (value != last) {
            last = value;
            changedAt = now;
        }
        return now - changedAt >= millis * 1_000_000L;
    }
}
