package org.parley.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.storage.HistoryStore;
import org.parley.storage.MessageRecord;
import org.parley.storage.SearchHit;

/** Very common words are ranked among their most recent matches only (bounded work). */
class FtsSearchWindowTest {
    static final String A = "sip:alice@example.com";
    static final String PEER = "sip:bob@example.com";

    @TempDir
    Path tmp;

    @Test
    void bestMatchWithinTheWindowComesFirstAndOlderMatchesAreOutside() throws Exception {
        try (SqliteProfile profile = SqliteProfiles.createUnencrypted(tmp.resolve("p"))) {
            HistoryStore history = profile.history();
            MessageRecord oldBest = append(history, "common common common common", "old");
            CompletableFuture<?> last = null;
            for (int i = 0; i < FtsSearch.RANK_WINDOW + 100; i++) {
                last = history.appendIncoming(A, PEER, "common filler text number " + i, "k" + i);
                if (i == FtsSearch.RANK_WINDOW) {
                    last.get(30, TimeUnit.SECONDS);
                    append(history, "common common common", "recent-best");
                }
            }
            last.get(30, TimeUnit.SECONDS);

            List<SearchHit> hits = history.search("common", 20);
            assertThat(hits).hasSize(20);
            assertThat(hits.get(0).message().sipKey()).isEqualTo("recent-best");
            assertThat(hits).extracting(h -> h.message().id()).doesNotContain(oldBest.id());
            assertThat(history.search("common common common common", 5)).isNotEmpty();
        }
    }

    private static MessageRecord append(HistoryStore history, String body, String key) throws Exception {
        return history.appendIncoming(A, PEER, body, key).get(30, TimeUnit.SECONDS).orElseThrow();
    }
}
