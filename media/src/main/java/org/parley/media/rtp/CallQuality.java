package org.parley.media.rtp;

import java.util.OptionalDouble;

/**
 * A snapshot of a session's quality for a UI indicator, refreshed by the media thread about every
 * 250 ms.
 *
 * @param packetsSent RTP packets we sent
 * @param packetsReceived RTP packets received from the remote source (duplicates included)
 * @param lossPercent packets lost of those expected from the remote source, whole call
 * @param recentLossPercent lost in the last RTCP interval, as we last reported it
 * @param jitterMillis interarrival jitter of the remote source
 * @param roundTripMillis from the remote's last report on our stream, if it echoed one of our SRs
 * @param remoteLossPercent what the remote last reported losing of our stream, if it reported
 */
public record CallQuality(
    long packetsSent,
    long packetsReceived,
    double lossPercent,
    double recentLossPercent,
    double jitterMillis,
    OptionalDouble roundTripMillis,
    OptionalDouble remoteLossPercent) {

  public static final CallQuality NONE =
      new CallQuality(0, 0, 0, 0, 0, OptionalDouble.empty(), OptionalDouble.empty());
}
