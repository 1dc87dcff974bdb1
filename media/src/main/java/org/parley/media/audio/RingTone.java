package org.parley.media.audio;

/**
 * Generates a {@link RingPattern} frame by frame, with 5 ms fades at each edge so that the tone
 * starts and stops without a click. Phase is kept across frames.
 *
 * <p>Threading: not thread-safe; one generator per ringing thread. No allocation per frame.
 */
final class RingTone {
  private static final int FADE_SAMPLES = Pcm.SAMPLE_RATE / 200;

  private final RingPattern pattern;
  private final long onSamples;
  private final long cycleSamples;
  private final double lowStep;
  private final double highStep;
  private long position;

  RingTone(RingPattern pattern) {
    this.pattern = pattern;
    this.onSamples = pattern.on().toMillis() * Pcm.SAMPLE_RATE / 1000;
    this.cycleSamples = onSamples + pattern.off().toMillis() * Pcm.SAMPLE_RATE / 1000;
    this.lowStep = 2 * Math.PI * pattern.lowHz() / Pcm.SAMPLE_RATE;
    this.highStep = 2 * Math.PI * pattern.highHz() / Pcm.SAMPLE_RATE;
  }

  /** Fills {@code frame} with the next 20 ms of the pattern. */
  void next(short[] frame) {
    double scale = pattern.amplitude() * 32767 / 2;
    for (int i = 0; i < frame.length; i++, position++) {
      long inCycle = position % cycleSamples;
      if (inCycle >= onSamples) {
        frame[i] = 0;
        continue;
      }
      long toEdge = Math.min(inCycle, onSamples - 1 - inCycle);
      double envelope = toEdge >= FADE_SAMPLES ? 1.0 : (double) toEdge / FADE_SAMPLES;
      double t = position % ((long) Pcm.SAMPLE_RATE * 1000);
      double v = Math.sin(lowStep * t) + Math.sin(highStep * t);
      frame[i] = (short) Math.round(scale * envelope * v);
    }
  }
}
