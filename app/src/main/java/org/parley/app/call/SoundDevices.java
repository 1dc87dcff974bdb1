package org.parley.app.call;

import java.util.List;
import java.util.Objects;

/**
 * The machine's microphones and speakers as the sound system lists them now (devices plugged in or removed since
 * the last listing show up). A value; either list may be empty (no sound system, or none reachable).
 */
public record SoundDevices(List<Device> microphones, List<Device> speakers) {

    public SoundDevices {
        microphones = List.copyOf(microphones);
        speakers = List.copyOf(speakers);
    }

    public static SoundDevices none() {
        return new SoundDevices(List.of(), List.of());
    }

    /**
     * One device.
     *
     * @param id        what to pass back ({@link CallAudio.Devices}, {@link CallPreferences#ringingDevice()})
     * @param name      human-readable text from the driver (may repeat across devices; the id does not)
     * @param isDefault the system's default device for its direction
     */
    public record Device(String id, String name, boolean isDefault) {
        public Device {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
        }
    }
}
