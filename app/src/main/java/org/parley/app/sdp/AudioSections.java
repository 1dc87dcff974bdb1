package org.parley.app.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Builds Parley's {@code m=audio} sections for offers and answers. Pure. */
final class AudioSections {
    static final String AVP = "RTP/AVP";
    static final String SAVP = "RTP/SAVP";

    private AudioSections() {
    }

    /**
     * A section listing {@code formats} (then {@code telephoneEvent}), every format with its
     * rtpmap and fmtp, then ptime, rtcp, crypto lines and the explicit direction.
     */
    static MediaDescription section(LocalMedia local, String protocol, List<RtpFormat> formats,
            Optional<RtpFormat> telephoneEvent, OptionalInt ptime, List<Crypto> cryptos, Direction direction) {
        List<String> pts = new ArrayList<>();
        List<Attribute> attributes = new ArrayList<>();
        List<RtpFormat> all = new ArrayList<>(formats);
        telephoneEvent.ifPresent(all::add);
        for (RtpFormat f : all) {
            pts.add(String.valueOf(f.payloadType()));
            attributes.add(Attribute.of("rtpmap", f.rtpMap().value()));
            f.fmtp().ifPresent(p -> attributes.add(Attribute.of("fmtp", f.payloadType() + " " + p)));
        }
        ptime.ifPresent(ms -> attributes.add(Attribute.of("ptime", String.valueOf(ms))));
        local.rtcpPort().ifPresent(port -> {
            if (port != local.rtpPort() + 1) {
                attributes.add(Attribute.of("rtcp", String.valueOf(port)));
            }
        });
        for (Crypto c : cryptos) {
            attributes.add(Attribute.of("crypto", c.value()));
        }
        attributes.add(Attribute.flag(direction.attributeName()));
        return MediaDescription.of("audio", local.rtpPort(), protocol, pts, attributes);
    }

    /** Parley's telephone-event format (events 0-16) on a payload type and clock rate. */
    static RtpFormat telephoneEvent(int payloadType, int clockRate) {
        return RtpFormat.of(payloadType, "telephone-event", clockRate, 1).withFmtp(AudioCapabilities.TELEPHONE_EVENTS);
    }

    /** Parley's codec that is the same as {@code format}, if any. */
    static Optional<RtpFormat> supported(AudioCapabilities caps, RtpFormat format) {
        return caps.codecs().stream().filter(c -> c.sameCodec(format)).findFirst();
    }

    /** A session with one session-level {@code c=} for {@code local} and the given sections. */
    static SessionDescription session(Origin origin, LocalMedia local, List<MediaDescription> media) {
        return new SessionDescription(origin, "-", Optional.of(Connection.in(local.address())), List.of(),
                Timing.UNBOUNDED, List.of(), media);
    }

    /** The peer's RTCP destination: {@code a=rtcp} if given, else RTP address and port + 1 (RFC 3605 §2.1). */
    static Connection rtcpAddress(MediaDescription section, Connection connection) {
        return section.rtcp().flatMap(Rtcp::connection).orElse(connection);
    }

    static int rtcpPort(MediaDescription section) {
        return section.rtcp().map(Rtcp::port).orElse(Math.min(section.port() + 1, 65535));
    }
}
