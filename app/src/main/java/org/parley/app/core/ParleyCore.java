package org.parley.app.core;

import org.parley.app.Parley;
import org.parley.storage.Profile;

/** Creates the core. */
public final class ParleyCore {
    private ParleyCore() {
    }

    /**
     * Creates a core over an unlocked profile; call {@link Parley#start()} to register. The caller keeps
     * ownership of the profile and closes it after the core.
     */
    public static Parley open(Profile profile, CoreOptions options) {
        return new SipParley(profile, options);
    }
}
