package org.parley.app.sdp;

import java.util.Objects;

/**
 * An answer to a remote offer: the description to send back (same m= lines, same order; rejected ones with port 0)
 * and the audio outcome. When {@link #audio()} is a rejection and no other section was accepted, the call layer
 * answers the INVITE with 488 instead of sending {@link #description()}.
 */
public record Answer(SessionDescription description, AudioOutcome audio) {
    public Answer {
        Objects.requireNonNull(description);
        Objects.requireNonNull(audio);
    }
}
