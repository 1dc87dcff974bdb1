package org.parley.media.dtmf;

/**
 * The RFC 4733 telephone-event payload: event (8 bits), E (end) bit, R bit, volume (6 bits, in
 * -dBm0), duration (16 bits, timestamp units since the event's timestamp). DTMF events are 0-9,
 * * (10), # (11) and A-D (12-15). Stateless; reads and writes a caller's buffer.
 */
public final class TelephoneEvent {
  /** Bytes of one event block. */
  public static final int LENGTH = 4;
  /** The largest duration one packet (or segment) carries. */
  public static final int MAX_DURATION = 0xFFFF;
  /** The largest volume value (-63 dBm0). */
  public static final int MAX_VOLUME = 63;

  private static final String DIGITS = "0123456789*#ABCD";

  private TelephoneEvent() {}

  /** The event code of a DTMF digit (case-insensitive A-D), or -1 for anything else. */
  public static int eventOf(char digit) {
    return DIGITS.indexOf(Character.toUpperCase(digit));
  }

  /** The DTMF digit of an event code 0..15. @throws IllegalArgumentException for other codes */
  public static char digitOf(int event) {
    if (event < 0 || event >= DIGITS.length()) {
      throw new IllegalArgumentException("not a DTMF event: " + event);
    }
    return DIGITS.charAt(event);
  }

  public static boolean isDtmf(int event) {
    return event >= 0 && event < DIGITS.length();
  }

  /** Writes one event block at {@code off}. @return {@link #LENGTH} */
  public static int write(byte[] buf, int off, int event, boolean end, int volume, int duration) {
    if (event < 0 || event > 255 || volume < 0 || volume > MAX_VOLUME
        || duration < 0 || duration > MAX_DURATION) {
      throw new IllegalArgumentException(
          "event " + event + ", volume " + volume + ", duration " + duration);
    }
    buf[off] = (byte) event;
    buf[off + 1] = (byte) ((end ? 0x80 : 0) | volume);
    buf[off + 2] = (byte) (duration >>> 8);
    buf[off + 3] = (byte) duration;
    return LENGTH;
  }

  public static int event(byte[] buf, int off) {
    return buf[off] & 0xFF;
  }

  public static boolean end(byte[] buf, int off) {
    return (buf[off + 1] & 0x80) != 0;
  }

  public static int volume(byte[] buf, int off) {
    return buf[off + 1] & 0x3F;
  }

  public static int duration(byte[] buf, int off) {
    return (buf[off + 2] & 0xFF) << 8 | (buf[off + 3] & 0xFF);
  }
}
