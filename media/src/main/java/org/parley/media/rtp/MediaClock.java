package org.parley.media.rtp;

/**
 * Converts System.nanoTime readings of one session to wall-clock NTP time and to RTP timestamp
 * units of a given clock rate. Anchored once at construction, so it is monotonic and never
 * allocates. Immutable.
 */
final class MediaClock {
  private final long startNanos;
  private final long startEpochMicros;

  MediaClock() {
    this.startNanos = System.nanoTime();
    this.startEpochMicros = System.currentTimeMillis() * 1000;
  }

  long ntp(long nanos) {
    return NtpTime.fromEpochMicros(startEpochMicros + (nanos - startNanos) / 1000);
  }

  /** Arrival time in timestamp units since the session started (for jitter, RFC 3550 A.8). */
  long arrivalUnits(long nanos, int clockRate) {
    return (nanos - startNanos) / 1000 * clockRate / 1_000_000;
  }

  /** Timestamp units elapsed over {@code nanos}. */
  long units(long nanos, int clockRate) {
    return nanos / 1000 * clockRate / 1_000_000;
  }
}
