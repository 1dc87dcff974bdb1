package org.parley.app.sdp;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An RTP payload format as a description names it: payload type, encoding, clock rate, channels and format
 * parameters. Parley's codecs are given in the same shape (with their preferred payload type); mapping names to media
 * codecs is the call layer's job.
 *
 * @param payloadType 0–127; below 96 a static type of RFC 3551, from 96 a dynamic one
 * @param encoding    the encoding name ({@code PCMU}, {@code opus}); compared without regard to case
 * @param clockRate   the RTP clock rate in Hz
 * @param channels    the channel count ({@code opus} is always written as 2, RFC 7587 §7)
 * @param fmtp        the {@code a=fmtp} parameters, if any ({@code minptime=10;useinbandfec=1})
 */
public record RtpFormat(int payloadType, String encoding, int clockRate, int channels, Optional<String> fmtp) {
    public RtpFormat {
        new RtpMap(payloadType, encoding, clockRate, channels);
        Objects.requireNonNull(fmtp);
        fmtp.ifPresent(f -> {
            if (f.isEmpty() || !Tokens.isText(f)) {
                throw new IllegalArgumentException("Invalid fmtp");
            }
        });
    }

    public static RtpFormat of(int payloadType, String encoding, int clockRate, int channels) {
        return new RtpFormat(payloadType, encoding, clockRate, channels, Optional.empty());
    }

    public RtpFormat withFmtp(String parameters) {
        return new RtpFormat(payloadType, encoding, clockRate, channels, Optional.of(parameters));
    }

    public RtpFormat withPayloadType(int pt) {
        return new RtpFormat(pt, encoding, clockRate, channels, fmtp);
    }

    /** Same codec: encoding name (any case), clock rate and channels equal; payload type and fmtp are not compared. */
    public boolean sameCodec(RtpFormat other) {
        return encoding.equalsIgnoreCase(other.encoding) && clockRate == other.clockRate && channels == other.channels;
    }

    /** Whether this is the RFC 4733 {@code telephone-event} format. */
    public boolean isTelephoneEvent() {
        return encoding.toLowerCase(Locale.ROOT).equals("telephone-event");
    }

    public RtpMap rtpMap() {
        return new RtpMap(payloadType, encoding, clockRate, channels);
    }
}
