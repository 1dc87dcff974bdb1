package org.parley.media.codec;

import java.lang.management.ManagementFactory;

/** Test signals and measurements shared by the codec tests. */
final class Signals {
  private Signals() {}

  static short[] sine(double hz, int rate, int samples, double amplitude) {
    short[] s = new short[samples];
    for (int i = 0; i < samples; i++) {
      s[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * i / rate));
    }
    return s;
  }

  /** Signal-to-noise ratio in dB of {@code actual} against {@code expected} over a range. */
  static double snrDb(short[] expected, int expectedFrom, short[] actual, int actualFrom, int n) {
    double signal = 0;
    double noise = 0;
    for (int i = 0; i < n; i++) {
      double e = expected[expectedFrom + i];
      double d = actual[actualFrom + i] - e;
      signal += e * e;
      noise += d * d;
    }
    return 10 * Math.log10(signal / Math.max(noise, 1e-9));
  }

  static double rms(short[] s, int from, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += (double) s[from + i] * s[from + i];
    }
    return Math.sqrt(sum / n);
  }

  /** Normalized cross-correlation of two ranges, -1 to 1. */
  static double correlation(short[] a, int aFrom, short[] b, int bFrom, int n) {
    double ab = 0;
    double aa = 1e-9;
    double bb = 1e-9;
    for (int i = 0; i < n; i++) {
      ab += (double) a[aFrom + i] * b[bFrom + i];
      aa += (double) a[aFrom + i] * a[aFrom + i];
      bb += (double) b[bFrom + i] * b[bFrom + i];
    }
    return ab / Math.sqrt(aa * bb);
  }

  /** The lag in [0, maxLag] at which {@code delayed} best matches {@code original}. */
  static int bestLag(short[] original, short[] delayed, int from, int n, int maxLag) {
    int best = 0;
    double bestCorrelation = -2;
    for (int lag = 0; lag <= maxLag; lag++) {
      double c = correlation(original, from, delayed, from + lag, n);
      if (c > bestCorrelation) {
        bestCorrelation = c;
        best = lag;
      }
    }
    return best;
  }

  /** Bytes the current thread allocates while running {@code work}. */
  static long allocatedBytes(Runnable work) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    work.run();
    return threads.getThreadAllocatedBytes(id) - before;
  }
}
