package org.parley.ui.files;

import java.util.OptionalDouble;

/**
 * The rate of a transfer over its last {@link #SAMPLES} progress reports (the core sends at most five a second,
 * so about one second): the bytes between the oldest and newest sample over the time between them. Not
 * thread-safe; one per transfer row, used on the UI thread.
 */
final class SpeedMeter {
    static final int SAMPLES = 5;
    private final long[] millis = new long[SAMPLES];
    private final long[] bytes = new long[SAMPLES];
    private int count;
    private int next;

    void add(long atMillis, long confirmed) {
        millis[next] = atMillis;
        bytes[next] = confirmed;
        next = (next + 1) % SAMPLES;
        count = Math.min(count + 1, SAMPLES);
    }

    /** Forgets the samples (a resumed transfer starts counting again). */
    void reset() {
        count = 0;
        next = 0;
    }

    /** Bytes per second, or empty before two samples some time apart. */
    OptionalDouble bytesPerSecond() {
        if (count < 2) {
            return OptionalDouble.empty();
        }
        int newest = (next - 1 + SAMPLES) % SAMPLES;
        int oldest = count < SAMPLES ? 0 : next;
        long elapsed = millis[newest] - millis[oldest];
        if (elapsed <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.max(0, bytes[newest] - bytes[oldest]) * 1000.0 / elapsed);
    }
}
