package org.parley.app.sdp;

import java.util.List;
import java.util.Optional;

/**
 * Parley's audio offers (RFC 3264 §5): one {@code m=audio} section with every supported codec in preference order,
 * telephone-event, ptime, RTCP port, crypto lines and an explicit direction. Pure; {@link SdpSession} stamps the
 * origin version.
 */
public final class AudioOffers {
    private AudioOffers() {
    }

    /**
     * The offer for a new call, a re-offer or a hold ({@link Direction#forOffer}).
     *
     * @param origin    the origin to write (its version is replaced by {@link SdpSession#stamp})
     * @param direction the direction to offer
     */
    public static SessionDescription offer(Origin origin, AudioCapabilities caps, LocalMedia local,
            Direction direction) {
        return AudioSections.session(origin, local, List.of(section(caps, local, direction)));
    }

    /** The offered audio section alone, for composing an offer with other sections. */
    public static MediaDescription section(AudioCapabilities caps, LocalMedia local, Direction direction) {
        String protocol = caps.srtp() == SrtpPolicy.REQUIRED ? AudioSections.SAVP : AudioSections.AVP;
        List<Crypto> cryptos = caps.srtp() == SrtpPolicy.OFF ? List.of() : caps.cryptos();
        Optional<RtpFormat> events = caps.telephoneEvent().isPresent()
                ? Optional.of(AudioSections.telephoneEvent(caps.telephoneEvent().getAsInt(), 8000)) : Optional.empty();
        return AudioSections.section(local, protocol, caps.codecs(), events, caps.ptime(), cryptos, direction);
    }
}
