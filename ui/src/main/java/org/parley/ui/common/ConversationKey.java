package org.parley.ui.common;

import org.parley.app.SipAddress;

/**
 * Identifies a conversation: one local account and one peer, both as normalised SIP addresses
 * ({@link SipAddress#toString()}), the form the core uses in events and storage.
 */
public record ConversationKey(String account, String peer) {

    /** Normalises both addresses; throws IllegalArgumentException (user-fit sentence) for a bad one. */
    public static ConversationKey of(String account, String peer) {
        return new ConversationKey(SipAddress.parse(account).toString(), SipAddress.parse(peer).toString());
    }

    /** "bob@example.com": the peer without scheme, for titles. */
    public String peerLabel() {
        SipAddress a = SipAddress.parse(peer);
        return a.user() + "@" + a.host() + (a.port() > 0 ? ":" + a.port() : "");
    }
}
