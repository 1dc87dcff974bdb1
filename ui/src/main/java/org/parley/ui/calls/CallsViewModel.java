package org.parley.ui.calls;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.parley.app.Parley;
import org.parley.app.ParleyEvent;
import org.parley.app.call.CallAudio;
import org.parley.app.call.CallState;
import org.parley.ui.common.Async;
import org.parley.ui.common.ConversationKey;
import org.parley.ui.common.I18n;

/**
 * Every live call of the app, and calls that ended a moment ago ({@link #SHOWN_AFTER_END}, so their end reason
 * can be read). Starts calls, routes the core's call events to the right {@link CallViewModel}, and drives the
 * once-a-second work (duration, quality figures, dropping ended calls) through {@link #tick()}, which the view
 * calls from a timer while {@link #calls()} is not empty.
 *
 * <p>Threading: UI thread only; {@link #onEvent} is called by the main view-model's listener.
 */
public final class CallsViewModel {
    /** How long an ended call stays listed with its end reason. */
    public static final Duration SHOWN_AFTER_END = Duration.ofSeconds(4);

    private final Parley parley;
    private final Async async;
    private final I18n i18n;
    private final Function<ConversationKey, String> names;
    private final Clock clock;
    private final LiveCallText text;
    private final ObservableList<CallViewModel> calls = FXCollections.observableArrayList();
    private final Supplier<CallAudio.Devices> devices;

    /** Calls with the system's default microphone and speaker. */
    public CallsViewModel(Parley parley, Async async, I18n i18n, Function<ConversationKey, String> names) {
        this(parley, async, i18n, names, CallAudio.Devices::defaults);
    }

    /**
     * @param names   display name of a peer (the contact list's {@code nameOf}); called on the UI thread
     * @param devices the microphone and speaker chosen now (the settings); read on the UI thread for each call
     *                made or answered
     */
    public CallsViewModel(Parley parley, Async async, I18n i18n, Function<ConversationKey, String> names,
                          Supplier<CallAudio.Devices> devices) {
        this(parley, async, i18n, names, devices, Clock.systemUTC());
    }

    /** @param clock measures durations and how long ended calls stay */
    CallsViewModel(Parley parley, Async async, I18n i18n, Function<ConversationKey, String> names, Clock clock) {
        this(parley, async, i18n, names, CallAudio.Devices::defaults, clock);
    }

    CallsViewModel(Parley parley, Async async, I18n i18n, Function<ConversationKey, String> names,
                   Supplier<CallAudio.Devices> devices, Clock clock) {
        this.devices = devices;
        this.parley = parley;
        this.async = async;
        this.i18n = i18n;
        this.names = names;
        this.clock = clock;
        this.text = new LiveCallText(i18n);
    }

    /** Live calls, then ended ones until they expire; oldest first. */
    public ObservableList<CallViewModel> calls() {
        return calls;
    }

    /**
     * Calls the peer of {@code key} from its account with the chosen sound devices. A call to the same
     * conversation that is still going is returned instead of a second one.
     */
    public CallViewModel call(ConversationKey key) {
        Optional<CallViewModel> going = calls.stream()
                .filter(c -> c.key().equals(key) && !c.endedProperty().get()).findFirst();
        if (going.isPresent()) {
            return going.get();
        }
        CallViewModel c = new CallViewModel(parley, async, i18n, clock, key, null, true, names.apply(key), "",
                CallState.CALLING, devices);
        add(c);
        try {
            async.onUi(parley.call(key.account(), key.peer(), devices.get()), c::bind,
                    c::startFailed);
        } catch (IllegalArgumentException e) {
            c.startFailed(e);
        }
        return c;
    }

    /** Core call events (keys the peer pressed included); others are ignored. */
    public void onEvent(ParleyEvent event) {
        if (event instanceof ParleyEvent.CallIncoming in) {
            if (find(in.callId()).isEmpty()) {
                ConversationKey key = key(in.account(), in.from());
                String name = !in.contactName().isBlank() ? in.contactName()
                        : !in.displayName().isBlank() ? in.displayName().strip() : key.peerLabel();
                add(new CallViewModel(parley, async, i18n, clock, key, in.callId(), false, name,
                        text.warning(in.displayName(), in.contactName(), in.nameMismatch()), CallState.INCOMING,
                        devices));
            }
        } else if (event instanceof ParleyEvent.CallStateChanged s) {
            Optional<CallViewModel> c = find(s.callId()).or(() -> unnamed(s.account(), s.peer(), s.callId()));
            if (c.isPresent()) {
                c.get().onState(s.state());
            } else if (s.state() != CallState.INCOMING) {
                // A call this face did not start (another face of the same core): show it all the same.
                ConversationKey key = key(s.account(), s.peer());
                add(new CallViewModel(parley, async, i18n, clock, key, s.callId(), true, names.apply(key), "",
                        s.state(), devices));
            }
        } else if (event instanceof ParleyEvent.DtmfReceived d) {
            find(d.callId()).ifPresent(c -> c.onDtmf(d.digit()));
        } else if (event instanceof ParleyEvent.CallEnded e) {
            find(e.callId()).or(() -> unnamed(e.account(), e.peer(), e.callId()))
                    .ifPresent(c -> c.onEnded(e.end()));
        }
    }

    /** Once a second: durations and quality of active calls; ended calls whose time is up leave the list. */
    public void tick() {
        List.copyOf(calls).forEach(CallViewModel::tick);
        calls.removeIf(c -> c.expired(SHOWN_AFTER_END));
    }

    /** The call that is going on now (not ringing here, not ended), if any: for menu actions. */
    public Optional<CallViewModel> current() {
        return calls.stream().filter(c -> !c.endedProperty().get() && !c.incomingProperty().get()).findFirst();
    }

    private void add(CallViewModel c) {
        // Calls that end without having been answered here (declined, missed) leave at once; see expired().
        c.endedProperty().addListener((o, was, now) -> {
            if (now && c.expired(SHOWN_AFTER_END)) {
                calls.remove(c);
            }
        });
        calls.add(c);
    }

    private Optional<CallViewModel> find(String callId) {
        return calls.stream().filter(c -> c.callId().filter(callId::equals).isPresent()).findFirst();
    }

    /** An outgoing call still waiting for its id, to the same peer: the event names it. */
    private Optional<CallViewModel> unnamed(String account, String peer, String callId) {
        ConversationKey key = key(account, peer);
        Optional<CallViewModel> c = calls.stream().filter(x -> x.unnamed() && x.key().equals(key)).findFirst();
        c.ifPresent(x -> x.bind(callId));
        return c;
    }

    private static ConversationKey key(String account, String peer) {
        try {
            return ConversationKey.of(account, peer);
        } catch (IllegalArgumentException e) {
            return new ConversationKey(account, peer);
        }
    }
}
