package org.parley.ui.calls;

import org.parley.storage.CallRecord;
import org.parley.storage.Direction;
import org.parley.ui.common.ConversationKey;

/**
 * One row of the recent-calls list: the stored call, the conversation it belongs to, and which icon it gets.
 * Immutable; the name and sentence are made on the UI thread when shown ({@link CallHistoryViewModel#sentence}),
 * so they follow contact renames and the date line.
 */
public record CallItem(CallRecord call, ConversationKey conversation, Kind kind) {

    /** What the row's icon shows. */
    public enum Kind {
        OUTGOING, INCOMING, MISSED
    }

    static CallItem of(CallRecord call) {
        Kind kind = call.missed() ? Kind.MISSED : call.direction() == Direction.OUT ? Kind.OUTGOING : Kind.INCOMING;
        return new CallItem(call, key(call.account(), call.peer()), kind);
    }

    /** Normalised like the core's events; an address the parser refuses is kept as stored. */
    private static ConversationKey key(String account, String peer) {
        try {
            return ConversationKey.of(account, peer);
        } catch (IllegalArgumentException e) {
            return new ConversationKey(account, peer);
        }
    }
}
