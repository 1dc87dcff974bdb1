package org.parley.storage;

import java.util.List;
import java.util.Optional;

/** SIP accounts. Threading as {@link HistoryStore}; these calls block until committed (they are rare). */
public interface AccountStore {
    /** Inserts or replaces the account with the same AOR. */
    void save(AccountRecord account) throws StorageException;

    /** @return true if an account was removed */
    boolean remove(String aor) throws StorageException;

    List<AccountRecord> list() throws StorageException;

    Optional<AccountRecord> find(String aor) throws StorageException;
}
