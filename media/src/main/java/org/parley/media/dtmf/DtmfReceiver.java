package org.parley.media.dtmf;

import org.parley.media.rtp.RtpPacket;

/**
 * Turns incoming RFC 4733 telephone-event packets into DTMF digits, each exactly once. An event is
 * known by its RTP timestamp: the first packet with a new timestamp reports the digit (the marker
 * bit is not needed, so a lost start packet loses nothing); updates, the three end packets and
 * duplicates of it are ignored, and so are late packets of an older event. A long event continued
 * in a new segment (a new timestamp one duration later) is not reported twice. Non-DTMF events (above 15) are
 * ignored.
 *
 * <p>Not thread-safe: the session's media thread feeds it. Does not allocate.
 */
public final class DtmfReceiver {
  /** Receives each digit once, on the thread that feeds the receiver. */
  @FunctionalInterface
  public interface DigitListener {
    void onDigit(char digit);
  }

  private final DigitListener listener;
  private boolean hasEvent;
  private long eventTimestamp;
  private int event;
  private boolean ended;
  private int duration;

  public DtmfReceiver(DigitListener listener) {
    this.listener = listener;
  }

  /** Reads a telephone-event packet; the caller has checked its payload type. */
  public void receive(RtpPacket packet) {
    receive(packet.timestamp(), packet.marker(), packet.buffer(), packet.payloadOffset(),
        packet.payloadLength());
  }

  public void receive(long timestamp, boolean marker, byte[] buf, int off, int len) {
    if (len < TelephoneEvent.LENGTH) {
      return;
    }
    int code = TelephoneEvent.event(buf, off);
    if (!TelephoneEvent.isDtmf(code)) {
      return;
    }
    boolean end = TelephoneEvent.end(buf, off);
    int packetDuration = TelephoneEvent.duration(buf, off);
    if (hasEvent) {
      int delta = (int) (timestamp - eventTimestamp);
      if (delta == 0) {
        ended |= end;
        duration = Math.max(duration, packetDuration);
        return;
      }
      if (delta < 0) {
        return;
      }
      if (!ended && !marker && code == event && delta == duration) {
        follow(timestamp, code, end, packetDuration);
        return;
      }
    }
    follow(timestamp, code, end, packetDuration);
    listener.onDigit(TelephoneEvent.digitOf(code));
  }

  private void follow(long timestamp, int code, boolean end, int packetDuration) {
    hasEvent = true;
    eventTimestamp = timestamp;
    event = code;
    ended = end;
    duration = packetDuration;
  }
}
