package org.parley.app.call;

import java.util.Objects;
import java.util.Optional;

/**
 * How loud a live call is right now and which devices carry it, for level meters and a device line. Cheap to
 * read (the media threads keep the levels in volatile fields), so a window may ask ten times a second.
 *
 * @param input      peak of the last 20 ms sent, 0.0 (silence) to 1.0 (full scale); 0 while muted
 * @param output     peak of the last 20 ms played, 0.0 to 1.0
 * @param microphone the capture device in use
 * @param speaker    the playback device in use
 */
public record CallLevels(double input, double output, DeviceUse microphone, DeviceUse speaker) {
    /** The level in dBFS reported for silence. */
    public static final double FLOOR_DBFS = -96.0;

    public CallLevels {
        Objects.requireNonNull(microphone, "microphone");
        Objects.requireNonNull(speaker, "speaker");
    }

    public double inputDbfs() {
        return dbfs(input);
    }

    public double outputDbfs() {
        return dbfs(output);
    }

    /** {@code level} (0.0 to 1.0 of full scale) in dBFS, never below {@link #FLOOR_DBFS}. */
    public static double dbfs(double level) {
        return level <= 0 ? FLOOR_DBFS : Math.max(FLOOR_DBFS, 20 * Math.log10(level));
    }

    /**
     * Which device a call uses for one direction, and how that relates to the one chosen.
     *
     * @param kind      how the device in use relates to the one requested
     * @param requested the device id asked for; empty: the system default (or a file)
     * @param inUse     the device id open now; empty while none is open (and for files)
     */
    public record DeviceUse(Kind kind, Optional<String> requested, Optional<String> inUse) {
        public DeviceUse {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(requested, "requested");
            Objects.requireNonNull(inUse, "inUse");
        }

        /** A file or silence: nothing to report. */
        public static DeviceUse notADevice() {
            return new DeviceUse(Kind.AS_REQUESTED, Optional.empty(), Optional.empty());
        }
    }

    /** How the device in use relates to the one requested. */
    public enum Kind {
        /** The requested device (or the default, when the default was requested) is in use. */
        AS_REQUESTED,
        /** The requested device is missing or stopped working; the system default is in use instead. */
        DEFAULT_FALLBACK,
        /** No device could be opened: silence is sent, or what the peer says is dropped; retried every second. */
        NO_DEVICE
    }
}
