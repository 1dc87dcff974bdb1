package org.parley.bench;

import java.util.Arrays;

/**
 * An immutable sample of durations in nanoseconds with nearest-rank percentiles. Thread-confined while
 * being filled through {@link Recorder}.
 */
public final class Latencies {
    private final long[] sorted;

    private Latencies(long[] values) {
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    public static Latencies of(long[] nanos) {
        return new Latencies(nanos);
    }

    public int count() {
        return sorted.length;
    }

    /** Nearest-rank percentile, {@code p} in (0, 100]; 0 for an empty sample. */
    public long percentile(double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public long max() {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    public long mean() {
        return sorted.length == 0 ? 0 : (long) Arrays.stream(sorted).average().orElse(0);
    }

    /** "p50 1.234 ms  p90 …  p99 …  max …  (mean …, n)" */
    public String summary() {
        return String.format("p50 %s  p90 %s  p99 %s  max %s  (mean %s, n=%d)", ms(percentile(50)),
                ms(percentile(90)), ms(percentile(99)), ms(max()), ms(mean()), count());
    }

    /** Milliseconds with microsecond precision. */
    public static String ms(long nanos) {
        return String.format("%.3f ms", nanos / 1e6);
    }

    /** Collects a fixed number of samples; one thread at a time. */
    public static final class Recorder {
        private final long[] values;
        private int size;

        public Recorder(int capacity) {
            values = new long[capacity];
        }

        public void add(long nanos) {
            if (size < values.length) {
                values[size++] = nanos;
            }
        }

        public Latencies done() {
            return new Latencies(Arrays.copyOf(values, size));
        }
    }
}
