package org.parley.app.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.parley.app.file.FilePolicy;

/**
 * Where received files go and what the administrator allows.
 *
 * @param downloads   the folder received files are saved in (created when missing, owner-only)
 * @param quarantine  where files the scan hook flags are moved (owner-only, never opened by Parley)
 * @param policy      size limit, blocked types, scan command
 * @param scanTimeout how long the scan command may run before the file counts as flagged
 */
public record FileSettings(Path downloads, Path quarantine, FilePolicy policy, Duration scanTimeout) {
    /** The administrator's policy file. */
    public static final Path SYSTEM_POLICY = Path.of("/etc/parley/policy.properties");

    /**
     * {@code ~/Downloads/Parley} (or {@code $XDG_DOWNLOAD_DIR/Parley}), a quarantine under the XDG state directory,
     * and the policy in {@link #SYSTEM_POLICY} when it exists, else {@link FilePolicy#DEFAULT}.
     *
     * @throws IOException when the policy file exists but cannot be read
     * @throws IllegalArgumentException when it is malformed (the message names the key)
     */
    public static FileSettings system() throws IOException {
        Path home = Path.of(System.getProperty("user.home"));
        String xdgDownload = System.getenv("XDG_DOWNLOAD_DIR");
        Path downloads = (xdgDownload != null && !xdgDownload.isBlank() ? Path.of(xdgDownload)
                : home.resolve("Downloads")).resolve("Parley");
        String state = System.getenv("XDG_STATE_HOME");
        Path quarantine = (state != null && !state.isBlank() ? Path.of(state) : home.resolve(".local/state"))
                .resolve("parley/quarantine");
        FilePolicy policy = Files.isRegularFile(SYSTEM_POLICY) ? FilePolicy.load(SYSTEM_POLICY) : FilePolicy.DEFAULT;
        return new FileSettings(downloads, quarantine, policy, Duration.ofMinutes(2));
    }
}
