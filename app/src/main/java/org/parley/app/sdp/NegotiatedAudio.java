package org.parley.app.sdp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The agreed audio stream, from Parley's side: where to send RTP and RTCP, with which payload types, and in which
 * directions. Send values come from the peer's description (its numbers, its fmtp); receive values from Parley's.
 *
 * @param remoteAddress          where to send RTP ({@code 0.0.0.0} for an RFC 2543 hold: send nothing)
 * @param remotePort             the peer's RTP port
 * @param rtcpAddress            where to send RTCP ({@code a=rtcp} if given, else the RTP address)
 * @param rtcpPort               the peer's RTCP port ({@code a=rtcp} if given, else RTP port + 1)
 * @param send                   the codec to send, numbered and parameterised as the peer described it
 * @param receive                the codecs the peer may send, numbered as Parley's description numbers them
 * @param sendTelephoneEvent     the payload type for sending RFC 4733 events, if both support them
 * @param receiveTelephoneEvent  the payload type of received RFC 4733 events, if both support them
 * @param direction              Parley's direction ({@code sendonly}: Parley sends, does not receive)
 * @param ptime                  the peer's requested packet time in ms, if given
 * @param crypto                 the SDES keys, if the stream is SRTP
 * @param heldByRemote           the peer does not want to receive (it holds the call: sendonly, inactive or 0.0.0.0)
 */
public record NegotiatedAudio(String remoteAddress, int remotePort, String rtcpAddress, int rtcpPort, RtpFormat send,
        List<RtpFormat> receive, OptionalInt sendTelephoneEvent, OptionalInt receiveTelephoneEvent,
        Direction direction, OptionalInt ptime, Optional<ChosenCrypto> crypto, boolean heldByRemote)
        implements AudioOutcome {
    public NegotiatedAudio {
        Objects.requireNonNull(remoteAddress);
        Objects.requireNonNull(rtcpAddress);
        Objects.requireNonNull(send);
        receive = List.copyOf(receive);
        Objects.requireNonNull(sendTelephoneEvent);
        Objects.requireNonNull(receiveTelephoneEvent);
        Objects.requireNonNull(direction);
        Objects.requireNonNull(ptime);
        Objects.requireNonNull(crypto);
    }

    /** Whether media is encrypted. */
    public boolean secure() {
        return crypto.isPresent();
    }
}
