package org.parley.app.cli;

import java.nio.file.Path;
import org.parley.storage.Profile;
import org.parley.storage.StorageException;

/**
 * Creates and unlocks profiles; {@link #storage()} is the real encrypted store. An interface only so the
 * CLI has one seam to the storage module. Implementations must not keep the passphrase array: the caller
 * wipes it as soon as the call returns.
 */
public interface ProfileFactory {

    boolean exists(Path dir);

    Profile create(Path dir, char[] passphrase) throws StorageException;

    /** @throws org.parley.storage.WrongPassphraseException when the passphrase does not unlock the profile */
    Profile open(Path dir, char[] passphrase) throws StorageException;

    static ProfileFactory storage() {
        return new StorageProfiles();
    }
}
