package org.parley.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Full-text search: snippets, prefixes, escaping and non-Latin text (unicode61, diacritics removed). */
class SearchTest {
    static final String A = "sip:alice@example.com";
    static final String PEER = "sip:bob@example.com";

    @TempDir
    Path tmp;
    Profile profile;
    HistoryStore history;

    @BeforeEach
    void open() throws Exception {
        profile = Profiles.create(tmp.resolve("p"), "pass".toCharArray());
        history = profile.history();
        int i = 0;
        for (String body : List.of(
                "The quick brown fox jumps over the lazy dog",
                "apple apple apple",
                "apple banana cherry date elderberry fig grape honeydew kiwi lemon mango",
                "black AND white, NEAR the door",
                "Schöne Grüße aus München",
                "Привет, как дела?",
                "東京タワーに行きました",
                "東京 タワー",
                "你好世界")) {
            history.appendIncoming(A, PEER, body, "k" + i++).get(10, TimeUnit.SECONDS);
        }
    }

    @AfterEach
    void close() {
        profile.close();
    }

    @Test
    void snippetMarksTheMatch() throws Exception {
        List<SearchHit> hits = history.search("fox", 10);
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).snippet()).contains("[fox]");
        assertThat(hits.get(0).message().body()).isEqualTo("The quick brown fox jumps over the lazy dog");
    }

    @Test
    void lastTermMatchesAsPrefix() throws Exception {
        assertThat(history.search("jum", 10)).singleElement()
                .satisfies(h -> assertThat(h.snippet()).contains("[jumps]"));
        assertThat(history.search("quick do", 10)).hasSize(1);
        assertThat(history.search("qui dog", 10)).as("only the last term is a prefix").isEmpty();
        assertThat(history.search("quick cat", 10)).isEmpty();
    }

    @Test
    void bestMatchFirstAndLimit() throws Exception {
        List<SearchHit> hits = history.search("apple", 10);
        assertThat(hits).extracting(h -> h.message().body()).first().isEqualTo("apple apple apple");
        assertThat(hits).hasSize(2);
        assertThat(history.search("apple", 1)).hasSize(1);
        assertThat(history.search("apple", 0)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"AND OR NEAR( *", "foo\" OR \"bar", "*", "(", ")))", "NEAR(a b, 1)", "body:fox",
            "^fox", "-fox", "\"unterminated", "a AND", "AND", "OR NOT", "'; DROP TABLE messages; --", "{body}: x",
            "", "   ", "\u0000", "fox*", "f\"o\"x"})
    void hostileTextIsSearchedAsWords(String text) {
        assertThatCode(() -> history.search(text, 10)).doesNotThrowAnyException();
    }

    @Test
    void operatorsAreOrdinaryWords() throws Exception {
        assertThat(history.search("AND", 10)).singleElement()
                .satisfies(h -> assertThat(h.snippet()).contains("[AND]"));
        assertThat(history.search("\"AND OR NEAR( *", 10)).isEmpty();
        assertThat(history.search("NEAR(", 10)).singleElement()
                .satisfies(h -> assertThat(h.message().body()).startsWith("black"));
        assertThat(history.search("fox\"", 10)).hasSize(1);
        assertThat(history.search("  ", 10)).isEmpty();
    }

    @Test
    void germanUmlautsAreFoundWithAndWithoutDiacritics() throws Exception {
        assertThat(history.search("münchen", 10)).hasSize(1);
        assertThat(history.search("MÜNCHEN", 10)).hasSize(1);
        assertThat(history.search("Munchen", 10)).hasSize(1);
        assertThat(history.search("grüße", 10)).singleElement()
                .satisfies(h -> assertThat(h.snippet()).contains("[Grüße]"));
        // ß is not a diacritic: unicode61 does not fold it to "ss".
        assertThat(history.search("grusse", 10)).isEmpty();
    }

    @Test
    void cyrillicIsCaseFolded() throws Exception {
        assertThat(history.search("привет", 10)).hasSize(1);
        assertThat(history.search("ПРИВЕТ", 10)).hasSize(1);
        assertThat(history.search("дел", 10)).singleElement()
                .satisfies(h -> assertThat(h.snippet()).contains("[дела]"));
    }

    @Test
    void cjkRunsAreOneTokenFoundByTheirStart() throws Exception {
        assertThat(history.search("東京", 10)).hasSize(2);
        assertThat(history.search("你好", 10)).hasSize(1);
        assertThat(history.search("タワー", 10)).as("space-separated run only").singleElement()
                .satisfies(h -> assertThat(h.message().body()).isEqualTo("東京 タワー"));
        assertThat(history.search("世界", 10)).as("middle of a run is not a token").isEmpty();
    }
}
