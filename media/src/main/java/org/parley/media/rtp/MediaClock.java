package org.parley.media.rtp;

/**
 * Converts System.nanoTime readings of one session to wall-clock NTP time and to RTP timestamp
 * units. Anchored once at construction, so it is monotonic and never allocates. Immutable.
 */
final class MediaClock {
  private final long startNanos;
  private final long startEpochMicros;
  private final int clockRate;

  MediaClock(int clockRate) {
    this.startNanos = System.nanoTime();
    this.startEpochMicros = System.currentTimeMillis() * 1000;
    this.clockRate = clockRate;
  }

  long ntp(long nanos) {
    return NtpTime.fromEpochMicros(startEpochMicros + (nanos - startNanos) / 1000);
  }

  /** Arrival time in timestamp units since the session started (for jitter, RFC 3550 A.8). */
  long arrivalUnits(long nanos) {
    return (nanos - startNanos) / 1000 * clockRate / 1_000_000;
  }

  /** Timestamp units elapsed over {@code nanos}. */
  long units(long nanos) {
    return nanos / 1000 * clockRate / 1_000_000;
  }
}
