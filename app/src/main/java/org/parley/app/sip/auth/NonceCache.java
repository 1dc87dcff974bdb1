package org.parley.app.sip.auth;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The last nonce seen per scope and realm for one account, with its nonce count, so that Parley can count
 * {@code nc} correctly and reuse a nonce for the next request (preemptive authorization).
 *
 * <p>Small (at most {@value #MAX_ENTRIES} realms, least recently used dropped). Thread-safe: all methods
 * are synchronized on the cache.
 */
final class NonceCache {
    static final int MAX_ENTRIES = 8;
    private static final long MAX_COUNT = 0xFFFF_FFFFL;

    /** One cached nonce; {@code count} is the nc last used with it. */
    record Entry(DigestScope scope, DigestChallenge challenge, long count) {
    }

    private record Key(DigestScope scope, String realm) {
    }

    private final Map<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /**
     * The nonce count to send with {@code challenge}'s nonce: 1 for a nonce not seen before for this scope
     * and realm (it then replaces the old one), otherwise one more than last time. Marks the entry as most
     * recently used.
     */
    synchronized long next(DigestScope scope, DigestChallenge challenge) {
        Objects.requireNonNull(scope, "scope");
        Key key = new Key(scope, challenge.realm());
        Entry old = entries.get(key);
        long count = old != null && old.challenge().nonce().equals(challenge.nonce()) && old.count() < MAX_COUNT
                ? old.count() + 1 : 1;
        entries.put(key, new Entry(scope, challenge, count));
        return count;
    }

    /** The most recently used entry, of {@code scope} or (when null) of any scope. */
    synchronized Optional<Entry> latest(DigestScope scope) {
        Entry latest = null;
        for (Entry e : entries.values()) { // access order: the last one is the most recent
            if (scope == null || e.scope() == scope) {
                latest = e;
            }
        }
        return Optional.ofNullable(latest);
    }

    /** Drops the nonce of one realm (after a rejection). */
    synchronized void forget(DigestScope scope, String realm) {
        entries.remove(new Key(scope, realm));
    }

    synchronized void clear() {
        entries.clear();
    }

    synchronized int size() {
        return entries.size();
    }

    @Override
    public synchronized String toString() {
        StringBuilder b = new StringBuilder("NonceCache[");
        for (Iterator<Key> it = entries.keySet().iterator(); it.hasNext(); ) {
            Key k = it.next();
            b.append(k.scope()).append('/').append(k.realm()).append(it.hasNext() ? ", " : "");
        }
        return b.append(']').toString();
    }
}
