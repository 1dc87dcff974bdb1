package org.parley.app.cli;

import org.parley.app.Parley;
import org.parley.app.core.CoreOptions;
import org.parley.app.core.ParleyCore;
import org.parley.storage.Profile;

/**
 * Opens the core over an unlocked profile. The caller owns the returned {@link Parley}: it calls
 * {@code start()} and, at the end, {@code close()} before closing the profile.
 */
@FunctionalInterface
public interface CoreFactory {

    Parley open(Profile profile, CoreOptions options);

    /** The real core. */
    static CoreFactory real() {
        return ParleyCore::open;
    }
}
