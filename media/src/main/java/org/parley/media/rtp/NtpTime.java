package org.parley.media.rtp;

/**
 * NTP timestamps as RTCP uses them (RFC 3550 section 4): 64-bit fixed point seconds since
 * 1900-01-01, and the "middle 32 bits" (16.16 seconds) carried in LSR and DLSR.
 */
public final class NtpTime {
  /** Seconds from 1900-01-01 to 1970-01-01. */
  static final long EPOCH_OFFSET_SECONDS = 2_208_988_800L;

  private NtpTime() {}

  /** The 64-bit NTP timestamp of a wall-clock time given in Unix epoch microseconds. */
  public static long fromEpochMicros(long micros) {
    long seconds = Math.floorDiv(micros, 1_000_000L) + EPOCH_OFFSET_SECONDS;
    long fraction = (Math.floorMod(micros, 1_000_000L) << 32) / 1_000_000L;
    return seconds << 32 | fraction;
  }

  /** The middle 32 bits of a 64-bit NTP timestamp, as an unsigned value. */
  public static long middle32(long ntp) {
    return (ntp >>> 16) & 0xFFFF_FFFFL;
  }

  /** A duration in nanoseconds as 1/65536 s units (DLSR), capped to 32 bits. */
  public static long toShortUnits(long nanos) {
    long micros = Math.min(Math.max(0, nanos / 1000), 65_536_000_000L);
    return Math.min(0xFFFF_FFFFL, micros * 65_536L / 1_000_000L);
  }

  /**
   * The round-trip time of RFC 3550 section 6.4.1: arrival minus LSR minus DLSR, all in 1/65536 s.
   *
   * @param arrivalMiddle32 the middle 32 bits of the NTP time the report block arrived
   * @return the round-trip time in milliseconds, or -1 when the block carries no LSR or the result
   *     is negative (clocks or a stale block)
   */
  public static double roundTripMillis(long arrivalMiddle32, long lsr, long dlsr) {
    if (lsr == 0) {
      return -1;
    }
    long rtt = (arrivalMiddle32 - lsr - dlsr) & 0xFFFF_FFFFL;
    if (rtt > 0x7FFF_FFFFL) {
      return -1;
    }
    return rtt * 1000.0 / 65536.0;
  }
}
