package org.parley.storage;

/**
 * One user's encrypted data: a directory holding the key file and the SQLite database.
 * Obtain one from {@link Profiles}. Closing stops the writer thread after draining queued writes.
 */
public interface Profile extends AutoCloseable {
    HistoryStore history();

    AccountStore accounts();

    ContactStore contacts();

    PreferenceStore preferences();

    CallHistoryStore calls();

    /** Finished file transfers (what and how, never the content). */
    TransferHistoryStore transfers();

    /** Re-wraps the database key under a new passphrase; the database itself is not rewritten. */
    void changePassphrase(char[] current, char[] next) throws StorageException;

    @Override
    void close();
}
