package org.parley.app.presence;

import java.util.List;
import java.util.Objects;

/**
 * A parsed PIDF document: the parts Parley understands, everything else dropped. A value; {@link
 * PresenceAggregation} turns it into the {@link Presence} the contact list shows.
 *
 * @param entity  the {@code entity} attribute of {@code <presence>} ("" if missing)
 * @param tuples  the tuples, in document order
 * @param persons the persons, in document order
 * @param notes   the {@code <note>}s directly under {@code <presence>}
 */
public record PresenceDocument(String entity, List<PresenceTuple> tuples, List<PresencePerson> persons,
        List<Note> notes) {
    public PresenceDocument {
        Objects.requireNonNull(entity);
        tuples = List.copyOf(tuples);
        persons = List.copyOf(persons);
        notes = List.copyOf(notes);
    }

    /** The document of an empty NOTIFY body: nothing is known. */
    public static PresenceDocument empty(String entity) {
        return new PresenceDocument(entity, List.of(), List.of(), List.of());
    }
}
