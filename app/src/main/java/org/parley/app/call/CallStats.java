package org.parley.app.call;

/**
 * How a call's audio fares now, for a quality indicator: packets both ways, loss and jitter as measured here,
 * the round-trip time from RTCP (negative when not known yet), the codec in use, the jitter buffer's delay, and
 * whether the audio is encrypted (SRTP).
 */
public record CallStats(long packetsSent, long packetsReceived, double lossPercent, double jitterMillis,
                        double roundTripMillis, String codec, double playoutDelayMillis, boolean encrypted) {
}
