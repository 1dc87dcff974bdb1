package org.parley.app.sdp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A session description (RFC 8866): the session-level lines Parley uses and the media sections, in order. Immutable.
 * Lines that Parley never reads ({@code i=}, {@code u=}, {@code e=}, {@code p=}, {@code r=}, {@code z=}, {@code k=},
 * further {@code t=}) are checked for order by the parser and then dropped. Read one with {@link SdpParser}, write
 * one with {@link SdpWriter}.
 *
 * @param origin      the {@code o=} line
 * @param sessionName the {@code s=} text ({@code -} in Parley's own descriptions; may be empty in old examples)
 * @param connection  the session-level {@code c=}, if any
 * @param bandwidths  the session-level {@code b=} lines
 * @param timing      the first {@code t=} line
 * @param attributes  the session-level {@code a=} lines, in order
 * @param media       the media sections, in order
 */
public record SessionDescription(Origin origin, String sessionName, Optional<Connection> connection,
        List<Bandwidth> bandwidths, Timing timing, List<Attribute> attributes, List<MediaDescription> media) {
    /** The only SDP version ({@code v=0}). */
    public static final int VERSION = 0;

    public SessionDescription {
        Objects.requireNonNull(origin);
        if (!Tokens.isText(sessionName)) {
            throw new IllegalArgumentException("Session name contains NUL, CR or LF");
        }
        Objects.requireNonNull(connection);
        bandwidths = List.copyOf(bandwidths);
        Objects.requireNonNull(timing);
        attributes = List.copyOf(attributes);
        media = List.copyOf(media);
    }

    /** The connection that applies to a section: its own, else the session-level one. */
    public Optional<Connection> connectionOf(MediaDescription section) {
        return section.connection().or(() -> connection);
    }

    /**
     * The direction of a section: its own direction attribute, else the session-level one, else {@code sendrecv}
     * (RFC 3264 §5.1).
     */
    public Direction direction(MediaDescription section) {
        return section.ownDirection().or(this::sessionDirection).orElse(Direction.SENDRECV);
    }

    private Optional<Direction> sessionDirection() {
        return attributes.stream().map(a -> a.value().isPresent() ? Optional.<Direction>empty()
                : Direction.fromAttribute(a.name())).flatMap(Optional::stream).findFirst();
    }

    public SessionDescription withOrigin(Origin newOrigin) {
        return new SessionDescription(newOrigin, sessionName, connection, bandwidths, timing, attributes, media);
    }

    public SessionDescription withMedia(List<MediaDescription> newMedia) {
        return new SessionDescription(origin, sessionName, connection, bandwidths, timing, attributes, newMedia);
    }
}
