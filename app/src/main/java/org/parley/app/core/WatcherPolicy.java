package org.parley.app.core;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.app.SipAddress;
import org.parley.app.presence.WatcherDecision;
import org.parley.storage.PreferenceStore;
import org.parley.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's allow and block list of presence watchers, per account, kept in the encrypted profile under
 * {@code presence/watcher/<account>/<watcher>} = {@code allow} | {@code block}. Read once at start into memory.
 *
 * <p>Threading: {@link #decisionFor} and {@link #decisions} from any thread (a concurrent map);
 * {@link #decide} blocks until the profile committed, so it is not called on the core thread.
 */
final class WatcherPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(WatcherPolicy.class);
    static final String PREFIX = "presence/watcher/";

    private final PreferenceStore store;
    private final Map<String, WatcherDecision> decisions = new ConcurrentHashMap<>();

    WatcherPolicy(PreferenceStore store) {
        this.store = store;
        try {
            store.withPrefix(PREFIX).forEach((key, value) -> {
                WatcherDecision d = parse(value);
                if (d != null) {
                    decisions.put(key, d);
                }
            });
        } catch (StorageException e) {
            LOG.warn("watcher decisions not readable; every watcher will be asked about again", e);
        }
    }

    Optional<WatcherDecision> decisionFor(String account, SipAddress watcher) {
        return Optional.ofNullable(decisions.get(key(account, watcher)));
    }

    /** Every decision of {@code account}, by watcher address. */
    Map<String, WatcherDecision> decisions(String account) {
        String prefix = PREFIX + account + "/";
        Map<String, WatcherDecision> mine = new TreeMap<>();
        decisions.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                mine.put(k.substring(prefix.length()), v);
            }
        });
        return mine;
    }

    /** Stores the decision, then makes it current. */
    void decide(String account, SipAddress watcher, WatcherDecision decision) throws StorageException {
        String key = key(account, watcher);
        store.put(key, decision.name().toLowerCase(java.util.Locale.ROOT));
        decisions.put(key, decision);
    }

    private static String key(String account, SipAddress watcher) {
        return PREFIX + account + "/" + watcher;
    }

    private static WatcherDecision parse(String value) {
        return switch (value) {
            case "allow" -> WatcherDecision.ALLOW;
            case "block" -> WatcherDecision.BLOCK;
            default -> null;
        };
    }
}
