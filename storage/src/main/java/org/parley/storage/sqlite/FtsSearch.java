package org.parley.storage.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.parley.storage.SearchHit;
import org.parley.storage.StorageException;

/**
 * Full-text search over message bodies (FTS5, unicode61 with diacritics removed: "munchen" finds "München";
 * Cyrillic and Greek are case-folded; a run of CJK characters without spaces is one token, so CJK text is
 * found by its first characters (prefix) but not from the middle of a run). Snippets mark matches with
 * {@code [} and {@code ]}. Thread-safe; runs on the read pool.
 *
 * <p>Ranking: bm25 over the {@link #RANK_WINDOW} most recent matches. Ranking every match of a very common
 * word costs one index lookup per match (seconds at a million messages); older matches of such words are
 * therefore not returned. Words with fewer matches are ranked over the whole history.
 */
final class FtsSearch {
    static final int RANK_WINDOW = 2000;
    static final int SNIPPET_TOKENS = 12;
    private static final String WINDOW_START = "SELECT rowid FROM messages_fts WHERE messages_fts MATCH ? "
            + "ORDER BY rowid DESC LIMIT 1 OFFSET " + (RANK_WINDOW - 1);
    private static final String SEARCH = "SELECT " + MessageRows.COLUMNS
            + ", snippet(messages_fts, 0, '[', ']', '…', " + SNIPPET_TOKENS + ") "
            + "FROM messages_fts CROSS JOIN messages m ON m.id = messages_fts.rowid "
            + "WHERE messages_fts MATCH ? AND messages_fts.rowid >= ? ORDER BY rank LIMIT ?";

    private final ReadPool readers;

    FtsSearch(ReadPool readers) {
        this.readers = readers;
    }

    List<SearchHit> search(String text, int limit) throws StorageException {
        Optional<String> match = FtsQuery.of(text);
        if (match.isEmpty() || limit <= 0) {
            return List.of();
        }
        return readers.read(session -> {
            long windowStart = Long.MIN_VALUE;
            PreparedStatement window = session.prepare(WINDOW_START);
            window.setString(1, match.get());
            try (ResultSet rs = window.executeQuery()) {
                if (rs.next()) {
                    windowStart = rs.getLong(1);
                }
            }
            PreparedStatement query = session.prepare(SEARCH);
            query.setString(1, match.get());
            query.setLong(2, windowStart);
            query.setInt(3, limit);
            List<SearchHit> hits = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    hits.add(new SearchHit(MessageRows.read(rs), rs.getString(MessageRows.COLUMN_COUNT + 1)));
                }
            }
            return hits;
        });
    }
}
