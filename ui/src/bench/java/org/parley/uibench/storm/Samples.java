package org.parley.uibench.storm;

import java.util.Arrays;

/** A sorted copy of nanosecond samples with the figures the report prints (in ms). A value. */
record Samples(long[] sorted) {
    static Samples of(long[] values, int count) {
        long[] copy = Arrays.copyOf(values, count);
        Arrays.sort(copy);
        return new Samples(copy);
    }

    int count() {
        return sorted.length;
    }

    /** The {@code p}-th percentile (nearest rank) in ms; 0 without samples. */
    double percentileMs(double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    double maxMs() {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6;
    }

    /** How many samples exceed {@code ms}. */
    int over(double ms) {
        long limit = (long) (ms * 1e6);
        int i = Arrays.binarySearch(sorted, limit + 1);
        int first = i >= 0 ? i : -i - 1;
        while (first > 0 && sorted[first - 1] > limit) {
            first--;
        }
        return sorted.length - first;
    }

    /** "p50 a, p99 b, max c ms, n over 50 ms (count samples)". */
    String summary() {
        return String.format("p50 %.1f, p99 %.1f, max %.1f ms; %d over 50 ms (%d samples)", percentileMs(50),
                percentileMs(99), maxMs(), over(50), count());
    }
}
