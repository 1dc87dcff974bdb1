package org.parley.app.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real-world presence documents, read and aggregated: the RFC 3863/4480 examples (typed from the RFC text), our own
 * equivalents of what Linphone, Jitsi, baresip, Asterisk and Kamailio's presence server send, and tolerated
 * oddities.
 */
class PidfCorpusTest {
    private static final String E = "sip:watched@example.com";

    static Stream<Arguments> corpus() {
        return Stream.of(
                // file, state, note (null = none), since (null = none)
                Arguments.of("rfc/rfc3863-minimal.xml", PresenceState.AVAILABLE, null, null),
                Arguments.of("rfc/rfc3863-extended.xml", PresenceState.AVAILABLE, "I'll be in Tokyo next week", null),
                Arguments.of("rfc/rfc4480-full.xml", PresenceState.AWAY, "Scoring 120", "2005-05-30T11:09:44Z"),
                Arguments.of("clients/linphone-on-the-phone.xml", PresenceState.ON_THE_PHONE, "On a call",
                        "2026-11-20T09:15:02Z"),
                Arguments.of("clients/linphone-legacy-busy.xml", PresenceState.BUSY, "busy", null),
                Arguments.of("clients/jitsi-away.xml", PresenceState.AWAY, "Away", null),
                Arguments.of("clients/jitsi-no-contact.xml", PresenceState.BUSY, "Busy", null),
                Arguments.of("clients/baresip-minimal-open.xml", PresenceState.AVAILABLE, null, null),
                Arguments.of("clients/asterisk-pidf-on-the-phone.xml", PresenceState.ON_THE_PHONE, "On the phone", null),
                Arguments.of("clients/asterisk-eyebeam-latin1-busy.xml", PresenceState.BUSY, "Occupé", null),
                Arguments.of("clients/asterisk-eyebeam-text-activity.xml", PresenceState.ON_THE_PHONE, "On the phone",
                        null),
                Arguments.of("clients/kamailio-aggregate-two-devices.xml", PresenceState.ON_THE_PHONE,
                        "Mobile: on a call", "2026-11-25T08:05:30Z"),
                Arguments.of("clients/kamailio-offline.xml", PresenceState.OFFLINE, "Back Monday",
                        "2026-11-25T17:30:00Z"),
                Arguments.of("clients/oma-prefixed.xml", PresenceState.ON_THE_PHONE, "Hello world",
                        "2010-07-16T01:08:55Z"),
                Arguments.of("tolerant/appointment-and-meal.xml", PresenceState.IN_A_MEETING, "Lunch with the board",
                        null),
                Arguments.of("tolerant/other-prefixes.xml", PresenceState.IN_A_MEETING, null, null),
                Arguments.of("tolerant/no-namespace.xml", PresenceState.AVAILABLE, "no xmlns at all", null),
                Arguments.of("tolerant/unknown-extensions.xml", PresenceState.AVAILABLE, "Working from the lab",
                        "2026-11-25T09:00:00Z"),
                Arguments.of("tolerant/rpid-unknown.xml", PresenceState.AVAILABLE, null, null),
                Arguments.of("tolerant/dnd-other.xml", PresenceState.DO_NOT_DISTURB, null, null),
                Arguments.of("tolerant/idle-user-input.xml", PresenceState.AWAY, null, null),
                Arguments.of("tolerant/open-beats-closed.xml", PresenceState.AVAILABLE, "phone note",
                        "2026-11-25T09:00:00Z"),
                Arguments.of("tolerant/priority-then-recency.xml", PresenceState.AVAILABLE, "high priority, newer",
                        "2026-11-25T11:00:00Z"),
                Arguments.of("tolerant/bad-values.xml", PresenceState.AVAILABLE, null, null),
                Arguments.of("tolerant/all-closed.xml", PresenceState.OFFLINE, "Signed out", "2026-11-25T18:00:00Z"),
                Arguments.of("tolerant/no-status.xml", PresenceState.UNKNOWN, null, null),
                Arguments.of("tolerant/empty-presence.xml", PresenceState.UNKNOWN, null, null),
                Arguments.of("tolerant/xinclude-ignored.xml", PresenceState.AVAILABLE, null, null));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("corpus")
    void readsAndAggregates(String file, PresenceState state, String note, String since) throws Exception {
        Presence presence = new Pidf(PidfLimits.DEFAULT, Locale.ENGLISH).decode(E, Corpus.bytes("pidf/" + file));

        assertThat(presence.entity()).isEqualTo(E);
        assertThat(presence.state()).isEqualTo(state);
        assertThat(presence.note().map(Note::text)).isEqualTo(Optional.ofNullable(note));
        assertThat(presence.since()).isEqualTo(Optional.ofNullable(since).map(Instant::parse));
    }

    @Test
    void keepsTheTupleDetailsOfRfc3863() throws Exception {
        PresenceDocument doc = new PidfReader().read(Corpus.bytes("pidf/rfc/rfc3863-extended.xml"));

        assertThat(doc.entity()).isEqualTo("pres:someone@example.com");
        assertThat(doc.tuples()).hasSize(2);
        PresenceTuple first = doc.tuples().get(0);
        assertThat(first.id()).isEqualTo("bs35r9");
        assertThat(first.basic()).isEqualTo(BasicStatus.OPEN);
        assertThat(first.contact()).contains("im:someone@mobilecarrier.net");
        assertThat(first.priority().getAsDouble()).isEqualTo(0.8);
        assertThat(first.timestamp()).contains(Instant.parse("2001-10-27T16:49:29Z"));
        assertThat(first.notes()).containsExactly(Note.of("Don't Disturb Please!", "en"),
                Note.of("Ne dérangez pas, s'il vous plait", "fr"));
        assertThat(doc.notes()).containsExactly(Note.of("I'll be in Tokyo next week", "en"));
    }

    @Test
    void rpidNotesInsideActivitiesAreNotActivities() throws Exception {
        PresenceDocument doc = new PidfReader().read(Corpus.bytes("pidf/rfc/rfc4480-full.xml"));

        assertThat(doc.tuples()).extracting(PresenceTuple::id).containsExactly("bs35r9", "ty4658", "eg92n8");
        assertThat(doc.persons()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("p1");
            assertThat(p.activities()).containsExactly("away");
            assertThat(p.idle()).isFalse(); // the idle user-input is the device's, not the person's
        });
    }

    @Test
    void aTupleWithoutContactIsKept() throws Exception {
        PresenceDocument doc = new PidfReader().read(Corpus.bytes("pidf/clients/jitsi-no-contact.xml"));

        assertThat(doc.tuples()).singleElement().satisfies(t -> {
            assertThat(t.contact()).isEmpty();
            assertThat(t.basic()).isEqualTo(BasicStatus.OPEN);
        });
    }

    @Test
    void invalidValuesCountAsAbsent() throws Exception {
        PresenceDocument doc = new PidfReader().read(Corpus.bytes("pidf/tolerant/bad-values.xml"));

        PresenceTuple first = doc.tuples().get(0);
        assertThat(first.id()).isEmpty();
        assertThat(first.priority()).isEmpty();
        assertThat(first.timestamp()).isEmpty();
        assertThat(first.notes()).isEmpty();
        assertThat(doc.tuples().get(1).basic()).isEqualTo(BasicStatus.ABSENT);
        assertThat(doc.tuples().get(1).priority()).isEmpty();
    }

    @Test
    void unknownActivitiesAreKeptButMeanNothing() throws Exception {
        PresenceDocument doc = new PidfReader().read(Corpus.bytes("pidf/tolerant/unknown-extensions.xml"));

        assertThat(doc.persons().get(0).activities()).containsExactly("x-holodeck", "time-travel");
    }

    @Test
    void theNoteFollowsThePreferredLanguage() throws Exception {
        byte[] body = Corpus.bytes("pidf/clients/linphone-on-the-phone.xml");

        assertThat(new Pidf(PidfLimits.DEFAULT, Locale.FRANCE).decode(E, body).note().map(Note::text))
                .contains("Au téléphone");
        assertThat(new Pidf(PidfLimits.DEFAULT, Locale.GERMAN).decode(E, body).note().map(Note::text))
                .as("no German note and none without language: the first").contains("Au téléphone");
    }

    @Test
    void anEmptyBodyIsUnknown() throws Exception {
        Pidf pidf = new Pidf();
        assertThat(pidf.decode(E, new byte[0])).isEqualTo(Presence.unknown(E));
        assertThat(pidf.decode(E, " \r\n\t".getBytes())).isEqualTo(Presence.unknown(E));
    }
}
