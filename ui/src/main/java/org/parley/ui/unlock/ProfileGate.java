package org.parley.ui.unlock;

import java.nio.file.Path;
import org.parley.storage.Profile;
import org.parley.storage.Profiles;
import org.parley.storage.StorageException;

/**
 * The one profile directory the desktop app works with. Methods block (key derivation): call them off the UI
 * thread. Passphrase arrays stay owned by the caller.
 */
public interface ProfileGate {

    boolean exists();

    /** Creates the profile; never overwrites one (see {@link Profiles#create}). */
    Profile create(char[] passphrase) throws StorageException;

    Profile open(char[] passphrase) throws StorageException;

    /**
     * Loads what opening needs (database driver, key-derivation code) while the user types, so that unlocking
     * costs only the key derivation itself. Optional; failures show up again, reported, when opening.
     */
    default void warmUp() throws StorageException {
    }

    /** The real gate over {@code dir}. */
    static ProfileGate at(Path dir) {
        return new ProfileGate() {
            @Override
            public boolean exists() {
                return Profiles.exists(dir);
            }

            @Override
            public Profile create(char[] passphrase) throws StorageException {
                return Profiles.create(dir, passphrase);
            }

            @Override
            public Profile open(char[] passphrase) throws StorageException {
                return Profiles.open(dir, passphrase);
            }

            @Override
            public void warmUp() throws StorageException {
                Profiles.warmUp();
            }
        };
    }
}
