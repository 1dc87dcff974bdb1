package org.parley.app.call;

import java.util.Objects;
import java.util.Optional;

/**
 * What the user chose for calls that the core applies by itself (the microphone and speaker of a call travel
 * with each call as {@link CallAudio}). A value; a change applies to the next ring and the next incoming call.
 *
 * @param ringingDevice the speaker that plays the ring tone (a {@link SoundDevices.Device#id()}); empty: the
 *                      system default. A device that is missing when it should ring falls back to the default.
 * @param callWaiting   a call that comes in during a call rings too; false: it is refused as busy (486)
 */
public record CallPreferences(Optional<String> ringingDevice, boolean callWaiting) {

    public CallPreferences {
        Objects.requireNonNull(ringingDevice, "ringingDevice");
    }

    /** Ring on the default speaker; calls during a call ring. */
    public static CallPreferences defaults() {
        return new CallPreferences(Optional.empty(), true);
    }
}
