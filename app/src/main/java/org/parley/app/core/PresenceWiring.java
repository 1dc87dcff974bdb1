package org.parley.app.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parley.app.SipAddress;
import org.parley.app.presence.WatcherDecision;
import org.parley.app.sip.SipSignalling;
import org.parley.storage.AccountRecord;
import org.parley.storage.ContactRecord;
import org.parley.storage.Profile;
import org.parley.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Connects the presence engine to the current signalling instance and the stored contacts. Core thread. */
final class PresenceWiring {
    private static final Logger LOG = LoggerFactory.getLogger(PresenceWiring.class);

    private PresenceWiring() {
    }

    /** Hands {@code s} to the presence engine with every account's contacts. */
    static void attach(PresenceEngine presence, SipSignalling s, List<String> ids, Map<String, List<ContactRecord>> contacts) {
        presence.attach(new PresenceTransport() {
            @Override
            public void publish(String account, byte[] pidf) {
                s.publish(account, pidf);
            }

            @Override
            public void signOutDocument(String account, byte[] pidf) {
                s.signOutDocument(account, pidf);
            }

            @Override
            public void watch(String account, List<SipAddress> contacts) {
                s.watch(account, contacts);
            }

            @Override
            public void decided(String account, SipAddress watcher, WatcherDecision decision) {
                s.decided(account, watcher, decision);
            }
        }, ids, contacts);
    }

    /**
     * The stored contacts of every account, keyed by normalised account id (stored AORs may be spelt differently).
     * One read of the account list, one of each contact list.
     */
    static Map<String, List<ContactRecord>> contactsByAccount(Profile profile) {
        Map<String, List<ContactRecord>> result = new HashMap<>();
        try {
            for (AccountRecord r : profile.accounts().list()) {
                try {
                    result.computeIfAbsent(SipAddress.parse(r.aor()).toString(), k -> new ArrayList<>())
                            .addAll(profile.contacts().list(r.aor()));
                } catch (IllegalArgumentException e) {
                    LOG.debug("account {} skipped for presence: {}", r.aor(), e.getMessage());
                }
            }
        } catch (StorageException e) {
            LOG.warn("contacts cannot be read; nobody is watched", e);
        }
        return result;
    }

    /** A stable random id of this installation's profile: keeps presence tuple ids the same across runs. */
    static String deviceId(Profile profile) {
        try {
            java.util.Optional<String> id = profile.preferences().get("presence/device");
            if (id.isPresent()) {
                return id.get();
            }
            String fresh = java.util.UUID.randomUUID().toString();
            profile.preferences().put("presence/device", fresh);
            return fresh;
        } catch (StorageException e) {
            LOG.warn("no stored device id; presence ids will change at restart", e);
            return java.util.UUID.randomUUID().toString();
        }
    }
}
