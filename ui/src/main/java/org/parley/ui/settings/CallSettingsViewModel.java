package org.parley.ui.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.parley.app.Parley;
import org.parley.app.call.CallAudio;
import org.parley.app.call.SoundDevices;
import org.parley.ui.common.Async;
import org.parley.ui.common.I18n;

/**
 * The "Audio and calls" settings: microphone, speaker and ringing device ("System default" first, then what the
 * sound system lists; a chosen device that is not plugged in stays listed as "(not connected)"), and whether a
 * call during a call rings or is answered busy. A change is saved (through the owner's callback) and, once
 * {@link #connect connected}, handed to the core at once; calls read {@link #devices()} when they start.
 *
 * <p>Threading: UI thread only.
 */
public final class CallSettingsViewModel {

    /** One entry of a device list; {@code id} empty is the system default. Shown as its label. */
    public record DeviceChoice(Optional<String> id, String label) {
        public DeviceChoice {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final Async async;
    private final I18n i18n;
    private final Runnable changed;
    private final ObservableList<DeviceChoice> microphones = FXCollections.observableArrayList();
    private final ObservableList<DeviceChoice> speakers = FXCollections.observableArrayList();
    private final ObjectProperty<DeviceChoice> microphone = new SimpleObjectProperty<>();
    private final ObjectProperty<DeviceChoice> speaker = new SimpleObjectProperty<>();
    private final ObjectProperty<DeviceChoice> ringer = new SimpleObjectProperty<>();
    private final BooleanProperty busyWhenInCall = new SimpleBooleanProperty();
    private SoundDevices listed = SoundDevices.none();
    private Parley parley;

    /** @param changed called after each change of a choice (the owner saves the settings) */
    CallSettingsViewModel(CallSettings initial, Async async, I18n i18n, Runnable changed) {
        this.async = async;
        this.i18n = i18n;
        this.changed = changed;
        busyWhenInCall.set(initial.busyWhenInCall());
        microphone.set(choice(initial.microphone(), List.of()));
        speaker.set(choice(initial.speaker(), List.of()));
        ringer.set(choice(initial.ringer(), List.of()));
        rebuildLists();
        for (ObjectProperty<DeviceChoice> p : List.of(microphone, speaker, ringer)) {
            p.addListener((o, was, now) -> {
                if (now == null) {
                    p.set(was); // a combo box clears its value while its items are replaced
                } else if (was == null || !was.id().equals(now.id())) {
                    apply();
                }
            });
        }
        busyWhenInCall.addListener((o, was, now) -> apply());
    }

    /**
     * Hands the current choices to {@code core}; call once, when the core exists. The device lists are filled by
     * {@link #refreshDevices}, which the settings tab calls when it is shown: an idle Parley never opens the sound
     * system (Java Sound, ALSA and its PulseAudio plugin: ~50 classes and ~2 MB of native libraries).
     */
    public void connect(Parley core) {
        this.parley = core;
        core.setCallPreferences(current().preferences());
    }

    /** Asks the sound system again (after a headset was plugged in); does nothing before {@link #connect}. */
    public void refreshDevices() {
        if (parley == null) {
            return;
        }
        async.onUi(parley.soundDevices(), devices -> {
            listed = devices;
            rebuildLists();
        }, e -> { });
    }

    public ObservableList<DeviceChoice> microphones() {
        return microphones;
    }

    /** Speakers, also the choices for the ringing device. */
    public ObservableList<DeviceChoice> speakers() {
        return speakers;
    }

    public ObjectProperty<DeviceChoice> microphoneProperty() {
        return microphone;
    }

    public ObjectProperty<DeviceChoice> speakerProperty() {
        return speaker;
    }

    public ObjectProperty<DeviceChoice> ringerProperty() {
        return ringer;
    }

    /** True: a call during a call is answered busy; false: it rings (call waiting). */
    public BooleanProperty busyWhenInCallProperty() {
        return busyWhenInCall;
    }

    public CallSettings current() {
        return new CallSettings(microphone.get().id(), speaker.get().id(), ringer.get().id(), busyWhenInCall.get());
    }

    /** The microphone and speaker for a call made or answered now. */
    public CallAudio.Devices devices() {
        return current().devices();
    }

    private void apply() {
        changed.run();
        if (parley != null) {
            parley.setCallPreferences(current().preferences());
        }
    }

    /** Replaces the lists; each choice keeps its id (now with the listed name, or marked not connected). */
    private void rebuildLists() {
        DeviceChoice mic = choice(microphone.get().id(), listed.microphones());
        DeviceChoice out = choice(speaker.get().id(), listed.speakers());
        DeviceChoice ring = choice(ringer.get().id(), listed.speakers());
        microphones.setAll(list(listed.microphones(), mic));
        List<DeviceChoice> outs = list(listed.speakers(), out);
        if (!outs.contains(ring)) {
            outs.add(ring);
        }
        speakers.setAll(outs);
        microphone.set(mic);
        speaker.set(out);
        ringer.set(ring);
    }

    private List<DeviceChoice> list(List<SoundDevices.Device> devices, DeviceChoice chosen) {
        List<DeviceChoice> all = new ArrayList<>();
        all.add(systemDefault());
        devices.forEach(d -> all.add(new DeviceChoice(Optional.of(d.id()), label(d, devices))));
        if (!all.contains(chosen)) {
            all.add(chosen);
        }
        return all;
    }

    private DeviceChoice choice(Optional<String> id, List<SoundDevices.Device> devices) {
        if (id.isEmpty()) {
            return systemDefault();
        }
        return devices.stream().filter(d -> d.id().equals(id.get())).findFirst()
                .map(d -> new DeviceChoice(id, label(d, devices)))
                .orElseGet(() -> new DeviceChoice(id, i18n.t("settings.calls.missing", id.get())));
    }

    private DeviceChoice systemDefault() {
        return new DeviceChoice(Optional.empty(), i18n.t("settings.calls.default"));
    }

    /** The device's name; with its id too when another device has the same name. */
    private static String label(SoundDevices.Device d, List<SoundDevices.Device> all) {
        long same = all.stream().filter(x -> x.name().equals(d.name())).count();
        return same > 1 ? d.name() + " (" + d.id() + ")" : d.name();
    }
}
