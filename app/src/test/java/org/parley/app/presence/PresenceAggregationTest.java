package org.parley.app.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The aggregation rules on hand-built documents (the corpus test covers them on real ones). */
class PresenceAggregationTest {
    private static final String E = "sip:x@example.com";

    private static PresenceTuple tuple(String id, BasicStatus basic, Double priority, String time, String... notes) {
        return new PresenceTuple(id, basic, Optional.empty(),
                priority == null ? OptionalDouble.empty() : OptionalDouble.of(priority),
                java.util.Arrays.stream(notes).map(Note::of).toList(),
                Optional.ofNullable(time).map(Instant::parse), List.of());
    }

    private static PresencePerson person(String time, List<String> activities, String... notes) {
        return new PresencePerson("p", activities, false, java.util.Arrays.stream(notes).map(Note::of).toList(),
                Optional.ofNullable(time).map(Instant::parse));
    }

    private static Presence aggregate(List<PresenceTuple> tuples, List<PresencePerson> persons) {
        return PresenceAggregation.aggregate(E, new PresenceDocument("sip:other@example.com", tuples, persons,
                List.of()), Locale.ENGLISH);
    }

    @Test
    void theEntityIsTheSubscribedOneNotTheDocumentsClaim() {
        assertThat(aggregate(List.of(tuple("a", BasicStatus.OPEN, null, null)), List.of()).entity()).isEqualTo(E);
    }

    @Test
    void equalRankKeepsTheFirstTuple() {
        Presence p = aggregate(List.of(tuple("a", BasicStatus.OPEN, 0.5, null, "first"),
                tuple("b", BasicStatus.OPEN, 0.5, null, "second")), List.of());
        assertThat(p.note()).contains(Note.of("first"));
    }

    @Test
    void aTupleWithoutPriorityRanksBelowPriorityZero() {
        Presence p = aggregate(List.of(tuple("a", BasicStatus.OPEN, null, "2026-01-02T00:00:00Z", "none"),
                tuple("b", BasicStatus.OPEN, 0.0, "2026-01-01T00:00:00Z", "zero")), List.of());
        assertThat(p.note()).contains(Note.of("zero"));
    }

    @Test
    void closedEverywhereIsOfflineWhateverThePersonDoes() {
        Presence p = aggregate(List.of(tuple("a", BasicStatus.CLOSED, 1.0, null)),
                List.of(person(null, List.of("on-the-phone"))));
        assertThat(p.state()).isEqualTo(PresenceState.OFFLINE);
    }

    @Test
    void withoutBasicStatusTheActivityStillCounts() {
        Presence p = aggregate(List.of(tuple("a", BasicStatus.ABSENT, null, null)),
                List.of(person(null, List.of("away"))));
        assertThat(p.state()).isEqualTo(PresenceState.AWAY);
    }

    @Test
    void onlyPersonsWithoutActivitiesIsUnknown() {
        Presence p = aggregate(List.of(), List.of(person("2026-01-01T00:00:00Z", List.of(), "hi")));
        assertThat(p.state()).isEqualTo(PresenceState.UNKNOWN);
        assertThat(p.since()).isEmpty();
        assertThat(p.note()).contains(Note.of("hi"));
    }

    @Test
    void theNewestPersonDecidesAndUntimedPersonsAreOlder() {
        Presence p = aggregate(List.of(tuple("a", BasicStatus.OPEN, null, null)), List.of(
                person(null, List.of("do-not-disturb"), "untimed"),
                person("2026-01-01T00:00:00Z", List.of("busy"), "old"),
                person("2026-01-02T00:00:00Z", List.of("meeting"), "new")));
        assertThat(p.state()).isEqualTo(PresenceState.IN_A_MEETING);
        assertThat(p.note()).contains(Note.of("new"));
        assertThat(p.since()).contains(Instant.parse("2026-01-02T00:00:00Z"));
    }

    @Test
    void untimedPersonsAreMergedAndTheStrongestActivityWins() {
        Presence p = aggregate(List.of(tuple("a", BasicStatus.OPEN, null, null)), List.of(
                person(null, List.of("away")), person(null, List.of("on-the-phone"))));
        assertThat(p.state()).isEqualTo(PresenceState.ON_THE_PHONE);
    }

    @Test
    void noteWithoutLanguageIsPreferredOverAForeignOne() {
        PresenceTuple t = new PresenceTuple("a", BasicStatus.OPEN, Optional.empty(), OptionalDouble.empty(),
                List.of(Note.of("Bonjour", "fr"), Note.of("plain"), Note.of("Hello", "en-GB")),
                Optional.empty(), List.of());
        PresenceDocument doc = new PresenceDocument(E, List.of(t), List.of(), List.of());
        assertThat(PresenceAggregation.aggregate(E, doc, Locale.UK).note()).contains(Note.of("Hello", "en-GB"));
        assertThat(PresenceAggregation.aggregate(E, doc, Locale.JAPANESE).note()).contains(Note.of("plain"));
    }
}
