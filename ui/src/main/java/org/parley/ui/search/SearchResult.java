package org.parley.ui.search;

import java.time.Instant;
import java.util.List;
import org.parley.storage.Direction;
import org.parley.ui.common.ConversationKey;

/** One hit of the history search: where it is, when, and the snippet runs to show. */
public record SearchResult(ConversationKey conversation, String peerName, Instant at, Direction direction,
                           long messageId, List<Snippet.Run> snippet) {
}
