package org.parley.app.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Answers a remote offer (RFC 3264 §6): the answer keeps the offer's m= lines in count and order; the first usable
 * {@code m=audio} section is Parley's stream, every other section goes to an {@link OtherMediaAnswerer} and is rejected
 * with port 0 unless it answers. Pure and thread-safe; {@link SdpSession} stamps the origin version.
 *
 * <p>For the audio stream: codecs are taken in the <em>offer's</em> order among those Parley supports (matched by
 * name, clock rate and channels) and keep the offerer's payload type numbers; telephone-event is kept when both have
 * it; the direction mirrors the offer (sendonly → recvonly, recvonly → sendonly, inactive → inactive), further limited
 * by a local hold; an offer with {@code c=0.0.0.0} counts as the RFC 2543 hold (the offerer does not receive);
 * {@code RTP/SAVP} is answered only with one of the offer's crypto suites, otherwise the stream is rejected.
 */
public final class SdpAnswerer {
    private SdpAnswerer() {
    }

    /**
     * @param offer     the remote offer
     * @param caps      Parley's audio capabilities
     * @param local     where Parley receives audio
     * @param origin    the origin to write (its version is replaced by {@link SdpSession#stamp})
     * @param localHold the user holds the call: Parley will not receive audio
     * @param others    answers the sections that are not Parley's audio stream
     */
    public static Answer answer(SessionDescription offer, AudioCapabilities caps, LocalMedia local, Origin origin,
            boolean localHold, OtherMediaAnswerer others) {
        Objects.requireNonNull(others);
        List<MediaDescription> answered = new ArrayList<>();
        NegotiatedAudio accepted = null;
        AudioRejection firstRejection = null;
        for (MediaDescription section : offer.media()) {
            boolean audioCandidate = accepted == null && section.media().equals("audio");
            if (section.isDisabled()) {
                answered.add(section.rejected());
                if (audioCandidate && firstRejection == null) {
                    firstRejection = new AudioRejection.StreamDisabled();
                }
                continue;
            }
            if (audioCandidate) {
                AudioOutcome outcome = answerAudio(offer, section, caps, local, localHold, answered);
                if (outcome instanceof NegotiatedAudio negotiated) {
                    accepted = negotiated;
                } else if (firstRejection == null) {
                    firstRejection = (AudioRejection) outcome;
                }
                continue;
            }
            answered.add(others.answer(offer, section).orElseGet(section::rejected));
        }
        AudioOutcome audio = accepted != null ? accepted
                : firstRejection != null ? firstRejection : new AudioRejection.NoAudio();
        return new Answer(AudioSections.session(origin, local, answered), audio);
    }

    /** Answers one offered audio section, appending the answering (or rejected) section to {@code answered}. */
    private static AudioOutcome answerAudio(SessionDescription offer, MediaDescription section,
            AudioCapabilities caps, LocalMedia local, boolean localHold, List<MediaDescription> answered) {
        AudioOutcome outcome = negotiate(offer, section, caps, localHold);
        if (!(outcome instanceof NegotiatedAudio n)) {
            answered.add(section.rejected());
            return outcome;
        }
        List<RtpFormat> formats = n.receive();
        List<Crypto> crypto = n.crypto().map(c -> List.of(c.local())).orElse(List.of());
        Optional<RtpFormat> events = section.rtpFormats().stream().filter(RtpFormat::isTelephoneEvent)
                .filter(e -> n.receiveTelephoneEvent().equals(OptionalInt.of(e.payloadType()))).findFirst()
                .map(e -> AudioSections.telephoneEvent(e.payloadType(), e.clockRate()));
        answered.add(AudioSections.section(local, section.protocol(), formats, events, caps.ptime(), crypto,
                n.direction()));
        return outcome;
    }

    private static AudioOutcome negotiate(SessionDescription offer, MediaDescription section, AudioCapabilities caps,
            boolean localHold) {
        String protocol = section.protocol();
        if (!protocol.equals(AudioSections.AVP) && !protocol.equals(AudioSections.SAVP)) {
            return new AudioRejection.UnsupportedTransport(protocol);
        }
        Optional<ChosenCrypto> crypto = Optional.empty();
        if (caps.srtp() != SrtpPolicy.OFF) {
            crypto = SrtpChoice.forOffer(section.cryptos(), caps.cryptos());
        }
        if (crypto.isEmpty()) {
            if (protocol.equals(AudioSections.SAVP)) {
                return new AudioRejection.NoCommonCrypto();
            }
            if (caps.srtp() == SrtpPolicy.REQUIRED) {
                return section.cryptos().isEmpty() ? new AudioRejection.SrtpRequired()
                        : new AudioRejection.NoCommonCrypto();
            }
        }
        List<RtpFormat> sendable = new ArrayList<>();
        List<RtpFormat> receivable = new ArrayList<>();
        List<RtpFormat> events = new ArrayList<>();
        for (RtpFormat offered : section.rtpFormats()) {
            if (offered.isTelephoneEvent()) {
                events.add(offered);
                continue;
            }
            Optional<RtpFormat> ours = AudioSections.supported(caps, offered);
            if (ours.isPresent() && receivable.stream().noneMatch(r -> r.payloadType() == offered.payloadType())) {
                sendable.add(offered);
                receivable.add(new RtpFormat(offered.payloadType(), offered.encoding(), offered.clockRate(),
                        offered.channels(), ours.get().fmtp()));
            }
        }
        if (sendable.isEmpty()) {
            return new AudioRejection.NoCommonCodec();
        }
        OptionalInt telephoneEvent = caps.telephoneEvent().isPresent()
                ? telephoneEvent(events, sendable.get(0).clockRate()) : OptionalInt.empty();
        Optional<Connection> address = offer.connectionOf(section);
        if (address.isEmpty()) {
            return new AudioRejection.NoAddress();
        }
        Connection connection = address.get();
        Direction offered = offer.direction(section);
        if (connection.isUnspecified()) {
            offered = Direction.of(offered.sends(), false);
        }
        Direction ours = offered.reverse().and(localHold ? Direction.SENDONLY : Direction.SENDRECV);
        Connection rtcp = AudioSections.rtcpAddress(section, connection);
        return new NegotiatedAudio(connection.address(), section.port(), rtcp.address(),
                AudioSections.rtcpPort(section), sendable.get(0), receivable, telephoneEvent, telephoneEvent, ours,
                section.ptime(), crypto, !offered.receives());
    }

    /** The offered telephone-event at the codec's clock rate, else the first one offered. */
    private static OptionalInt telephoneEvent(List<RtpFormat> offered, int clockRate) {
        return offered.stream().filter(e -> e.clockRate() == clockRate).findFirst()
                .or(() -> offered.stream().findFirst())
                .map(e -> OptionalInt.of(e.payloadType())).orElse(OptionalInt.empty());
    }
}
