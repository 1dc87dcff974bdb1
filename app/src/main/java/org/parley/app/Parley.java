package org.parley.app;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.parley.app.call.CallAudio;
import org.parley.app.presence.Presence;
import org.parley.app.presence.PresenceState;
import org.parley.app.presence.WatcherDecision;
import org.parley.storage.AccountRecord;
import org.parley.storage.MessageRecord;
import org.parley.storage.Profile;

/**
 * The headless core of Parley: all accounts of one profile, their registrations and chats.
 *
 * <p>Threading: every method may be called from any thread; state lives on the core executor
 * (see docs/CONCURRENCY.md). Listeners run on the executor they were added with.
 */
public interface Parley extends AutoCloseable {

    /** Registers every stored account (and keeps them registered) and starts sending queued messages. */
    void start();

    /** Adds a listener; events are delivered by {@code executor}. */
    void addListener(ParleyListener listener, Executor executor);

    /**
     * Stores a message in the outbox and sends it as soon as its account is registered. The future completes
     * once the message is durably queued; later states arrive as {@link ParleyEvent.MessageStateChanged}.
     *
     * @param account the AOR of the sending account, or null for the first account
     * @throws IllegalArgumentException (in the future) for a bad address or a body over the size limit
     */
    CompletableFuture<MessageRecord> send(String account, String to, String text);

    /** Tells {@code peer} that the user is (or stopped) composing; refreshes and idles out per RFC 3994. */
    void setComposing(String account, String peer, boolean composing);

    /** Registers {@code account} again now: the user's "retry" after a failure (also resets the backoff). */
    void retry(String account);

    /**
     * Re-reads the accounts from the profile after the user added, changed or removed one: every account is
     * un-registered, the SIP stack restarted with the new settings and every account registered again.
     * Queued messages stay queued.
     */
    void reloadAccounts();

    /**
     * Registers {@code account} once with a separate, temporary SIP stack and reports the outcome, without
     * storing the account or touching the running ones (the account dialog's "test"). The temporary binding
     * is removed afterwards. Gives up after about 10 s with {@link RegistrationState.Unreachable}.
     *
     * @throws IllegalArgumentException (user-fit sentence) when the record is inconsistent
     */
    CompletableFuture<RegistrationState> testAccount(AccountRecord account);

    /**
     * Sets the user's own presence (with a note, "" for none) and publishes it on every account: through the
     * server's presence agent, or to watchers directly where the server has none.
     *
     * @throws IllegalArgumentException for {@link PresenceState#UNKNOWN}
     */
    void setPresence(PresenceState state, String note);

    /**
     * The hook for calls: while {@code active}, "on the phone" is published instead of the chosen state (unless
     * the user chose do-not-disturb or offline); the chosen state comes back when the call ends.
     */
    void setInCall(boolean active);

    /**
     * Re-reads the stored contacts after the user added, changed or removed some: new contacts are watched
     * (SUBSCRIBE), removed ones no longer. Their states arrive as {@link ParleyEvent.PresenceChanged}.
     */
    void contactsChanged();

    /** What is known now of {@code contact}'s presence, seen from {@code account} (null: the first account). */
    CompletableFuture<Presence> presenceOf(String account, String contact);

    /**
     * Allows or blocks a watcher of the user's presence on {@code account} (peer-to-peer mode; see
     * {@link ParleyEvent.WatcherApprovalNeeded}). Stored in the profile and applied at once: an allowed watcher
     * gets the current state, a blocked one's subscription ends. Completes when stored.
     *
     * @throws IllegalArgumentException (user-fit sentence) for a malformed watcher address
     */
    CompletableFuture<Void> decideWatcher(String account, String watcher, WatcherDecision decision);

    /** The user's decisions about watchers of {@code account}, by watcher address. */
    Map<String, WatcherDecision> watcherDecisions(String account);

    /**
     * Calls {@code to} from {@code account} (null: the first account). Progress arrives as
     * {@link ParleyEvent.CallStateChanged} and {@link ParleyEvent.CallEnded}.
     *
     * @return the call's id, once the INVITE is on its way
     * @throws IllegalArgumentException (user-fit sentence) for a malformed address
     */
    CompletableFuture<String> call(String account, String to, CallAudio audio);

    /** Answers an incoming call ({@link ParleyEvent.CallIncoming}). */
    CompletableFuture<Void> answer(String callId, CallAudio audio);

    /** Declines an incoming call (603), or hangs up / cancels any other call. */
    void hangUp(String callId);

    /**
     * Puts an active call on hold or resumes it (re-INVITE); {@link ParleyEvent.CallStateChanged} follows with
     * {@code ON_HOLD} or {@code ACTIVE}. Completes false when the call is not active or busy re-negotiating.
     */
    CompletableFuture<Boolean> hold(String callId, boolean held);

    /** Sends silence instead of the microphone while {@code muted}. */
    void setMuted(String callId, boolean muted);

    /**
     * Blind transfer (REFER): the peer is asked to call {@code target}; when that call is answered this one ends
     * with {@code CallEnd.Transferred}, otherwise {@link ParleyEvent.CallTransferFailed} follows. Completes false
     * when the call is not active or a transfer is already under way.
     *
     * @throws IllegalArgumentException (user-fit sentence) for a malformed target
     */
    CompletableFuture<Boolean> transfer(String callId, String target);

    /** Sends RFC 4733 digits during a call; completes false when the peer takes none. */
    CompletableFuture<Boolean> sendDtmf(String callId, String digits);

    /** The audio figures of an active call (empty when the call is not active). */
    CompletableFuture<java.util.Optional<org.parley.app.call.CallStats>> callStats(String callId);

    /**
     * How loud a call is now (microphone after mute, what is played) and which devices carry it (empty when the
     * call is not active). Cheap: meant to be asked about ten times a second.
     */
    CompletableFuture<java.util.Optional<org.parley.app.call.CallLevels>> callLevels(String callId);

    /**
     * The microphones and speakers present now, asked of the sound system each time (takes a few milliseconds,
     * off the core thread). Empty lists when there is no sound system; never fails for that.
     */
    CompletableFuture<org.parley.app.call.SoundDevices> soundDevices();

    /**
     * The ringing device and what a call during a call does, applied from the next ring and the next incoming call
     * on (initially: the default speaker, and {@code CoreOptions.callWaiting}).
     */
    void setCallPreferences(org.parley.app.call.CallPreferences preferences);

    /**
     * Offers {@code file} to {@code to} from {@code account} (null: the first account) over MSRP (RFC 5547). The
     * file is hashed first (off the core thread); progress and the end arrive as {@link ParleyEvent.FileProgress}
     * and {@link ParleyEvent.FileEnded}.
     *
     * @return the transfer's id, once the offer is on its way; fails with an IllegalArgumentException (user-fit
     *         sentence) for an unreadable file or one the policy forbids
     */
    CompletableFuture<String> sendFile(String account, String to, java.nio.file.Path file);

    /**
     * Accepts an offered file ({@link ParleyEvent.FileOffered}) into {@code directory} (empty: the downloads folder).
     * It is saved only when complete and its SHA-256 matches the offer.
     */
    CompletableFuture<Void> acceptFile(String transferId, java.util.Optional<java.nio.file.Path> directory);

    /**
     * Asks for the rest of a file whose transfer to us broke ({@code FileEnd.Interrupted}): a new offer with the
     * range still missing (RFC 5547 §8); {@link ParleyEvent.FileResumed} follows, then progress and the end under the
     * new id. The whole file's hash is checked at the end.
     *
     * @return the new transfer's id; fails with an IllegalArgumentException (user-fit sentence) when there is no
     *         kept part for {@code transferId}
     */
    CompletableFuture<String> resumeFile(String transferId);

    /** Declines an offered file (603), or cancels a transfer under way, in either direction. */
    void cancelFile(String transferId);

    /** Current registration state of an account. */
    RegistrationState registrationState(String account);

    Profile profile();

    /** Un-registers every account (bounded wait), stops the SIP stacks. Does not close the profile. */
    @Override
    void close();
}
