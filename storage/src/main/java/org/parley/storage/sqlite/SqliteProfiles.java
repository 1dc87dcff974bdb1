package org.parley.storage.sqlite;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.parley.storage.Profile;
import org.parley.storage.ProfileExistsException;
import org.parley.storage.StorageException;
import org.parley.storage.crypto.Argon2KeyWrap;
import org.parley.storage.crypto.Argon2Params;
import org.parley.storage.crypto.KeyFile;
import org.parley.storage.crypto.PrivateFiles;
import org.parley.storage.crypto.Secrets;

/**
 * Implementation behind {@link org.parley.storage.Profiles}; use that class. Public only because Java has no
 * friend packages. The unencrypted variants are package-private: tests and benchmarks only.
 */
public final class SqliteProfiles {
    /** Small enough to take a fraction of a real unlock, large enough for the JIT to compile Argon2's core. */
    private static final Argon2Params WARM_UP = new Argon2Params(4096, 1, 1);
    private static volatile boolean warm;

    private SqliteProfiles() {
    }

    /**
     * The shared SecureRandom, created on first use: unlocking needs no randomness, and setting up the JCA
     * providers costs tens of milliseconds in a fresh JVM.
     */
    static final class Random {
        static final SecureRandom INSTANCE = new SecureRandom();

        private Random() {
        }
    }

    public static boolean exists(Path dir) {
        return KeyFile.hasMagic(new ProfileLayout(dir).keyFile());
    }

    /** See {@link org.parley.storage.Profiles#create}. The key file is written last: it marks a complete profile. */
    public static Profile create(Path dir, char[] passphrase) throws StorageException {
        requireUsablePassphrase(passphrase);
        DriverCheck.requireEncryptingDriver();
        ProfileLayout layout = refuseExisting(dir);
        byte[] key = new byte[Argon2KeyWrap.KEY_BYTES];
        Random.INSTANCE.nextBytes(key);
        try {
            KeyFile keyFile = Argon2KeyWrap.wrap(key, passphrase, Argon2Params.DEFAULT, Random.INSTANCE);
            return ProfileBootstrap.create(layout, ConnectionFactory.encrypted(layout.database(), key),
                    () -> PrivateFiles.writeNew(layout.keyFile(), keyFile.encode()));
        } finally {
            Secrets.wipe(key);
        }
    }

    /**
     * See {@link org.parley.storage.Profiles#open}. Nothing is written before the passphrase is verified. The
     * driver check (loading the native library on first use) runs alongside Argon2id; both finish before the
     * database is touched.
     */
    public static Profile open(Path dir, char[] passphrase) throws StorageException {
        Objects.requireNonNull(passphrase, "passphrase");
        CompletableFuture<String> driver = DriverCheck.requireEncryptingDriverAsync();
        ProfileLayout layout = new ProfileLayout(dir);
        KeyFile keyFile = KeyFile.read(layout.keyFile());
        byte[] key = Argon2KeyWrap.unwrap(keyFile, passphrase);
        try {
            DriverCheck.await(driver);
            return ProfileBootstrap.open(layout, ConnectionFactory.encrypted(layout.database(), key));
        } finally {
            Secrets.wipe(key);
        }
    }

    /**
     * See {@link org.parley.storage.Profiles#warmUp}. Runs once per JVM: after a completed warm-up further calls
     * return at once. Calls racing with each other or with {@link #open} are safe (the driver loads once).
     */
    public static void warmUp() throws StorageException {
        if (warm) {
            return;
        }
        DriverCheck.requireEncryptingDriver();
        byte[] key = new byte[Argon2KeyWrap.KEY_BYTES];
        char[] dummy = {'w', 'a', 'r', 'm'};
        Secrets.wipe(Argon2KeyWrap.unwrap(Argon2KeyWrap.wrap(key, dummy, WARM_UP, Random.INSTANCE), dummy));
        warm = true;
    }

    /** An unencrypted profile (no key file): for tests and benchmarks only. */
    static SqliteProfile createUnencrypted(Path dir) throws StorageException {
        ProfileLayout layout = refuseExisting(dir);
        return ProfileBootstrap.create(layout, ConnectionFactory.unencrypted(layout.database()), () -> { });
    }

    /** Opens a profile made by {@link #createUnencrypted}: for tests and benchmarks only. */
    static SqliteProfile openUnencrypted(Path dir) throws StorageException {
        ProfileLayout layout = new ProfileLayout(dir);
        return ProfileBootstrap.open(layout, ConnectionFactory.unencrypted(layout.database()));
    }

    static void requireUsablePassphrase(char[] passphrase) throws StorageException {
        Objects.requireNonNull(passphrase, "passphrase");
        if (passphrase.length == 0) {
            throw new StorageException("The passphrase must not be empty.");
        }
    }

    private static ProfileLayout refuseExisting(Path dir) throws ProfileExistsException {
        ProfileLayout layout = new ProfileLayout(dir);
        if (exists(dir)) {
            throw new ProfileExistsException();
        }
        if (layout.anyFileExists()) {
            throw new ProfileExistsException(
                    "This folder already holds files named like a Parley profile; they were left untouched.");
        }
        return layout;
    }
}
