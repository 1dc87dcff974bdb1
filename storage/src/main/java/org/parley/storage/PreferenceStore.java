package org.parley.storage;

import java.util.Map;
import java.util.Optional;

/**
 * Small named values kept in the encrypted profile, for state that must survive a restart and may be private
 * (a chat draft, which conversations are muted). Keys are namespaced by their owner with a slash, e.g.
 * {@code draft/sip:alice@example.com/sip:bob@example.com}; values are text. Not for bulk data.
 *
 * <p>Threading as {@link AccountStore}: writes block until committed, reads see every committed write.
 */
public interface PreferenceStore {
    Optional<String> get(String key) throws StorageException;

    /** Inserts or replaces {@code key}. */
    void put(String key, String value) throws StorageException;

    /** @return true if the key existed */
    boolean remove(String key) throws StorageException;

    /** Every entry whose key starts with {@code prefix}, sorted by key. */
    Map<String, String> withPrefix(String prefix) throws StorageException;
}
