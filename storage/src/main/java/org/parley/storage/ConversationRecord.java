package org.parley.storage;

import java.time.Instant;

/**
 * One conversation of an account: the peer and when the last message was stored.
 *
 * @param account       address of record of the local account
 * @param peer          address of record of the other side
 * @param lastActivity  {@link MessageRecord#createdAt()} of the newest message
 * @param lastMessageId id of the newest message
 */
public record ConversationRecord(String account, String peer, Instant lastActivity, long lastMessageId) {
}
