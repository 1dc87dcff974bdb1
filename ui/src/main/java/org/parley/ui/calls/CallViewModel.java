package org.parley.ui.calls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.parley.app.Parley;
import org.parley.app.call.CallAudio;
import org.parley.app.call.CallEnd;
import org.parley.app.call.CallState;
import org.parley.app.call.CallStats;
import org.parley.ui.common.Async;
import org.parley.ui.common.ConversationKey;
import org.parley.ui.common.ErrorText;
import org.parley.ui.common.I18n;

/**
 * One live call (or one that ended a moment ago): who, where it stands in words, and the actions on it. State
 * follows the core's events ({@link CallsViewModel} routes them here); actions go to the core and their outcome
 * comes back as events, except local failures, which appear in {@link #errorProperty()}.
 *
 * <p>An outgoing call exists before the core has named it: actions taken until then (mute, hang up) are
 * applied as soon as the id is known.
 *
 * <p>Threading: UI thread only.
 */
public final class CallViewModel {
    /** The keys a keypad may send (RFC 4733 events 0-15). */
    static final String DTMF_KEYS = "0123456789*#ABCD";

    private final Parley parley;
    private final Async async;
    private final I18n i18n;
    private final ErrorText errors;
    private final LiveCallText text;
    private final Clock clock;
    private final ConversationKey key;
    private final boolean outgoing;
    private final ReadOnlyStringWrapper name;
    private final ReadOnlyStringWrapper warning;
    private final ReadOnlyObjectWrapper<CallState> state;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper ended = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper incoming = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper talking = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper held = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty muted = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<CallQuality> quality = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper qualityText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper dialled = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper received = new ReadOnlyStringWrapper("");
    private final StringBuilder receivedDigits = new StringBuilder();
    private final Supplier<CallAudio.Devices> devices;
    private final CallMeters meters;
    private String callId;
    private boolean hangUpWhenKnown;
    private boolean statsPending;
    private Instant answeredAt;
    private Instant endedAt;

    /** @param devices the sound devices chosen now, read when the call is answered here */
    CallViewModel(Parley parley, Async async, I18n i18n, Clock clock, ConversationKey key, String callId,
                  boolean outgoing, String name, String warning, CallState initial,
                  Supplier<CallAudio.Devices> devices) {
        this.parley = parley;
        this.devices = devices;
        this.meters = new CallMeters(parley, async, i18n);
        this.async = async;
        this.i18n = i18n;
        this.errors = new ErrorText(i18n);
        this.text = new LiveCallText(i18n);
        this.clock = clock;
        this.key = key;
        this.callId = callId;
        this.outgoing = outgoing;
        this.name = new ReadOnlyStringWrapper(name);
        this.warning = new ReadOnlyStringWrapper(warning);
        this.state = new ReadOnlyObjectWrapper<>(initial);
        muted.addListener((o, was, now) -> {
            if (this.callId != null && !ended.get()) {
                parley.setMuted(this.callId, now);
            }
        });
        onState(initial);
    }

    // ---- what the views show

    public ConversationKey key() {
        return key;
    }

    /** The core's id, or empty while an outgoing INVITE is being prepared. */
    public Optional<String> callId() {
        return Optional.ofNullable(callId);
    }

    public boolean outgoing() {
        return outgoing;
    }

    /** "bob@example.com". */
    public String address() {
        return key.peerLabel();
    }

    /** The contact list's name; for an unknown caller the name they claim, else the address. */
    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    /** The last state the core reported (kept after the end). */
    public ReadOnlyObjectProperty<CallState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** "Calling…", "Ringing…", "Incoming call", "03:12", "On hold", "Held by Bob"; after the end, why it ended. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty endedProperty() {
        return ended.getReadOnlyProperty();
    }

    /** Ringing here, waiting for answer or decline. */
    public ReadOnlyBooleanProperty incomingProperty() {
        return incoming.getReadOnlyProperty();
    }

    /** Answered and not ended: mute, hold and keypad apply. */
    public ReadOnlyBooleanProperty talkingProperty() {
        return talking.getReadOnlyProperty();
    }

    /** We put the call on hold (not the peer). */
    public ReadOnlyBooleanProperty heldProperty() {
        return held.getReadOnlyProperty();
    }

    /** An answer or hold request is on its way: its button waits. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The microphone is replaced by silence while true; settable (a toggle button binds to it). */
    public BooleanProperty mutedProperty() {
        return muted;
    }

    /** The verdict of the last figures; null while not measured (not active, or no figures yet). */
    public ReadOnlyObjectProperty<CallQuality> qualityProperty() {
        return quality.getReadOnlyProperty();
    }

    /** The verdict in words with the figures ("Connection: good — 0.4 % packet loss, …"), or "". */
    public ReadOnlyStringProperty qualityTextProperty() {
        return qualityText.getReadOnlyProperty();
    }

    /** The caller-identity warning of an incoming call, or "". */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /** The last action that failed here, as a sentence, or "". */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The keys sent from the keypad so far. */
    public ReadOnlyStringProperty dialledProperty() {
        return dialled.getReadOnlyProperty();
    }

    /** The keys the peer pressed during the call ("Received: 1 2 3"), or "" when none. */
    public ReadOnlyStringProperty receivedProperty() {
        return received.getReadOnlyProperty();
    }

    /** Level meters and the device line of this call. */
    public CallMeters meters() {
        return meters;
    }

    // ---- actions

    /** Answers an incoming call with the sound devices chosen in the settings. */
    public void answer() {
        if (!incoming.get() || busy.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        async.onUi(parley.answer(callId, devices.get()), ok -> busy.set(false), e -> {
            busy.set(false);
            error.set(errors.of("call.error.answer", e));
        });
    }

    /** Declines an incoming call (603); the call ends here at once. */
    public void decline() {
        if (!incoming.get()) {
            return;
        }
        parley.hangUp(callId);
        finish(text.end(new CallEnd.Declined(), name.get(), Optional.empty()));
    }

    /** Cancels or hangs up; the end arrives as the core's event. */
    public void hangUp() {
        if (ended.get()) {
            return;
        }
        if (callId == null) {
            hangUpWhenKnown = true;
        } else {
            parley.hangUp(callId);
        }
    }

    /** Puts the call on hold, or resumes it; {@link #heldProperty()} follows the core's state event. */
    public void toggleHold() {
        if (!talking.get() || busy.get() || callId == null) {
            return;
        }
        boolean hold = !held.get();
        busy.set(true);
        error.set("");
        async.onUi(parley.hold(callId, hold), done -> {
            busy.set(false);
            if (!done) {
                error.set(i18n.t(hold ? "call.error.hold" : "call.error.resume"));
            }
        }, e -> {
            busy.set(false);
            error.set(errors.of(hold ? "call.error.hold" : "call.error.resume", e));
        });
    }

    /** Sends one key ({@value #DTMF_KEYS}) to the peer; other characters are ignored. */
    public void dtmf(char key) {
        char k = Character.toUpperCase(key);
        if (!talking.get() || callId == null || DTMF_KEYS.indexOf(k) < 0) {
            return;
        }
        dialled.set(dialled.get() + k);
        async.onUi(parley.sendDtmf(callId, String.valueOf(k)), taken -> {
            if (!taken) {
                error.set(i18n.t("call.error.dtmf"));
            }
        }, e -> error.set(errors.of("call.error.dtmf", e)));
    }

    /** About ten times a second while the window shows: new meter levels while the call is active. */
    public void pollLevels() {
        if (callId != null && !ended.get() && state.get() == CallState.ACTIVE) {
            meters.poll(callId);
        }
    }

    // ---- from CallsViewModel

    /** The peer pressed {@code digit}. */
    void onDtmf(char digit) {
        if (ended.get()) {
            return;
        }
        receivedDigits.append(receivedDigits.length() == 0 ? "" : " ").append(digit);
        received.set(i18n.t("call.dtmf.received", receivedDigits.toString()));
    }

    /** The core named this outgoing call. */
    void bind(String id) {
        if (callId != null) {
            return;
        }
        callId = id;
        if (hangUpWhenKnown) {
            parley.hangUp(id);
        } else if (muted.get()) {
            parley.setMuted(id, true);
        }
    }

    boolean unnamed() {
        return callId == null;
    }

    void onState(CallState now) {
        if (ended.get()) {
            return;
        }
        state.set(now);
        if (now == CallState.ACTIVE && answeredAt == null) {
            answeredAt = clock.instant();
        }
        status.set(text.state(now, name.get(), talked()));
        if (now != CallState.ACTIVE) {
            quality.set(null);
            qualityText.set("");
            meters.reset();
        }
        held.set(now == CallState.ON_HOLD);
        talking.set(answeredAt != null);
        incoming.set(now == CallState.INCOMING);
    }

    void onEnded(CallEnd end) {
        if (!ended.get()) {
            finish(text.end(end, name.get(), answeredAt == null ? Optional.empty() : Optional.of(talked())));
        }
    }

    /** The core refused to start the call: {@code failure} in one sentence. */
    void startFailed(Throwable failure) {
        if (!ended.get()) {
            finish(errors.of("call.error.start", failure));
        }
    }

    /** Once a second: the duration, and new figures while active. */
    void tick() {
        if (ended.get() || state.get() != CallState.ACTIVE) {
            return;
        }
        status.set(text.state(CallState.ACTIVE, name.get(), talked()));
        if (callId != null && !statsPending) {
            statsPending = true;
            async.onUi(parley.callStats(callId), stats -> {
                statsPending = false;
                stats.filter(s -> !ended.get() && state.get() == CallState.ACTIVE).ifPresent(this::showStats);
            }, e -> statsPending = false);
        }
    }

    /** Ended, and shown long enough: the call may go. Calls that never got answered here go at once. */
    boolean expired(Duration shownFor) {
        if (!ended.get()) {
            return false;
        }
        return !outgoing && answeredAt == null || !clock.instant().isBefore(endedAt.plus(shownFor));
    }

    private void showStats(CallStats stats) {
        CallQuality q = CallQuality.of(stats);
        quality.set(q);
        qualityText.set(text.qualityDetail(q, stats));
    }

    private Duration talked() {
        return answeredAt == null ? Duration.ZERO : Duration.between(answeredAt, clock.instant());
    }

    /** Ended is set first, so that listeners of the other properties already see the call as ended. */
    private void finish(String sentence) {
        endedAt = clock.instant();
        status.set(sentence);
        ended.set(true);
        busy.set(false);
        incoming.set(false);
        talking.set(false);
        held.set(false);
        quality.set(null);
        qualityText.set("");
        meters.reset();
    }
}
