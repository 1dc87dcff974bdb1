package org.parley.storage.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns text typed by a user into an FTS5 MATCH expression that cannot be a syntax error or an operator:
 * every whitespace-separated term becomes a quoted string (embedded quotes doubled), terms are ANDed, and the
 * last one is a prefix ({@code "term"*}). Terms without a letter or digit are dropped: the unicode61 tokenizer
 * would produce no token for them. Stateless.
 */
final class FtsQuery {
    /** More terms than this are ignored; a search box does not need more and it bounds the work. */
    static final int MAX_TERMS = 16;

    private FtsQuery() {
    }

    /** @return the MATCH expression, or empty if the text holds nothing searchable */
    static Optional<String> of(String text) {
        List<String> terms = new ArrayList<>();
        for (String term : text.split("[\\s\\p{Z}]+")) {
            if (terms.size() < MAX_TERMS && hasWordCharacter(term)) {
                terms.add('"' + term.replace("\"", "\"\"") + '"');
            }
        }
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join(" ", terms) + "*");
    }

    private static boolean hasWordCharacter(String term) {
        return term.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
