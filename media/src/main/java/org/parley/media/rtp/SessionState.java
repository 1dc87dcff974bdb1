package org.parley.media.rtp;

import java.net.InetSocketAddress;

/**
 * What the sending thread and the media thread of one session share. Each field has one writer,
 * named below; the other side only reads, so volatile fields are enough and no lock exists.
 */
final class SessionState {
  /** Written by the media thread (collision), read by the sender for every packet. */
  volatile int ssrc;

  /** Monotonic counts written by the sender only. */
  volatile long packetsSent;
  volatile long octetsSent;

  /** The counts when {@link #ssrc} last changed; written by the media thread. */
  volatile long packetsAtSsrcChange;
  volatile long octetsAtSsrcChange;

  /** The RTP timestamp of the last packet sent and when (System.nanoTime); written by the sender. */
  volatile long lastTimestamp;
  volatile long lastSendNanos;

  /**
   * RTP clock rates from signalling ({@link RtpSession#setClockRates}): of the payload we send
   * (sender reports extrapolate its timestamp) and of each payload type we receive, 0 where
   * unknown (interarrival jitter is counted in it). Read by the media thread.
   */
  volatile int sendClockRate;
  volatile int[] receiveClockRates = new int[0];

  /**
   * Where RTP and RTCP go: set from signalling by {@link RtpSession#setRemote} and re-latched by
   * the media thread to the source of validated packets (symmetric RTP).
   */
  volatile InetSocketAddress remoteRtp;
  volatile InetSocketAddress remoteRtcp;

  SessionState(int ssrc, int clockRate) {
    this.ssrc = ssrc;
    this.sendClockRate = clockRate;
  }

  /** The clock rate of received payload type {@code pt}: as signalled, else the send rate. */
  int receiveClockRate(int pt) {
    int[] rates = receiveClockRates;
    int rate = pt < rates.length ? rates[pt] : 0;
    return rate > 0 ? rate : sendClockRate;
  }

  /** Packets sent with the current SSRC (an SR counts from an SSRC change, RFC 3550 6.4.1). */
  long packetsWithCurrentSsrc() {
    return packetsSent - packetsAtSsrcChange;
  }

  long octetsWithCurrentSsrc() {
    return octetsSent - octetsAtSsrcChange;
  }
}
