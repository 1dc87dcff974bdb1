package org.parley.app.sip.auth;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers H(username ":" realm ":" password) per hash function, realm and user name, so that it is not
 * recomputed for every request. An entry also holds a copy of the password it was computed from and is used
 * only while the password is still equal, so a changed (or destroyed) password is never answered with a stale
 * HA1. At most {@value #MAX_ENTRIES} entries, least recently used dropped; dropped and replaced password copies
 * are overwritten.
 *
 * <p>Thread-safe: synchronized. The cached values are password equivalents for their realm; they live as long
 * as the credentials object they were computed from (one account's signalling).
 */
final class Ha1Cache {
    static final int MAX_ENTRIES = 8;

    /** The -sess variants share the plain variant's HA1 (RFC 7616 §3.4.2), so the key is the hash function. */
    private record Key(String hash, String realm, String username) {
    }

    private static final class Entry {
        final char[] password;
        final String ha1;

        Entry(char[] password, String ha1) {
            this.password = password.clone();
            this.ha1 = ha1;
        }

        void wipe() {
            Arrays.fill(password, '\0');
        }
    }

    private final Map<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            if (size() > MAX_ENTRIES) {
                eldest.getValue().wipe();
                return true;
            }
            return false;
        }
    };
    private int computed;

    /** The HA1 for these values, computed now only when not cached for exactly this password. */
    synchronized String ha1(DigestAlgorithm algorithm, String username, char[] password, String realm) {
        Key key = new Key(algorithm.hashName(), realm, username);
        Entry e = entries.get(key);
        if (e != null && Arrays.equals(e.password, password)) {
            return e.ha1;
        }
        String ha1 = DigestComputation.ha1(algorithm, username, password, realm);
        computed++;
        Entry old = entries.put(key, new Entry(password, ha1));
        if (old != null) {
            old.wipe();
        }
        return ha1;
    }

    /** Forgets every entry and overwrites the password copies. */
    synchronized void clear() {
        entries.values().forEach(Entry::wipe);
        entries.clear();
    }

    /** How often an HA1 was actually computed (for tests). */
    synchronized int computations() {
        return computed;
    }
}
