package org.parley.ui.presence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.parley.app.Parley;
import org.parley.app.presence.PresenceState;
import org.parley.storage.PreferenceStore;
import org.parley.ui.common.Async;
import org.parley.ui.common.ErrorText;
import org.parley.ui.common.I18n;

/**
 * The user's own presence: the chosen state and note (kept in the profile and published again at the next
 * start), automatic "away" after a stretch without keyboard or mouse input and "available" again at the next
 * input (only when the user had chosen available), and do-not-disturb, which the notification policy reads.
 *
 * <p>Threading: UI thread only; the view reports input and idle checks with the current time.
 */
public final class PresenceViewModel {
    static final String STATE_KEY = "presence/own-state";
    static final String NOTE_KEY = "presence/own-note";
    /** The states a user can choose (unknown is not a choice). */
    public static final List<PresenceState> CHOICES = List.of(PresenceState.AVAILABLE, PresenceState.AWAY,
            PresenceState.BUSY, PresenceState.DO_NOT_DISTURB, PresenceState.ON_THE_PHONE, PresenceState.IN_A_MEETING,
            PresenceState.OFFLINE);

    private final Parley parley;
    private final Async async;
    private final ErrorText errors;
    private final Duration idleAfter;
    private final ObjectProperty<PresenceState> state = new SimpleObjectProperty<>(PresenceState.AVAILABLE);
    private final StringProperty note = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper autoAway = new ReadOnlyBooleanWrapper(false);
    private Instant lastInput = Instant.EPOCH;

    /** @param idleAfter how long without input before "away" is set automatically */
    public PresenceViewModel(Parley parley, Async async, I18n i18n, Duration idleAfter) {
        this.parley = parley;
        this.async = async;
        this.errors = new ErrorText(i18n);
        this.idleAfter = idleAfter;
    }

    /** Reads the state and note chosen last time and publishes them (call once, after the core started). */
    public void load(Instant now) {
        lastInput = now;
        async.run(() -> {
            PreferenceStore prefs = parley.profile().preferences();
            return new String[] {prefs.get(STATE_KEY).orElse(null), prefs.get(NOTE_KEY).orElse("")};
        }, kept -> {
            PresenceState chosen = parse(kept[0]).orElse(PresenceState.AVAILABLE);
            state.set(chosen);
            note.set(kept[1]);
            publish(chosen, kept[1]);
        }, failure -> {
            errors.of("error.loadPresence", failure);
            publish(PresenceState.AVAILABLE, "");
        });
    }

    public ObjectProperty<PresenceState> stateProperty() {
        return state;
    }

    public StringProperty noteProperty() {
        return note;
    }

    /** True while "away" was set by idleness (not by the user). */
    public ReadOnlyBooleanProperty autoAwayProperty() {
        return autoAway.getReadOnlyProperty();
    }

    public boolean isDoNotDisturb() {
        return state.get() == PresenceState.DO_NOT_DISTURB;
    }

    /** The user chose the state and note now shown: publish and keep them. */
    public void apply() {
        autoAway.set(false);
        PresenceState chosen = state.get();
        String text = note.get().strip();
        publish(chosen, text);
        async.run(() -> {
            PreferenceStore prefs = parley.profile().preferences();
            prefs.put(STATE_KEY, chosen.name());
            prefs.put(NOTE_KEY, text);
            return null;
        }, ok -> { }, failure -> errors.of("error.savePresence", failure));
    }

    /** Keyboard or mouse input happened. Ends an automatic "away". */
    public void onInput(Instant now) {
        lastInput = now;
        if (autoAway.get()) {
            autoAway.set(false);
            state.set(PresenceState.AVAILABLE);
            publish(PresenceState.AVAILABLE, note.get().strip());
        }
    }

    /** Periodic check: sets "away" once the user has been idle long enough while "available". */
    public void onIdleCheck(Instant now) {
        if (state.get() == PresenceState.AVAILABLE && !autoAway.get()
                && Duration.between(lastInput, now).compareTo(idleAfter) >= 0) {
            autoAway.set(true);
            state.set(PresenceState.AWAY);
            publish(PresenceState.AWAY, note.get().strip());
        }
    }

    private void publish(PresenceState s, String text) {
        parley.setPresence(s, text);
    }

    private static Optional<PresenceState> parse(String name) {
        try {
            return name == null ? Optional.empty() : Optional.of(PresenceState.valueOf(name))
                    .filter(CHOICES::contains);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
