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
        return new SipParley(profile, options, defaultFiles());
    }

    /** As {@link #open(Profile, CoreOptions)}, with where received files go and the file policy. */
    public static Parley open(Profile profile, CoreOptions options, FileSettings files) {
        return new SipParley(profile, options, files);
    }

    private static FileSettings defaultFiles() {
        try {
            return FileSettings.system();
        } catch (java.io.IOException | IllegalArgumentException e) {
            // A broken policy file must not loosen the policy: refuse every file until it is fixed.
            org.slf4j.LoggerFactory.getLogger(ParleyCore.class).error("file policy {} unusable; files are refused",
                    FileSettings.SYSTEM_POLICY, e);
            java.nio.file.Path home = java.nio.file.Path.of(System.getProperty("user.home"));
            return new FileSettings(home.resolve("Downloads/Parley"), home.resolve(".local/state/parley/quarantine"),
                    new org.parley.app.file.FilePolicy(0, org.parley.app.file.FilePolicy.EXECUTABLES,
                            java.util.Set.of(), java.util.List.of()), java.time.Duration.ofMinutes(2));
        }
    }
}
