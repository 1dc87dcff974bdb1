package org.parley.media.testsupport;

/**
 * Compares audio that went through a path (devices, codecs, network) with the audio that was sent.
 * Sample-by-sample subtraction is useless there: a delay of one sample already costs 3 dB. So:
 *
 * <ol>
 *   <li><b>Align</b>: the cross-correlation of captured and reference over every lag is computed
 *       with an FFT (O(n log n)); the lag with the largest correlation, normalised by the energy of
 *       the captured window, wins. A positive lag means the captured audio is late.
 *   <li><b>Fit gain</b>: over the overlap, the least-squares gain {@code g = <x,y>/<x,x>}.
 *   <li><b>Report</b>: Pearson-style correlation {@code <x,y>/sqrt(<x,x><y,y>)} (1.0 = same shape,
 *       around 0 = unrelated, independent of level) and SNR {@code 10·log10(|g·x|² / |y − g·x|²)}
 *       in dB, plus how much of the reference the capture covers.
 * </ol>
 *
 * <p>Typical figures: identical path 1.000 / > 60 dB; G.711 µ-law about 37 dB; a clean device loop
 * at 48 kHz above 0.99; a different sentence below 0.1. Correlation ≥ 0.95 is a sensible pass mark
 * for a clean path. Both signals must have the same sample rate. Stateless and thread-safe.
 */
public final class AudioCompare {
  private static final double MAX_SNR_DB = 200;

  private AudioCompare() {}

  /**
   * The outcome of a comparison.
   *
   * @param lagSamples where the reference starts in the captured signal (negative: before it)
   * @param gain captured level relative to the reference (1.0 = unchanged, negative = inverted)
   * @param correlation shape similarity over the overlap, -1.0 to 1.0
   * @param snrDb reference power over residual power after alignment and gain, in dB
   * @param coverage fraction of the reference that the captured signal overlaps, 0.0 to 1.0
   */
  public record Result(int lagSamples, double gain, double correlation, double snrDb, double coverage) {
    @Override
    public String toString() {
      return String.format("lag %d samples, gain %.3f, correlation %.4f, SNR %.1f dB, coverage %.2f",
          lagSamples, gain, correlation, snrDb, coverage);
    }
  }

  /** Aligns {@code captured} to {@code reference} and measures how alike they are. */
  public static Result compare(short[] reference, short[] captured) {
    return compare(toDouble(reference), toDouble(captured));
  }

  /** As {@link #compare(short[], short[])}, for samples of any scale. */
  public static Result compare(double[] reference, double[] captured) {
    if (reference.length == 0 || captured.length == 0) {
      throw new IllegalArgumentException("both signals need samples");
    }
    int lag = bestLag(reference, captured);
    return measure(reference, captured, lag);
  }

  /**
   * As {@link #compare(short[], short[])}, but tolerant of the small time shifts an adaptive jitter
   * buffer makes (a frame skipped or inserted moves everything after it by 20 ms): after the global
   * alignment, each {@code segmentSamples} of the reference is aligned again on its own, within
   * {@code maxShiftSamples} of the global lag. Correlation and SNR sum the segments' products (so
   * quiet segments weigh little); lag and coverage are the global ones, gain is the overall
   * least-squares gain.
   */
  public static Result compareBySegments(short[] reference, short[] captured, int segmentSamples,
      int maxShiftSamples) {
    double[] x = toDouble(reference);
    double[] y = toDouble(captured);
    Result global = compare(x, y);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int start = 0; start < x.length; start += segmentSamples) {
      double[] segment = java.util.Arrays.copyOfRange(x, start, Math.min(x.length, start + segmentSamples));
      int from = Math.max(0, global.lagSamples() + start - maxShiftSamples);
      int to = Math.min(y.length, global.lagSamples() + start + segment.length + maxShiftSamples);
      if (to - from < segment.length) {
        continue;
      }
      double[] window = java.util.Arrays.copyOfRange(y, from, to);
      int lag = bestLag(segment, window);
      for (int i = Math.max(0, -lag); i < segment.length && i + lag < window.length; i++) {
        sxy += segment[i] * window[i + lag];
        sxx += segment[i] * segment[i];
        syy += window[i + lag] * window[i + lag];
      }
    }
    double gain = sxx == 0 ? 0 : sxy / sxx;
    double correlation = sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    double residual = Math.max(0, syy - gain * sxy);
    double signal = gain * gain * sxx;
    double snr = signal == 0 ? -MAX_SNR_DB
        : residual == 0 ? MAX_SNR_DB : Math.min(MAX_SNR_DB, 10 * Math.log10(signal / residual));
    return new Result(global.lagSamples(), gain, correlation, snr, global.coverage());
  }

  /** The lag that maximises correlation normalised by the captured window's energy. */
  static int bestLag(double[] x, double[] y) {
    int n = Fft.powerOfTwoAtLeast(x.length + y.length);
    double[] xr = new double[n];
    double[] xi = new double[n];
    double[] yr = new double[n];
    double[] yi = new double[n];
    System.arraycopy(x, 0, xr, 0, x.length);
    System.arraycopy(y, 0, yr, 0, y.length);
    Fft.transform(xr, xi, false);
    Fft.transform(yr, yi, false);
    for (int k = 0; k < n; k++) {
      double re = yr[k] * xr[k] + yi[k] * xi[k];
      double im = yi[k] * xr[k] - yr[k] * xi[k];
      yr[k] = re;
      yi[k] = im;
    }
    Fft.transform(yr, yi, true);
    double[] prefix = new double[y.length + 1];
    for (int i = 0; i < y.length; i++) {
      prefix[i + 1] = prefix[i] + y[i] * y[i];
    }
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int lag = -(x.length - 1); lag < y.length; lag++) {
      double r = yr[lag >= 0 ? lag : n + lag];
      int from = Math.max(0, lag);
      int to = Math.min(y.length, lag + x.length);
      double energy = prefix[to] - prefix[from];
      double score = energy <= 0 ? 0 : Math.abs(r) / Math.sqrt(energy);
      if (score > bestScore) {
        bestScore = score;
        best = lag;
      }
    }
    return best;
  }

  static Result measure(double[] x, double[] y, int lag) {
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    int overlap = 0;
    for (int i = Math.max(0, -lag); i < x.length && i + lag < y.length; i++) {
      double a = x[i];
      double b = y[i + lag];
      sxy += a * b;
      sxx += a * a;
      syy += b * b;
      overlap++;
    }
    double gain = sxx == 0 ? 0 : sxy / sxx;
    double correlation = sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    double residual = Math.max(0, syy - gain * sxy);
    double signal = gain * gain * sxx;
    double snr = signal == 0 ? -MAX_SNR_DB : residual == 0 ? MAX_SNR_DB : Math.min(MAX_SNR_DB, 10 * Math.log10(signal / residual));
    return new Result(lag, gain, correlation, snr, (double) overlap / x.length);
  }

  private static double[] toDouble(short[] samples) {
    double[] out = new double[samples.length];
    for (int i = 0; i < samples.length; i++) {
      out[i] = samples[i];
    }
    return out;
  }
}
