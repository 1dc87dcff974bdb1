package org.parley.app.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NoteTest {
    @Test
    void canonicalFormDropsWhatXmlCannotCarry() {
        assertThat(Note.canonical("  a\u0000b\u0007c\u001Bd\uFFFE\uFFFF\uDC00e\r\nf\rg\th 😀  ")).isEqualTo("abcde\nf\ng\th 😀");
        assertThat(Note.canonical(null)).isEmpty();
    }

    @Test
    void languageIsOptional() {
        assertThat(Note.of("x").language()).isEmpty();
        assertThat(Note.of("x", " ").language()).isEmpty();
        assertThat(Note.of("x", "pt-BR").language()).contains("pt-BR");
        assertThat(Note.of("x", "zh-Hant-TW").language()).contains("zh-Hant-TW");
        assertThat(Note.of("x", "en\u0000\"><evil").language()).as("not a tag: dropped").isEmpty();
    }

    @Test
    void ownNotesHaveALimitReceivedOnesAreCut() {
        String tooLong = "ä".repeat(Note.MAX_LENGTH + 1);
        assertThatThrownBy(() -> Note.of(tooLong)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Note.received(tooLong, null).text()).hasSize(Note.MAX_LENGTH);
        String emoji = "😀".repeat(Note.MAX_LENGTH + 5);
        assertThat(Note.received(emoji, null).text().codePointCount(0, 2 * Note.MAX_LENGTH))
                .isEqualTo(Note.MAX_LENGTH);
    }

    @Test
    void nonCanonicalTextIsRefusedByTheConstructor() {
        assertThatThrownBy(() -> new Note(" padded ", java.util.Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
