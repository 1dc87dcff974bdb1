package org.parley.app.cli;

import java.nio.file.Path;
import org.parley.storage.Profile;
import org.parley.storage.Profiles;
import org.parley.storage.StorageException;

/** {@link ProfileFactory} over the storage module's {@link Profiles}. Stateless. */
final class StorageProfiles implements ProfileFactory {

    @Override
    public boolean exists(Path dir) {
        return Profiles.exists(dir);
    }

    @Override
    public Profile create(Path dir, char[] passphrase) throws StorageException {
        return Profiles.create(dir, passphrase);
    }

    @Override
    public Profile open(Path dir, char[] passphrase) throws StorageException {
        return Profiles.open(dir, passphrase);
    }
}
