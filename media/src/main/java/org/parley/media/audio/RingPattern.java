package org.parley.media.audio;

import java.time.Duration;

/**
 * A ring cadence: two summed sine tones, on for a while, then off; repeated.
 *
 * @param lowHz first tone
 * @param highHz second tone
 * @param on how long the tones sound
 * @param off the pause after them
 * @param amplitude peak of the sum, 0.0 to 1.0 of full scale
 */
public record RingPattern(double lowHz, double highHz, Duration on, Duration off, double amplitude) {

  /** North American ringback/ringing: 440 + 480 Hz, 2 s on, 4 s off. */
  public static final RingPattern NORTH_AMERICA =
      new RingPattern(440, 480, Duration.ofSeconds(2), Duration.ofSeconds(4), 0.5);

  public RingPattern {
    if (lowHz <= 0 || highHz <= 0 || highHz >= Pcm.SAMPLE_RATE / 2.0) {
      throw new IllegalArgumentException("tones must lie between 0 and 24 kHz");
    }
    if (on.isNegative() || on.isZero() || off.isNegative()) {
      throw new IllegalArgumentException("on must be positive and off not negative");
    }
    if (amplitude <= 0 || amplitude > 1) {
      throw new IllegalArgumentException("amplitude must be in (0, 1]");
    }
  }
}
