package org.parley.ui.handoff;

import org.parley.ui.common.ConversationKey;

/**
 * A question waiting for the user because a link asked for {@code key}: call, chat, or neither.
 *
 * @param key      the account and peer the link resolved to
 * @param question the sentence shown ("Call Bob (bob@example.com)?")
 */
public record LinkPrompt(ConversationKey key, String question) {
}
