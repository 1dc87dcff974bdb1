package org.parley.app.core;

import java.util.List;
import org.parley.app.SipAddress;
import org.parley.app.presence.WatcherDecision;

/**
 * What the presence engine needs from signalling: publish an account's document, and keep an account's watched
 * contacts. Results come back through {@code AccountPresence.Listener}. Core thread only.
 */
interface PresenceTransport {
    void publish(String account, byte[] pidf);

    /** The document to publish just before the state is removed at sign-out. */
    void signOutDocument(String account, byte[] pidf);

    void watch(String account, List<SipAddress> contacts);

    /** The user decided about a watcher we serve ourselves (peer-to-peer mode). */
    void decided(String account, SipAddress watcher, WatcherDecision decision);
}
