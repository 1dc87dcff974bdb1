package org.parley.ui.settings;

import java.util.Objects;
import java.util.Optional;
import org.parley.app.call.CallAudio;
import org.parley.app.call.CallPreferences;

/**
 * The user's choices for calls: sound devices by id (empty: the system default) and what a call during a call
 * does. A value.
 *
 * @param microphone     capture device for calls
 * @param speaker        playback device for calls
 * @param ringer         playback device for the ring tone
 * @param busyWhenInCall a call during a call is answered busy (486) instead of ringing
 */
public record CallSettings(Optional<String> microphone, Optional<String> speaker, Optional<String> ringer,
                           boolean busyWhenInCall) {

    public CallSettings {
        Objects.requireNonNull(microphone, "microphone");
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(ringer, "ringer");
    }

    /** System defaults everywhere; call waiting on. */
    public static CallSettings defaults() {
        return new CallSettings(Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    /** The devices a call made or answered here uses. */
    public CallAudio.Devices devices() {
        return new CallAudio.Devices(microphone, speaker);
    }

    /** What the core applies by itself: the ringing device and call waiting. */
    public CallPreferences preferences() {
        return new CallPreferences(ringer, !busyWhenInCall);
    }
}
