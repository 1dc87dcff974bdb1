package org.parley.app.presence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a {@link PresenceDocument} into the one {@link Presence} the contact list shows. Pure and thread-safe.
 *
 * <p>The rules (docs/decisions/0005-presence-documents.md):
 * <ol>
 *   <li><b>Reachability from tuples.</b> If any tuple is {@code open}, the entity is reachable; the winning tuple
 *       is the open one with the highest {@code priority} (a tuple without one ranks below 0), then the most
 *       recent {@code timestamp} (none ranks oldest), then the first in the document. If tuples carry a basic
 *       status and all are {@code closed}: {@link PresenceState#OFFLINE}, whatever the activities say.</li>
 *   <li><b>What the person does.</b> The person with the most recent timestamp decides (persons without one
 *       rank oldest); equally recent ones, or all when none has a timestamp, are merged. The strongest of their
 *       RPID activities ({@link ActivityMapping}) gives away, busy, do-not-disturb, on-the-phone or
 *       in-a-meeting. Without person activities, activities inside the winning tuple (older RPID drafts) count;
 *       without any, {@code <rpid:user-input>idle} means away.</li>
 *   <li><b>State.</b> Open: the activity's state, else {@link PresenceState#AVAILABLE}. No basic status anywhere:
 *       the activity's state, else {@link PresenceState#UNKNOWN} (an empty document is unknown).</li>
 *   <li><b>Note.</b> From the deciding persons, else the winning (or, offline, the most recent) tuple, else
 *       the document-level notes, else any tuple's. Within that source, one in the preferred language, else one
 *       without a language, else the first.</li>
 *   <li><b>Since.</b> The winning tuple's timestamp, else the deciding person's, else the newest closed tuple's.</li>
 * </ol>
 */
public final class PresenceAggregation {
    private static final Comparator<Optional<Instant>> BY_TIME =
            Comparator.comparing(t -> t.orElse(Instant.MIN));

    private PresenceAggregation() {
    }

    /**
     * @param entity    the entity to report (the subscribed URI; the document's own {@code entity} is not trusted)
     * @param document  the parsed document
     * @param preferred the user's language, to choose among notes in several languages
     */
    public static Presence aggregate(String entity, PresenceDocument document, Locale preferred) {
        List<PresenceTuple> withBasic = document.tuples().stream()
                .filter(t -> t.basic() != BasicStatus.ABSENT).toList();
        Optional<PresenceTuple> winner = openWinner(document.tuples());
        List<PresencePerson> deciding = decidingPersons(document.persons());

        Optional<PresenceState> activity = ActivityMapping.strongest(
                deciding.stream().flatMap(p -> p.activities().stream()).toList());
        if (activity.isEmpty()) {
            activity = ActivityMapping.strongest(winner.map(PresenceTuple::activities)
                    .orElseGet(() -> document.tuples().stream().flatMap(t -> t.activities().stream()).toList()));
        }
        if (activity.isEmpty() && deciding.stream().anyMatch(PresencePerson::idle)) {
            activity = Optional.of(PresenceState.AWAY);
        }

        PresenceState state;
        if (!withBasic.isEmpty()) {
            state = winner.isEmpty() ? PresenceState.OFFLINE : activity.orElse(PresenceState.AVAILABLE);
        } else {
            state = activity.orElse(PresenceState.UNKNOWN);
        }

        Optional<PresenceTuple> noteTuple = winner.isPresent() ? winner
                : withBasic.stream().max(Comparator.comparing(PresenceTuple::timestamp, BY_TIME));
        Optional<Note> note = chooseNote(deciding, noteTuple, document, preferred);

        Optional<Instant> since = winner.flatMap(PresenceTuple::timestamp)
                .or(() -> deciding.stream().map(PresencePerson::timestamp).flatMap(Optional::stream).findFirst())
                .or(() -> noteTuple.flatMap(PresenceTuple::timestamp));
        if (state == PresenceState.UNKNOWN) {
            since = Optional.empty();
        }
        return new Presence(entity, state, note, since);
    }

    private static Optional<PresenceTuple> openWinner(List<PresenceTuple> tuples) {
        PresenceTuple best = null;
        for (PresenceTuple t : tuples) {
            if (t.basic() == BasicStatus.OPEN && (best == null || ranksAbove(t, best))) {
                best = t;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Strictly above: equal tuples keep the earlier one. */
    private static boolean ranksAbove(PresenceTuple a, PresenceTuple b) {
        double pa = a.priority().orElse(-1);
        double pb = b.priority().orElse(-1);
        if (pa != pb) {
            return pa > pb;
        }
        return BY_TIME.compare(a.timestamp(), b.timestamp()) > 0;
    }

    private static List<PresencePerson> decidingPersons(List<PresencePerson> persons) {
        Optional<Instant> newest = persons.stream().map(PresencePerson::timestamp).flatMap(Optional::stream)
                .max(Comparator.naturalOrder());
        if (newest.isEmpty()) {
            return persons;
        }
        return persons.stream().filter(p -> p.timestamp().equals(newest)).toList();
    }

    private static Optional<Note> chooseNote(List<PresencePerson> deciding, Optional<PresenceTuple> tuple,
            PresenceDocument document, Locale preferred) {
        List<List<Note>> sources = new ArrayList<>();
        sources.add(deciding.stream().flatMap(p -> p.notes().stream()).toList());
        sources.add(tuple.map(PresenceTuple::notes).orElse(List.of()));
        sources.add(document.notes());
        sources.add(document.tuples().stream().flatMap(t -> t.notes().stream()).toList());
        for (List<Note> notes : sources) {
            if (!notes.isEmpty()) {
                return Optional.of(inLanguage(notes, preferred));
            }
        }
        return Optional.empty();
    }

    private static Note inLanguage(List<Note> notes, Locale preferred) {
        String wanted = preferred.getLanguage();
        for (Note n : notes) {
            if (n.language().map(l -> Locale.forLanguageTag(l).getLanguage().equals(wanted)).orElse(false)) {
                return n;
            }
        }
        return notes.stream().filter(n -> n.language().isEmpty()).findFirst().orElse(notes.get(0));
    }
}
