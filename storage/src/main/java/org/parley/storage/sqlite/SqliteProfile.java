package org.parley.storage.sqlite;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import org.parley.storage.AccountStore;
import org.parley.storage.CallHistoryStore;
import org.parley.storage.ContactStore;
import org.parley.storage.CorruptProfileException;
import org.parley.storage.HistoryStore;
import org.parley.storage.PreferenceStore;
import org.parley.storage.Profile;
import org.parley.storage.ProfileClosedException;
import org.parley.storage.StorageException;
import org.parley.storage.crypto.Argon2KeyWrap;
import org.parley.storage.crypto.Argon2Params;
import org.parley.storage.crypto.KeyFile;
import org.parley.storage.crypto.PrivateFiles;
import org.parley.storage.crypto.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open profile: one {@link WriterThread} (owning the write connection), a {@link ReadPool} and the stores
 * on top. Thread-safe. {@link #close} drains queued writes, closes every connection and wipes the key; after
 * it, reads throw and writes fail with {@link ProfileClosedException}.
 */
final class SqliteProfile implements Profile {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteProfile.class);
    private static final int READ_CONNECTIONS = 4;

    private final ProfileLayout layout;
    private final ConnectionFactory connections;
    private final Checkpointer checkpointer;
    private final WriterThread writer;
    private final ReadPool readers;
    private final SqliteHistoryStore history;
    private final SqliteAccountStore accounts;
    private final SqliteContactStore contacts;
    private final SqlitePreferenceStore preferences;
    private final SqliteCallHistoryStore calls;
    private final SqliteTransferHistoryStore transfers;
    private final Object keyLock = new Object();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Takes ownership of {@code connections} and of {@code writeConnection} (migrated, in WAL mode). If this
     * throws, nothing was started and the caller still owns both.
     */
    SqliteProfile(ProfileLayout layout, ConnectionFactory connections, Connection writeConnection)
            throws SQLException {
        this.layout = layout;
        this.connections = connections;
        this.checkpointer = new Checkpointer(connections.openCheckpointer(), "parley-storage-checkpoint");
        this.writer = new WriterThread(new SqlSession(writeConnection), "parley-storage-writer",
                checkpointer::committed);
        this.readers = new ReadPool(connections, READ_CONNECTIONS);
        this.history = new SqliteHistoryStore(writer, readers);
        this.accounts = new SqliteAccountStore(writer, readers);
        this.contacts = new SqliteContactStore(writer, readers);
        this.preferences = new SqlitePreferenceStore(writer, readers);
        this.calls = new SqliteCallHistoryStore(writer, readers);
        this.transfers = new SqliteTransferHistoryStore(writer, readers);
    }

    @Override
    public HistoryStore history() {
        return history;
    }

    @Override
    public AccountStore accounts() {
        return accounts;
    }

    @Override
    public ContactStore contacts() {
        return contacts;
    }

    @Override
    public PreferenceStore preferences() {
        return preferences;
    }

    @Override
    public org.parley.storage.TransferHistoryStore transfers() {
        return transfers;
    }

    @Override
    public CallHistoryStore calls() {
        return calls;
    }

    /**
     * Verifies {@code current} against the key file on disk, then atomically replaces the key file with the same
     * database key wrapped under {@code next} (new salt and nonce). The database is not touched. If writing
     * fails, the old key file (and passphrase) stays valid. Blocks for two Argon2id runs.
     */
    @Override
    public void changePassphrase(char[] current, char[] next) throws StorageException {
        Objects.requireNonNull(current, "current");
        SqliteProfiles.requireUsablePassphrase(next);
        synchronized (keyLock) {
            if (closed.get()) {
                throw new ProfileClosedException();
            }
            if (!connections.encrypted()) {
                throw new StorageException("This profile is not encrypted.");
            }
            byte[] key = Argon2KeyWrap.unwrap(KeyFile.read(layout.keyFile()), current);
            try {
                if (!connections.hasKey(key)) {
                    throw new CorruptProfileException("The profile key file was replaced while the profile was open.");
                }
                KeyFile rewrapped = Argon2KeyWrap.wrap(key, next, Argon2Params.DEFAULT, SqliteProfiles.Random.INSTANCE);
                PrivateFiles.replace(layout.keyFile(), rewrapped.encode());
            } catch (IOException e) {
                throw new StorageException("The new passphrase could not be saved; the old one still works.", e);
            } finally {
                Secrets.wipe(key);
            }
        }
        LOG.info("Passphrase of profile {} changed", layout.dir());
    }

    /** Idempotent; blocks until queued writes are committed (unless called on the writer thread). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        writer.close();
        checkpointer.close();
        readers.close();
        synchronized (keyLock) {
            connections.close();
        }
        LOG.info("Closed profile {}", layout.dir());
    }
}
