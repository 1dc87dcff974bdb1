package org.parley.media.stream;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.parley.media.codec.Codec;
import org.parley.media.srtp.SrtpSession;

/**
 * What SDP offer/answer decided for one audio stream. Immutable.
 *
 * @param remoteRtp where to send RTP (symmetric RTP may later follow the peer's real source)
 * @param remoteRtcp where to send RTCP; null means the RTP port + 1
 * @param sendCodec the codec we send in
 * @param sendPayloadType the payload type the peer gave {@code sendCodec}, 0..127
 * @param receiveCodecs payload type → codec for every audio format we accept from the peer
 * @param sendTelephoneEventPt the peer's RFC 4733 telephone-event payload type, or -1 when it has
 *     none; its clock rate must be the send codec's (as RFC 4733 asks)
 * @param receiveTelephoneEventPt our telephone-event payload type, or -1 for none
 * @param direction our side's view of the direction
 * @param srtp SDES-keyed SRTP/SRTCP for this stream, or empty for plain RTP
 * @throws IllegalArgumentException for payload types outside 0..127 (-1 allowed for events) or a
 *     receive map with a key outside 0..127
 */
public record StreamConfig(
        InetSocketAddress remoteRtp,
        InetSocketAddress remoteRtcp,
        Codec sendCodec,
        int sendPayloadType,
        Map<Integer, Codec> receiveCodecs,
        int sendTelephoneEventPt,
        int receiveTelephoneEventPt,
        StreamDirection direction,
        Optional<SrtpSession> srtp) {

    public StreamConfig {
        Objects.requireNonNull(remoteRtp, "remoteRtp");
        Objects.requireNonNull(sendCodec, "sendCodec");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(srtp, "srtp");
        receiveCodecs = Map.copyOf(receiveCodecs);
        requirePayloadType(sendPayloadType, false);
        requirePayloadType(sendTelephoneEventPt, true);
        requirePayloadType(receiveTelephoneEventPt, true);
        receiveCodecs.keySet().forEach(pt -> requirePayloadType(pt, false));
    }

    /** The address RTCP goes to: {@link #remoteRtcp} or the RTP port + 1. */
    public InetSocketAddress rtcpTarget() {
        return remoteRtcp != null ? remoteRtcp
                : new InetSocketAddress(remoteRtp.getAddress(), remoteRtp.getPort() + 1);
    }

    /** The same configuration with another direction (hold and resume). */
    public StreamConfig withDirection(StreamDirection newDirection) {
        return new StreamConfig(remoteRtp, remoteRtcp, sendCodec, sendPayloadType, receiveCodecs,
                sendTelephoneEventPt, receiveTelephoneEventPt, newDirection, srtp);
    }

    private static void requirePayloadType(int pt, boolean noneAllowed) {
        if ((pt < 0 || pt > 127) && !(noneAllowed && pt == -1)) {
            throw new IllegalArgumentException("payload type " + pt);
        }
    }
}
