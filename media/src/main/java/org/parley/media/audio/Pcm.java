package org.parley.media.audio;

/**
 * The one PCM format inside Parley's media pipeline: 48 kHz, mono, signed 16-bit samples held in
 * {@code short[]}, moved in frames of 20 ms. Devices and files are converted to it at their edge;
 * codecs with another rate are resampled between it and them.
 */
public final class Pcm {
  public static final int SAMPLE_RATE = 48_000;
  public static final int FRAME_MILLIS = 20;
  public static final int FRAME_SAMPLES = SAMPLE_RATE / 1000 * FRAME_MILLIS;

  private Pcm() {}

  /** A new, silent frame. Allocate frames once per stream, never per packet. */
  public static short[] newFrame() {
    return new short[FRAME_SAMPLES];
  }
}
