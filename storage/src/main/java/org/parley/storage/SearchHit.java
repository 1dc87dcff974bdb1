package org.parley.storage;

/**
 * A full-text search result.
 *
 * @param message the matching message
 * @param snippet excerpt of the body with the matched terms wrapped in {@code [} and {@code ]}
 */
public record SearchHit(MessageRecord message, String snippet) {
}
