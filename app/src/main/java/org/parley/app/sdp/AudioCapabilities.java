package org.parley.app.sdp;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What Parley can do for an audio stream, as the call layer describes it: codecs in preference order, RFC 4733
 * telephone events, packet time and SRTP. Formats are names and numbers only; the call layer maps them to media codecs.
 *
 * @param codecs         codecs in preference order, each with its static payload type or preferred dynamic one
 *                       ({@code opus/48000/2} on 111, {@code PCMU/8000} on 0, …) and Parley's fmtp for it
 * @param telephoneEvent the preferred payload type for {@code telephone-event/8000} (events 0-16), if supported
 * @param ptime          the packet time to ask for, in ms, if any
 * @param srtp           the SRTP policy
 * @param cryptos        Parley's {@code a=crypto} lines (tag, suite, fresh key), most preferred first; required
 *                       unless {@code srtp} is {@link SrtpPolicy#OFF}
 */
public record AudioCapabilities(List<RtpFormat> codecs, OptionalInt telephoneEvent, OptionalInt ptime,
        SrtpPolicy srtp, List<Crypto> cryptos) {
    /** The DTMF events offered and accepted: the 16 keypad events and flash (RFC 4733 §3.2). */
    public static final String TELEPHONE_EVENTS = "0-16";

    public AudioCapabilities {
        codecs = List.copyOf(codecs);
        Objects.requireNonNull(telephoneEvent);
        Objects.requireNonNull(ptime);
        Objects.requireNonNull(srtp);
        cryptos = List.copyOf(cryptos);
        if (codecs.isEmpty()) {
            throw new IllegalArgumentException("No codecs");
        }
        Set<Integer> pts = new HashSet<>();
        for (RtpFormat codec : codecs) {
            if (codec.isTelephoneEvent() || !pts.add(codec.payloadType())) {
                throw new IllegalArgumentException("Duplicate payload type or telephone-event among codecs: " + codec);
            }
        }
        telephoneEvent.ifPresent(pt -> {
            if (pt < 96 || pt > 127 || pts.contains(pt)) {
                throw new IllegalArgumentException("telephone-event needs a free dynamic payload type: " + pt);
            }
        });
        if (srtp != SrtpPolicy.OFF && cryptos.isEmpty()) {
            throw new IllegalArgumentException("SRTP " + srtp + " needs crypto lines");
        }
    }

    /** Plain RTP, no SRTP. */
    public static AudioCapabilities plain(List<RtpFormat> codecs, OptionalInt telephoneEvent, OptionalInt ptime) {
        return new AudioCapabilities(codecs, telephoneEvent, ptime, SrtpPolicy.OFF, List.of());
    }
}
