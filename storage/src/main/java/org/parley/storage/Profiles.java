package org.parley.storage;

import java.nio.file.Path;

import org.parley.storage.sqlite.SqliteProfiles;

/**
 * Creates and unlocks profiles. A profile directory holds {@code profile.key} (the database key, wrapped
 * under the passphrase with Argon2id + AES-256-GCM) and {@code history.db} (SQLite, encrypted as a whole
 * with SQLite3 Multiple Ciphers, ChaCha20-Poly1305).
 *
 * <p>Threading: all methods block (Argon2id takes tens of milliseconds); call them off the UI thread. They
 * are safe to call from any thread. Passphrase arrays stay owned by the caller: they are read, never kept
 * and never modified, so the caller should clear them after the call.
 *
 * <p>Failure: nothing on disk is changed by a failed {@code open}; a failed {@code create} removes only the
 * files it created itself. Existing files are never overwritten or re-created.
 */
public final class Profiles {
    private Profiles() {
    }

    /**
     * Optional: loads the database driver and lets the JIT compile Argon2id, so that a following {@link #open}
     * takes about 0.1 s instead of about 0.4 s in a fresh JVM. Call it on a background thread at start-up, e.g.
     * while the passphrase is being typed; it blocks that thread for a few tenths of a second of CPU (driver
     * load, one Argon2id run with 4 MiB) and keeps no memory afterwards. Touches no profile. Safe to call from
     * any thread, repeatedly and while {@link #open} runs; once it has completed, further calls return at once.
     *
     * @throws StorageException if the encrypting database driver is missing
     */
    public static void warmUp() throws StorageException {
        SqliteProfiles.warmUp();
    }

    /** @return true if {@code dir} holds a key file written by Parley (the database is not checked) */
    public static boolean exists(Path dir) {
        return SqliteProfiles.exists(dir);
    }

    /**
     * Creates a new profile in {@code dir} (created with owner-only access if missing).
     *
     * @throws ProfileExistsException if a profile, or any file named like one of its files, is already there
     * @throws StorageException       if the encrypting driver is missing or the files cannot be written
     */
    public static Profile create(Path dir, char[] passphrase) throws StorageException {
        return SqliteProfiles.create(dir, passphrase);
    }

    /**
     * Unlocks the profile in {@code dir}.
     *
     * @throws WrongPassphraseException     if the passphrase does not unlock the key file
     * @throws NotAProfileException         if there is no key file or it was not written by Parley
     * @throws CorruptProfileException      if the key file or the database is damaged or missing
     * @throws UnsupportedProfileException  if a newer Parley wrote the profile
     * @throws StorageException             for other failures (driver missing, I/O)
     */
    public static Profile open(Path dir, char[] passphrase) throws StorageException {
        return SqliteProfiles.open(dir, passphrase);
    }
}
