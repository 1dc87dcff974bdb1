package org.parley.app.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.parley.app.SipAddress;

/** Write then read gives back what was written, for any state and any note, and reading never crashes. */
class PidfRoundTripProperties {
    private static final SipAddress ALICE = SipAddress.parse("sip:alice@example.com");
    private final Pidf pidf = new Pidf(PidfLimits.DEFAULT, Locale.ENGLISH);

    @Provide
    Arbitrary<PresenceState> publishable() {
        return Arbitraries.of(PresenceState.class).filter(s -> s != PresenceState.UNKNOWN);
    }

    @Provide
    Arbitrary<String> notes() {
        // Any UTF-16 code units (lone surrogates and control characters included), and some that look like markup.
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().withChars("<>&\"' \r\n\t]]!-;#x").ofMaxLength(60),
                Arbitraries.strings().withCharRange('\u0590', '\u06FF').withChars(" 😀").ofMaxLength(60));
    }

    @Provide
    Arbitrary<String> languages() {
        return Arbitraries.of("", "en", "de-CH", "he", "ar", "zh-Hant-TW", "x\u0001\"<", "not a tag");
    }

    @Property(tries = 400)
    void writeThenReadGivesStateAndNote(@ForAll("publishable") PresenceState state, @ForAll("notes") String text,
            @ForAll("languages") String language) throws Exception {
        Note note = Note.of(text, language);
        Publication publication = Publication.of(ALICE, "device", state, note, Instant.EPOCH.plusSeconds(12345));

        Presence read = pidf.decode(ALICE.toString(), pidf.encode(publication));

        assertThat(read.state()).isEqualTo(state);
        if (note.isEmpty()) {
            assertThat(read.note()).isEmpty();
        } else {
            assertThat(read.note()).contains(note);
        }
        assertThat(read.since()).contains(Instant.EPOCH.plusSeconds(12345));
    }

    @Property(tries = 300)
    void canonicalNotesAreStable(@ForAll("notes") String text) {
        String once = Note.canonical(text);
        assertThat(Note.canonical(once)).isEqualTo(once);
        once.codePoints().forEach(cp -> assertThat(XmlChars.isAllowed(cp)).isTrue());
    }

    @Property(tries = 300)
    void arbitraryBytesAreReadOrRefusedNeverCrash(@ForAll @Size(max = 400) byte[] body) {
        assertReadOrRefused(body);
    }

    @Property(tries = 500)
    void mutatedRealDocumentsAreReadOrRefused(@ForAll("corpusFiles") String file,
            @ForAll @IntRange(min = 0, max = 100_000) int position, @ForAll byte replacement,
            @ForAll @IntRange(min = 0, max = 2) int kind) {
        byte[] original = Corpus.bytes("pidf/" + file);
        Assume.that(original.length > 0);
        int at = position % original.length;
        byte[] mutated;
        switch (kind) {
            case 0 -> {
                mutated = original.clone();
                mutated[at] = replacement;
            }
            case 1 -> {
                mutated = new byte[original.length - 1];
                System.arraycopy(original, 0, mutated, 0, at);
                System.arraycopy(original, at + 1, mutated, at, original.length - at - 1);
            }
            default -> {
                mutated = new byte[original.length + 1];
                System.arraycopy(original, 0, mutated, 0, at);
                mutated[at] = replacement;
                System.arraycopy(original, at, mutated, at + 1, original.length - at);
            }
        }
        assertReadOrRefused(mutated);
    }

    @Provide
    Arbitrary<String> corpusFiles() {
        return Arbitraries.of("rfc/rfc4480-full.xml", "rfc/rfc3863-extended.xml", "clients/kamailio-offline.xml",
                "clients/asterisk-eyebeam-latin1-busy.xml", "clients/oma-prefixed.xml", "hostile/billion-laughs.xml",
                "tolerant/priority-then-recency.xml");
    }

    private void assertReadOrRefused(byte[] body) {
        try {
            Presence presence = pidf.decode("sip:x@example.com", body);
            assertThat(presence.state()).isNotNull();
        } catch (PresenceDocumentException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 200)
    void notesAreTakenAsTheyCame(@ForAll("notes") String text) throws Exception {
        Optional<Note> note = Optional.of(Note.of(text)).filter(n -> !n.isEmpty());
        Publication p = new Publication(ALICE, PresenceState.AVAILABLE, note, Instant.EPOCH, Optional.empty(),
                "t1", "p1");
        PresenceDocument doc = new PidfReader().read(new PidfWriter().write(p));

        assertThat(doc.tuples().get(0).notes()).isEqualTo(note.stream().toList());
        assertThat(doc.persons().get(0).notes()).isEqualTo(note.stream().toList());
    }
}
