package org.parley.app.sip;

import java.util.LinkedHashMap;
import java.util.Map;
import org.parley.app.SipAddress;

/**
 * The normalised address ({@link SipAddress#parse}, then {@code toString}) of recent senders, so that the
 * regular-expression checks run once per sender rather than once per incoming MESSAGE. Only successful parses
 * are remembered; a refused address throws every time. At most {@value #MAX} entries, least recently used
 * dropped.
 *
 * <p>Threading: core thread only.
 */
final class SenderNames {
    static final int MAX = 512;

    private final Map<String, String> normalised = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX;
        }
    };

    /** @throws IllegalArgumentException when {@code address} is not a SIP address Parley accepts */
    String normalise(String address) {
        String known = normalised.get(address);
        if (known != null) {
            return known;
        }
        String parsed = SipAddress.parse(address).toString();
        normalised.put(address, parsed);
        return parsed;
    }
}
