package org.parley.storage.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.parley.storage.ContactRecord;
import org.parley.storage.ContactStore;
import org.parley.storage.StorageException;

/** {@link ContactStore} on SQLite; threading as {@link SqliteAccountStore}. Thread-safe. */
final class SqliteContactStore implements ContactStore {
    private static final String UPSERT = "INSERT INTO contacts (account, address, name, group_name) "
            + "VALUES (?, ?, ?, ?) ON CONFLICT (account, address) DO UPDATE "
            + "SET name = excluded.name, group_name = excluded.group_name";
    private static final String DELETE = "DELETE FROM contacts WHERE account = ? AND address = ?";
    private static final String LIST = "SELECT account, address, name, group_name FROM contacts WHERE account = ? "
            + "ORDER BY coalesce(name, address) COLLATE NOCASE, address";

    private final WriterThread writer;
    private final ReadPool readers;

    SqliteContactStore(WriterThread writer, ReadPool readers) {
        this.writer = writer;
        this.readers = readers;
    }

    /** Inserts or replaces the contact with the same (account, address). */
    @Override
    public void save(ContactRecord contact) throws StorageException {
        Objects.requireNonNull(contact.account(), "account");
        Objects.requireNonNull(contact.address(), "address");
        writer.call(session -> {
            PreparedStatement upsert = session.prepare(UPSERT);
            upsert.setString(1, contact.account());
            upsert.setString(2, contact.address());
            upsert.setString(3, contact.name());
            upsert.setString(4, contact.group());
            return upsert.executeUpdate();
        });
    }

    @Override
    public boolean remove(String account, String address) throws StorageException {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(address, "address");
        return writer.call(session -> {
            PreparedStatement delete = session.prepare(DELETE);
            delete.setString(1, account);
            delete.setString(2, address);
            return delete.executeUpdate() > 0;
        });
    }

    /** Contacts of {@code account} sorted by display name (or address), case-insensitively. */
    @Override
    public List<ContactRecord> list(String account) throws StorageException {
        Objects.requireNonNull(account, "account");
        return readers.read(session -> {
            PreparedStatement query = session.prepare(LIST);
            query.setString(1, account);
            List<ContactRecord> result = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    result.add(new ContactRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return result;
        });
    }
}
