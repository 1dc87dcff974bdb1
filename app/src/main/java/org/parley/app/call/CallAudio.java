package org.parley.app.call;

import java.nio.file.Path;
import java.util.Optional;

/** Where a call's audio comes from and goes to. A value. */
public sealed interface CallAudio {

    /** The sound devices (empty = the default microphone / speaker). */
    record Devices(Optional<String> microphone, Optional<String> speaker) implements CallAudio {
        public static Devices defaults() {
            return new Devices(Optional.empty(), Optional.empty());
        }
    }

    /**
     * Files, for the command line and tests: {@code play} is sent (a WAV file; empty = silence), what the peer
     * sends is written to {@code record} (a WAV file, 48 kHz mono; empty = discarded).
     */
    record Files(Optional<Path> play, Optional<Path> record) implements CallAudio {
    }
}
