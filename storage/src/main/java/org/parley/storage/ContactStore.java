package org.parley.storage;

import java.util.List;

/** The contact list. Threading as {@link AccountStore}. */
public interface ContactStore {
    void save(ContactRecord contact) throws StorageException;

    boolean remove(String account, String address) throws StorageException;

    List<ContactRecord> list(String account) throws StorageException;
}
