package org.parley.app;

import java.time.Instant;
import org.parley.storage.DeliveryState;

/** What the core tells its faces (CLI, UI). Delivered on the executor each listener registered with. */
public sealed interface ParleyEvent {

    String account();

    record RegistrationChanged(String account, RegistrationState state) implements ParleyEvent {
    }

    /** A new (not duplicate) incoming message, already stored. */
    record MessageReceived(String account, String from, String text, long id, Instant at) implements ParleyEvent {
    }

    /** An outgoing message moved to a new state; {@code reason} is set for FAILED. */
    record MessageStateChanged(String account, String to, long id, DeliveryState state, String reason)
            implements ParleyEvent {
    }

    /** The peer started ({@code active}) or stopped composing (RFC 3994). */
    record TypingChanged(String account, String peer, boolean active) implements ParleyEvent {
    }

    /**
     * What is known of a watched contact changed (RFC 3856 presence): its state and note ("" when none).
     * {@code UNKNOWN} when nothing is known (not yet notified, subscription refused, our account offline).
     */
    /**
     * Who watches the user's presence on {@code account}: from the server's watcher-info (RFC 3857), or the
     * watchers Parley serves itself in peer-to-peer mode. Every watcher known now, with its status
     * ({@code active}, {@code pending}, {@code waiting}).
     */
    record WatchersChanged(String account, java.util.List<org.parley.app.presence.Watcher> watchers)
            implements ParleyEvent {
        public WatchersChanged {
            watchers = java.util.List.copyOf(watchers);
        }
    }

    /**
     * Someone wants to see the user's presence on {@code account} and the user has not decided about them yet
     * (peer-to-peer mode, where Parley serves its own presence): answer with {@code Parley.decideWatcher}.
     * Until then they are a {@code pending} watcher and see nothing.
     */
    record WatcherApprovalNeeded(String account, String watcher, String displayName) implements ParleyEvent {
    }

    /**
     * Someone calls: {@code from} as the request says, {@code displayName} as the caller claims it, and
     * {@code contactName} when {@code from} is in the contact list. {@code nameMismatch}: the claimed display name
     * differs from the contact list's name for that address (a warning sign of impersonation).
     */
    record CallIncoming(String account, String callId, String from, String displayName, String contactName,
                        boolean nameMismatch) implements ParleyEvent {
    }

    /** A call moved to {@code state} (not sent for the end: see {@link CallEnded}). */
    record CallStateChanged(String account, String callId, String peer, org.parley.app.call.CallState state)
            implements ParleyEvent {
    }

    /** A call ended, with why. */
    record CallEnded(String account, String callId, String peer, org.parley.app.call.CallEnd end)
            implements ParleyEvent {
    }

    /** Our transfer of {@code callId} to {@code target} failed with {@code status}; the call goes on. */
    record CallTransferFailed(String account, String callId, String target, int status) implements ParleyEvent {
    }

    /** The peer pressed a key during a call (RFC 4733 telephone-event). */
    record DtmfReceived(String account, String callId, char digit) implements ParleyEvent {
    }

    record PresenceChanged(String account, String contact, org.parley.app.presence.PresenceState state, String note)
            implements ParleyEvent {
    }

    /** Someone offers us a file; accept or decline it with its {@code transferId}. */
    record FileOffered(org.parley.app.file.FileOffer offer) implements ParleyEvent {
        @Override
        public String account() {
            return offer.account();
        }
    }

    /** Bytes of a transfer confirmed so far ({@code total} the offered size); sent at most five times a second. */
    record FileProgress(String account, String transferId, long bytes, long total) implements ParleyEvent {
    }

    /**
     * A broken transfer goes on as {@code transferId}: the receiver asked for the rest from byte {@code offset}
     * (RFC 5547 §8); {@code previousTransferId} is the transfer it continues (the receiver's own id for it, or the
     * sender's).
     */
    record FileResumed(String account, String transferId, String previousTransferId, String peer, String name,
                       boolean outgoing, long offset) implements ParleyEvent {
    }

    /** A file transfer ended, with how ({@code outgoing}: we sent it). */
    record FileEnded(String account, String transferId, String peer, String name, boolean outgoing,
                     org.parley.app.file.FileEnd end) implements ParleyEvent {
    }
}
