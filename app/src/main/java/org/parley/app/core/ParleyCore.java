package org.parley.app.core;

import org.parley.app.Parley;
import org.parley.storage.Profile;

/** Creates the core. (Implementation in progress: wires SIP signalling, chat and storage.) */
public final class ParleyCore {
    private ParleyCore() {
    }

    /** Creates a core over an unlocked profile; call {@link Parley#start()} to register. */
    public static Parley open(Profile profile, CoreOptions options) {
        throw new UnsupportedOperationException("ParleyCore is being written");
    }
}
