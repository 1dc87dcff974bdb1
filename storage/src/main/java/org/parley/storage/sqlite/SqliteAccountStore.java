package org.parley.storage.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.parley.storage.AccountRecord;
import org.parley.storage.AccountStore;
import org.parley.storage.StorageException;

/**
 * {@link AccountStore} on SQLite. Writes block until committed (via the writer thread; calling them on that
 * thread throws IllegalStateException). The password is stored only in this encrypted database. Thread-safe.
 */
final class SqliteAccountStore implements AccountStore {
    private static final String COLUMNS = "aor, auth_user, password, proxy, transport, expires_seconds, "
            + "trust_store_path, pinned_cert_sha256, dial_plan";
    private static final String UPSERT = "INSERT INTO accounts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (aor) DO UPDATE SET auth_user = excluded.auth_user, password = excluded.password, "
            + "proxy = excluded.proxy, transport = excluded.transport, expires_seconds = excluded.expires_seconds, "
            + "trust_store_path = excluded.trust_store_path, pinned_cert_sha256 = excluded.pinned_cert_sha256, "
            + "dial_plan = excluded.dial_plan";
    private static final String DELETE = "DELETE FROM accounts WHERE aor = ?";
    private static final String LIST = "SELECT " + COLUMNS + " FROM accounts ORDER BY aor";
    private static final String FIND = "SELECT " + COLUMNS + " FROM accounts WHERE aor = ?";

    private final WriterThread writer;
    private final ReadPool readers;

    SqliteAccountStore(WriterThread writer, ReadPool readers) {
        this.writer = writer;
        this.readers = readers;
    }

    /** A null {@code authUser} is stored as the user part of the AOR. */
    @Override
    public void save(AccountRecord account) throws StorageException {
        Objects.requireNonNull(account.aor(), "aor");
        Objects.requireNonNull(account.password(), "password");
        Objects.requireNonNull(account.transport(), "transport");
        String authUser = account.authUser() != null ? account.authUser() : userPart(account.aor());
        writer.call(session -> {
            PreparedStatement upsert = session.prepare(UPSERT);
            upsert.setString(1, account.aor());
            upsert.setString(2, authUser);
            upsert.setString(3, account.password());
            upsert.setString(4, account.proxy());
            upsert.setString(5, account.transport());
            upsert.setInt(6, account.expiresSeconds());
            upsert.setString(7, account.trustStorePath());
            upsert.setString(8, account.pinnedCertSha256());
            upsert.setString(9, account.dialPlan());
            return upsert.executeUpdate();
        });
    }

    @Override
    public boolean remove(String aor) throws StorageException {
        Objects.requireNonNull(aor, "aor");
        return writer.call(session -> {
            PreparedStatement delete = session.prepare(DELETE);
            delete.setString(1, aor);
            return delete.executeUpdate() > 0;
        });
    }

    @Override
    public List<AccountRecord> list() throws StorageException {
        return readers.read(session -> readAccounts(session.prepare(LIST)));
    }

    @Override
    public Optional<AccountRecord> find(String aor) throws StorageException {
        Objects.requireNonNull(aor, "aor");
        return readers.read(session -> {
            PreparedStatement query = session.prepare(FIND);
            query.setString(1, aor);
            return readAccounts(query).stream().findFirst();
        });
    }

    /** "sip:alice@example.com" → "alice"; an AOR without user part is used whole. */
    static String userPart(String aor) {
        String s = aor.replaceFirst("^(?i)sips?:", "");
        int at = s.indexOf('@');
        return at > 0 ? s.substring(0, at) : s;
    }

    private static List<AccountRecord> readAccounts(PreparedStatement query) throws SQLException {
        List<AccountRecord> result = new ArrayList<>();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                result.add(new AccountRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9)));
            }
        }
        return result;
    }
}
