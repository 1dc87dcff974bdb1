package org.parley.app.presence;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One {@code <tuple>} of a PIDF document (RFC 3863 §4.1): a service/device of the presentity with its basic
 * status, contact address and priority, notes and timestamp. Every optional element may be missing.
 *
 * @param id         the {@code id} attribute ("" if missing)
 * @param basic      the basic status
 * @param contact    the {@code <contact>} URI, if given
 * @param priority   the contact's {@code priority} (0–1), if given and valid
 * @param notes      the tuple's {@code <note>}s, in document order, empty ones left out
 * @param timestamp  the {@code <timestamp>}, if given and valid RFC 3339
 * @param activities RPID activity names found inside the tuple (legacy RPID drafts put them in {@code <status>}),
 *                   as written ("on-the-phone"; for {@code <other>} its text)
 */
public record PresenceTuple(String id, BasicStatus basic, Optional<String> contact, OptionalDouble priority,
        List<Note> notes, Optional<Instant> timestamp, List<String> activities) {
    public PresenceTuple {
        Objects.requireNonNull(id);
        Objects.requireNonNull(basic);
        Objects.requireNonNull(contact);
        Objects.requireNonNull(priority);
        notes = List.copyOf(notes);
        Objects.requireNonNull(timestamp);
        activities = List.copyOf(activities);
    }
}
