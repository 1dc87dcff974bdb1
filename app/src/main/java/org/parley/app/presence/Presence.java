package org.parley.app.presence;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The presence of one entity as the contact list shows it: a state, an optional note and since when it holds (the
 * deciding element's timestamp, when the document gave one). A value; immutable and thread-safe.
 *
 * @param entity the presentity URI as the document named it ("sip:bob@example.com"), or as the caller knew it
 * @param state  the aggregated state
 * @param note   the note to show, if any
 * @param since  the timestamp of the element that decided the state, if the document had one
 */
public record Presence(String entity, PresenceState state, Optional<Note> note, Optional<Instant> since) {
    public Presence {
        Objects.requireNonNull(entity);
        Objects.requireNonNull(state);
        Objects.requireNonNull(note);
        note = note.filter(n -> !n.isEmpty());
        Objects.requireNonNull(since);
    }

    /** Nothing known about {@code entity} (no NOTIFY yet, an empty body, a document without status). */
    public static Presence unknown(String entity) {
        return new Presence(entity, PresenceState.UNKNOWN, Optional.empty(), Optional.empty());
    }
}
