package org.parley.media.dtmf;

import java.io.IOException;

/**
 * Produces the RFC 4733 packet sequence of one DTMF digit: all packets carry the event's start
 * timestamp; the first has the marker bit; each next one, sent one update interval later, carries
 * the duration so far; the final duration goes out three times with the E bit (section 2.5.1.4).
 *
 * <p>The caller paces it: {@link #sendNext} once per update interval, through a sink that sends
 * with the RTP session's SSRC and sequence numbers (usually in place of that interval's audio).
 * Not thread-safe: one media thread owns it. Does not allocate per packet.
 */
public final class DtmfSender {
  /** Sends one telephone-event payload; the timestamp is the event's start. */
  @FunctionalInterface
  public interface PacketSink {
    void send(boolean marker, long timestamp, byte[] payload, int offset, int length)
        throws IOException;
  }

  /** End packets sent per event. */
  public static final int END_PACKETS = 3;

  private final int clockRate;
  private final int updateMillis;
  private final int volume;
  private final byte[] payload = new byte[TelephoneEvent.LENGTH];
  private int event = -1;
  private long timestamp;
  private int totalUnits;
  private int sent;
  private int endsSent;

  /**
   * @param clockRate the telephone-event clock rate (8000 unless SDP says otherwise)
   * @param updateMillis the interval between packets, normally 50
   * @param volume the power level in -dBm0, 0..63 (10 is usual)
   */
  public DtmfSender(int clockRate, int updateMillis, int volume) {
    if (clockRate <= 0 || updateMillis <= 0 || volume < 0 || volume > TelephoneEvent.MAX_VOLUME) {
      throw new IllegalArgumentException("clock rate, update interval or volume out of range");
    }
    this.clockRate = clockRate;
    this.updateMillis = updateMillis;
    this.volume = volume;
  }

  /**
   * Starts a digit. Its packets follow with {@link #sendNext}.
   *
   * @param timestamp the RTP timestamp where the tone starts (the media time of now)
   * @throws IllegalStateException while the previous digit is still being sent
   * @throws IllegalArgumentException for a character that is not a DTMF digit or a duration that
   *     is not positive or exceeds one packet's 16-bit duration field
   */
  public void start(char digit, int durationMillis, long timestamp) {
    if (active()) {
      throw new IllegalStateException("digit still being sent");
    }
    int code = TelephoneEvent.eventOf(digit);
    long units = (long) durationMillis * clockRate / 1000;
    if (code < 0 || durationMillis <= 0 || units > TelephoneEvent.MAX_DURATION) {
      throw new IllegalArgumentException("digit '" + digit + "' for " + durationMillis + " ms");
    }
    this.event = code;
    this.timestamp = timestamp & 0xFFFF_FFFFL;
    this.totalUnits = (int) units;
    this.sent = 0;
    this.endsSent = 0;
  }

  /** Whether a digit has packets left to send. */
  public boolean active() {
    return event >= 0;
  }

  /**
   * Sends the next packet of the current digit, if any.
   *
   * @return whether more packets remain
   */
  public boolean sendNext(PacketSink sink) throws IOException {
    if (!active()) {
      return false;
    }
    long step = (long) updateMillis * clockRate / 1000;
    int duration = (int) Math.min(totalUnits, (sent + 1) * step);
    boolean end = duration == totalUnits;
    TelephoneEvent.write(payload, 0, event, end, volume, duration);
    sink.send(sent == 0, timestamp, payload, 0, payload.length);
    sent++;
    if (end && ++endsSent == END_PACKETS) {
      event = -1;
    }
    return active();
  }
}
