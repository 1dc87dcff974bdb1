package org.parley.app.sdp;

import java.util.Optional;

/**
 * Answers the offered sections that are not Parley's audio stream (an MSRP {@code m=message} for a file transfer, a
 * second audio stream, video). Called on the caller's thread during {@link SdpAnswerer#answer}; must be pure.
 */
@FunctionalInterface
public interface OtherMediaAnswerer {
    /** Rejects every other section (port 0). */
    OtherMediaAnswerer REJECT_ALL = (offer, section) -> Optional.empty();

    /**
     * @param offer   the whole offer (for session-level attributes and connection)
     * @param section the offered section
     * @return the answering section, or empty to reject it with port 0
     */
    Optional<MediaDescription> answer(SessionDescription offer, MediaDescription section);
}
