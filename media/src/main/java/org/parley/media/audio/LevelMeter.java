package org.parley.media.audio;

/**
 * Peak and RMS of a frame in dBFS (0 dBFS = full scale, silence = {@link #FLOOR_DBFS}), plus a
 * display level that jumps up to a new peak and falls back slowly, as level meters do.
 *
 * <p>Threading: {@link #update} by one thread (the media thread that owns the frame); the getters
 * may be read from any thread (e.g. a UI timer).
 */
public final class LevelMeter {
  /** The level reported for digital silence. */
  public static final double FLOOR_DBFS = -96.0;

  private final double decayDbPerFrame;
  private volatile double peakDbfs = FLOOR_DBFS;
  private volatile double rmsDbfs = FLOOR_DBFS;
  private volatile double displayDbfs = FLOOR_DBFS;

  /** @param decayDbPerSecond how fast the display level falls after a peak (20 is typical) */
  public LevelMeter(double decayDbPerSecond) {
    this.decayDbPerFrame = decayDbPerSecond * Pcm.FRAME_MILLIS / 1000.0;
  }

  /** Measures one frame; no allocation. */
  public void update(short[] frame) {
    int peak = 0;
    double sumSquares = 0;
    for (short s : frame) {
      peak = Math.max(peak, Math.abs(s));
      sumSquares += (double) s * s;
    }
    double newPeak = dbfs(peak / 32768.0);
    peakDbfs = newPeak;
    rmsDbfs = frame.length == 0 ? FLOOR_DBFS : dbfs(Math.sqrt(sumSquares / frame.length) / 32768.0);
    displayDbfs = Math.max(newPeak, Math.max(FLOOR_DBFS, displayDbfs - decayDbPerFrame));
  }

  public double peakDbfs() {
    return peakDbfs;
  }

  public double rmsDbfs() {
    return rmsDbfs;
  }

  /** The peak with decay: what a meter bar should show. */
  public double displayDbfs() {
    return displayDbfs;
  }

  /** {@code amplitude} (0.0 to 1.0 of full scale) in dBFS, never below {@link #FLOOR_DBFS}. */
  public static double dbfs(double amplitude) {
    return amplitude <= 0 ? FLOOR_DBFS : Math.max(FLOOR_DBFS, 20 * Math.log10(amplitude));
  }
}
