package org.parley.app.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One media section: an {@code m=} line with its {@code c=}, {@code b=} and {@code a=} lines (RFC 8866 §5.14).
 * Immutable; the {@code with…} methods return changed copies. {@code m=message} (MSRP, RFC 4975/5547) sections are
 * kept as they are: their {@code path}, {@code accept-types} and {@code file-selector} are plain attributes.
 *
 * @param media       {@code audio}, {@code video}, {@code message}, …
 * @param port        0–65535; 0 means the stream is rejected or disabled
 * @param portCount   the {@code /<number of ports>} suffix, if written
 * @param protocol    {@code RTP/AVP}, {@code RTP/SAVP}, {@code TCP/MSRP}, {@code TCP/TLS/MSRP}, …
 * @param formats     the format list as written (payload type numbers for RTP, {@code *} for MSRP); at least one
 * @param connection  the media-level connection, if any (the session-level one applies otherwise)
 * @param bandwidths  the {@code b=} lines
 * @param attributes  the {@code a=} lines, in order
 */
public record MediaDescription(String media, int port, OptionalInt portCount, String protocol, List<String> formats,
        Optional<Connection> connection, List<Bandwidth> bandwidths, List<Attribute> attributes) {
    public MediaDescription {
        if (!Tokens.isToken(media) || port < 0 || port > 65535 || !isProtocol(protocol)) {
            throw new IllegalArgumentException("Invalid m= line " + media + " " + port + " " + protocol);
        }
        Objects.requireNonNull(portCount);
        portCount.ifPresent(n -> {
            if (n < 1) {
                throw new IllegalArgumentException("Invalid port count " + n);
            }
        });
        formats = List.copyOf(formats);
        if (formats.isEmpty() || !formats.stream().allMatch(Tokens::isToken)) {
            throw new IllegalArgumentException("Invalid format list " + formats);
        }
        Objects.requireNonNull(connection);
        bandwidths = List.copyOf(bandwidths);
        attributes = List.copyOf(attributes);
    }

    /** A section without port count, connection or bandwidth lines. */
    public static MediaDescription of(String media, int port, String protocol, List<String> formats,
            List<Attribute> attributes) {
        return new MediaDescription(media, port, OptionalInt.empty(), protocol, formats, Optional.empty(), List.of(),
                attributes);
    }

    static boolean isProtocol(String protocol) {
        if (protocol == null || protocol.isEmpty()) {
            return false;
        }
        for (String part : protocol.split("/", -1)) {
            if (!Tokens.isToken(part)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the protocol carries RTP ({@code RTP/AVP}, {@code RTP/SAVP}, …), so formats are payload types. */
    public boolean isRtp() {
        return protocol.startsWith("RTP/");
    }

    /** Whether the stream is rejected or disabled (port 0). */
    public boolean isDisabled() {
        return port == 0;
    }

    /** The value of the first attribute with this name (names compare exactly), if it has one. */
    public Optional<String> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst().flatMap(Attribute::value);
    }

    /** The values of all attributes with this name, in order (value-less ones are skipped). */
    public List<String> attributeValues(String name) {
        List<String> values = new ArrayList<>();
        for (Attribute a : attributes) {
            if (a.name().equals(name)) {
                a.value().ifPresent(values::add);
            }
        }
        return values;
    }

    public boolean hasAttribute(String name) {
        return attributes.stream().anyMatch(a -> a.name().equals(name));
    }

    /** The {@code a=rtpmap} for a payload type, or the RFC 3551 static mapping when there is none. */
    public Optional<RtpMap> rtpMap(int payloadType) {
        for (String value : attributeValues("rtpmap")) {
            Optional<RtpMap> map = RtpMap.parse(value);
            if (map.isPresent() && map.get().payloadType() == payloadType) {
                return map;
            }
        }
        return StaticPayloadTypes.audio(payloadType);
    }

    /** The {@code a=fmtp} parameters of a format (the text after {@code "<fmt> "}). */
    public Optional<String> fmtp(String format) {
        String prefix = format + " ";
        return attributeValues("fmtp").stream().filter(v -> v.startsWith(prefix))
                .map(v -> v.substring(prefix.length())).filter(v -> !v.isEmpty()).findFirst();
    }

    /**
     * The RTP formats of the section in m-line order, each with its rtpmap (or static mapping) and fmtp; formats with
     * neither an rtpmap nor a static audio mapping are left out.
     */
    public List<RtpFormat> rtpFormats() {
        List<RtpFormat> result = new ArrayList<>();
        for (String format : formats) {
            long pt = Tokens.number(format, 0, 127);
            if (pt < 0) {
                continue;
            }
            rtpMap((int) pt).ifPresent(m -> result.add(new RtpFormat(m.payloadType(), m.encoding(), m.clockRate(),
                    m.channels(), fmtp(format))));
        }
        return result;
    }

    /** {@code a=ptime} in milliseconds (fractions rounded up), if present and valid. */
    public OptionalInt ptime() {
        return attribute("ptime").map(Ptime::parse).orElse(OptionalInt.empty());
    }

    /** {@code a=rtcp} (RFC 3605), if present and valid. */
    public Optional<Rtcp> rtcp() {
        return attribute("rtcp").flatMap(Rtcp::parse);
    }

    /** The {@code a=crypto} lines that are well-formed, in order. */
    public List<Crypto> cryptos() {
        return attributeValues("crypto").stream().map(Crypto::parse).flatMap(Optional::stream).toList();
    }

    /** The direction attribute of this section, if it has one (see {@link SessionDescription#direction}). */
    public Optional<Direction> ownDirection() {
        return attributes.stream().map(a -> a.value().isPresent() ? Optional.<Direction>empty()
                : Direction.fromAttribute(a.name())).flatMap(Optional::stream).findFirst();
    }

    public MediaDescription withPort(int newPort) {
        return new MediaDescription(media, newPort, portCount, protocol, formats, connection, bandwidths, attributes);
    }

    public MediaDescription withAttributes(List<Attribute> newAttributes) {
        return new MediaDescription(media, port, portCount, protocol, formats, connection, bandwidths, newAttributes);
    }

    /**
     * This section as a rejection in an answer (RFC 3264 §6): port 0, same media, protocol and formats, no
     * attributes, connection or bandwidth.
     */
    public MediaDescription rejected() {
        return new MediaDescription(media, 0, OptionalInt.empty(), protocol, formats, Optional.empty(), List.of(),
                List.of());
    }
}
