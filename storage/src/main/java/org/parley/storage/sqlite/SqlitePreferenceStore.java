package org.parley.storage.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.parley.storage.PreferenceStore;
import org.parley.storage.StorageException;

/** {@link PreferenceStore} on the {@code preferences} table; threading as {@link SqliteAccountStore}. */
final class SqlitePreferenceStore implements PreferenceStore {
    private static final String GET = "SELECT value FROM preferences WHERE key = ?";
    private static final String PUT = "INSERT INTO preferences (key, value) VALUES (?, ?) "
            + "ON CONFLICT (key) DO UPDATE SET value = excluded.value";
    private static final String DELETE = "DELETE FROM preferences WHERE key = ?";
    // Range scan on the primary key: [prefix, prefix + U+FFFF) holds every key that starts with prefix.
    private static final String RANGE = "SELECT key, value FROM preferences WHERE key >= ? AND key < ? ORDER BY key";

    private final WriterThread writer;
    private final ReadPool readers;

    SqlitePreferenceStore(WriterThread writer, ReadPool readers) {
        this.writer = writer;
        this.readers = readers;
    }

    @Override
    public Optional<String> get(String key) throws StorageException {
        Objects.requireNonNull(key, "key");
        return readers.read(session -> {
            PreparedStatement query = session.prepare(GET);
            query.setString(1, key);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }

    @Override
    public void put(String key, String value) throws StorageException {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        writer.call(session -> {
            PreparedStatement upsert = session.prepare(PUT);
            upsert.setString(1, key);
            upsert.setString(2, value);
            return upsert.executeUpdate();
        });
    }

    @Override
    public boolean remove(String key) throws StorageException {
        Objects.requireNonNull(key, "key");
        return writer.call(session -> {
            PreparedStatement delete = session.prepare(DELETE);
            delete.setString(1, key);
            return delete.executeUpdate() > 0;
        });
    }

    @Override
    public Map<String, String> withPrefix(String prefix) throws StorageException {
        Objects.requireNonNull(prefix, "prefix");
        return readers.read(session -> {
            PreparedStatement query = session.prepare(RANGE);
            query.setString(1, prefix);
            query.setString(2, prefix + '\uffff');
            Map<String, String> result = new LinkedHashMap<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getString(1), rs.getString(2));
                }
            }
            return result;
        });
    }
}
