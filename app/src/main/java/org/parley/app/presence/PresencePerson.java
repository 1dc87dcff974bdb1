package org.parley.app.presence;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code <dm:person>} (RFC 4479 data model, with RFC 4480 RPID content): what the human is doing.
 *
 * @param id         the {@code id} attribute ("" if missing)
 * @param activities the RPID activity names in {@code <rpid:activities>}, as written ("meeting", "on-the-phone";
 *                   for {@code <rpid:other>} its text); unknown names are kept, the mapping ignores them
 * @param idle       whether {@code <rpid:user-input>} says {@code idle}
 * @param notes      the person's {@code <dm:note>}s, empty ones left out
 * @param timestamp  the {@code <dm:timestamp>}, if given and valid
 */
public record PresencePerson(String id, List<String> activities, boolean idle, List<Note> notes,
        Optional<Instant> timestamp) {
    public PresencePerson {
        Objects.requireNonNull(id);
        activities = List.copyOf(activities);
        notes = List.copyOf(notes);
        Objects.requireNonNull(timestamp);
    }
}
