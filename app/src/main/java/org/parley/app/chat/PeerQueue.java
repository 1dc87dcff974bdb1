package org.parley.app.chat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ScheduledFuture;
import org.parley.app.SipAddress;
import org.parley.storage.MessageRecord;

/**
 * The outgoing messages to one peer, oldest first. At most one is in flight, so the peer receives them in
 * order. Core thread only.
 */
final class PeerQueue {
    final Deque<MessageRecord> items = new ArrayDeque<>();
    boolean inFlight;
    /** Rejections with a transient status (408/480/5xx) of the head message. */
    int transientRejections;
    /** Transport failures or timeouts in a row, for the retry delay. */
    int failuresInRow;
    ScheduledFuture<?> retry;
    /** The peer parsed once (every message of the queue goes to the same address); null until first sent. */
    SipAddress address;

    boolean contains(long id) {
        for (MessageRecord m : items) {
            if (m.id() == id) {
                return true;
            }
        }
        return false;
    }

    void cancelRetry() {
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
    }
}
