package org.parley.app.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the answer to one of Parley's offers (RFC 3264 §7) into the same {@link AudioOutcome} an answer of Parley's
 * gives. Pure and thread-safe.
 */
public final class AnswerReader {
    private AnswerReader() {
    }

    /**
     * @param offer  the offer Parley sent (as stamped)
     * @param answer the peer's answer
     * @param caps   the capabilities the offer was made from
     */
    public static AudioOutcome read(SessionDescription offer, SessionDescription answer, AudioCapabilities caps) {
        if (answer.media().size() != offer.media().size()) {
            return new AudioRejection.InvalidAnswer("the answer has " + answer.media().size()
                    + " m= lines and the offer had " + offer.media().size() + ".");
        }
        int index = audioIndex(offer);
        if (index < 0) {
            return new AudioRejection.NoAudio();
        }
        MediaDescription ours = offer.media().get(index);
        MediaDescription theirs = answer.media().get(index);
        if (!theirs.media().equals("audio")) {
            return new AudioRejection.InvalidAnswer("m= line " + (index + 1) + " is " + theirs.media() + ".");
        }
        if (theirs.isDisabled()) {
            return new AudioRejection.StreamDisabled();
        }
        if (!theirs.protocol().equals(ours.protocol())) {
            return new AudioRejection.UnsupportedTransport(theirs.protocol());
        }
        Optional<ChosenCrypto> crypto = SrtpChoice.forAnswer(ours.cryptos(), theirs.cryptos());
        if (crypto.isEmpty() && (ours.protocol().equals(AudioSections.SAVP) || caps.srtp() == SrtpPolicy.REQUIRED)) {
            return theirs.cryptos().isEmpty() ? new AudioRejection.SrtpRequired() : new AudioRejection.NoCommonCrypto();
        }
        List<RtpFormat> offered = ours.rtpFormats();
        List<RtpFormat> sendable = new ArrayList<>();
        List<RtpFormat> receivable = new ArrayList<>();
        OptionalInt sendEvent = OptionalInt.empty();
        for (RtpFormat answered : theirs.rtpFormats()) {
            Optional<RtpFormat> mine = offered.stream().filter(o -> o.sameCodec(answered)).findFirst();
            if (mine.isEmpty()) {
                continue;
            }
            if (answered.isTelephoneEvent()) {
                if (sendEvent.isEmpty()) {
                    sendEvent = OptionalInt.of(answered.payloadType());
                }
            } else if (AudioSections.supported(caps, answered).isPresent()) {
                sendable.add(answered);
                receivable.add(mine.get());
            }
        }
        if (sendable.isEmpty()) {
            return new AudioRejection.NoCommonCodec();
        }
        OptionalInt receiveEvent = sendEvent.isPresent() ? offered.stream().filter(RtpFormat::isTelephoneEvent)
                .mapToInt(RtpFormat::payloadType).findFirst() : OptionalInt.empty();
        Optional<Connection> connection = answer.connectionOf(theirs);
        if (connection.isEmpty()) {
            return new AudioRejection.NoAddress();
        }
        Direction answered = answer.direction(theirs);
        if (connection.get().isUnspecified()) {
            answered = Direction.of(answered.sends(), false);
        }
        Direction direction = answered.reverse().and(offer.direction(ours));
        Connection rtcp = AudioSections.rtcpAddress(theirs, connection.get());
        return new NegotiatedAudio(connection.get().address(), theirs.port(), rtcp.address(),
                AudioSections.rtcpPort(theirs), sendable.get(0), receivable, sendEvent, receiveEvent, direction,
                theirs.ptime(), crypto, !answered.receives());
    }

    private static int audioIndex(SessionDescription offer) {
        for (int i = 0; i < offer.media().size(); i++) {
            MediaDescription m = offer.media().get(i);
            if (m.media().equals("audio") && !m.isDisabled()) {
                return i;
            }
        }
        return -1;
    }
}
