package org.parley.storage.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.parley.storage.crypto.Secrets;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;
import org.sqlite.mc.SQLiteMCChacha20Config;

/**
 * Opens connections to one profile database. Encrypted connections use SQLite3MC's ChaCha20-Poly1305 cipher
 * with the raw 256-bit key ({@code raw:} form: no extra KDF, the key is already random). Connections never
 * create the database file: it is pre-created with owner-only permissions, so a missing file is an error.
 *
 * <p>Ownership: holds a copy of the key until {@link #close()}, which wipes it. The JDBC driver only accepts
 * the key as a String inside its connection properties; those short-lived Strings cannot be wiped (known
 * limitation of the Java binding). Thread-safe: each call opens an independent connection.
 */
final class ConnectionFactory implements AutoCloseable {
    private static final int BUSY_TIMEOUT_MS = 10_000;
    private static final int WRITER_CACHE_KIB = 16 * 1024;
    private static final int READER_CACHE_KIB = 32 * 1024;
    private static final long WAL_SIZE_LIMIT = 64L * 1024 * 1024;
    /**
     * The write connection's own automatic checkpoint (16 MiB of WAL at 1 KiB pages). Normally the
     * {@link Checkpointer} has copied most frames before this is reached; it bounds the WAL if that thread lags
     * and lets SQLite restart the WAL under sustained writing.
     */
    static final int WRITER_AUTOCHECKPOINT_PAGES = 16 * 1024;
    /**
     * Small pages: every page read from disk is decrypted and authenticated as a whole (ChaCha20-Poly1305 runs
     * at roughly 300 MB/s here), and searches read mostly scattered single rows. With 1 KiB pages an encrypted
     * search costs about what an unencrypted one does; with the default 4 KiB it took ~1.5 times as long.
     */
    static final int PAGE_SIZE = 1024;

    private final Path database;
    private final byte[] key;
    private volatile boolean closed;

    private ConnectionFactory(Path database, byte[] key) {
        this.database = database;
        this.key = key;
    }

    /** @param key raw 32-byte database key; copied, the caller keeps (and wipes) its array */
    static ConnectionFactory encrypted(Path database, byte[] key) {
        return new ConnectionFactory(database, key.clone());
    }

    /** Unencrypted connections: for tests and benchmarks only; not reachable from the public API. */
    static ConnectionFactory unencrypted(Path database) {
        return new ConnectionFactory(database, null);
    }

    boolean encrypted() {
        return key != null;
    }

    /** @return true if {@code candidate} is the key this factory opens with (constant time) */
    boolean hasKey(byte[] candidate) {
        return key != null && Secrets.equal(key, candidate);
    }

    /**
     * The write connection, not yet configured: nothing has been written through it, so the caller can check
     * the schema version before anything changes. Call {@link #configureWriter} next.
     */
    Connection openWriter() throws SQLException {
        return open();
    }

    /** Sets the physical layout of a database that has not been written yet; call before anything else. */
    void formatNew(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA page_size = " + PAGE_SIZE);
        }
    }

    /** WAL, synchronous=FULL (a committed transaction survives power loss), autocommit (explicit BEGIN/COMMIT). */
    void configureWriter(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
                if (!rs.next() || !"wal".equalsIgnoreCase(rs.getString(1))) {
                    throw new SQLException("The database cannot use write-ahead logging.");
                }
            }
            s.execute("PRAGMA synchronous = FULL");
            s.execute("PRAGMA journal_size_limit = " + WAL_SIZE_LIMIT);
            s.execute("PRAGMA cache_size = -" + WRITER_CACHE_KIB);
            s.execute("PRAGMA wal_autocheckpoint = " + WRITER_AUTOCHECKPOINT_PAGES);
        }
    }

    /**
     * The connection of the {@link Checkpointer}: it only runs checkpoints (synchronous=FULL, so the database
     * file is synced before the WAL is reused) and never starts a transaction of its own.
     */
    Connection openCheckpointer() throws SQLException {
        Connection connection = open();
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA synchronous = FULL");
            s.execute("PRAGMA wal_autocheckpoint = 0");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** A read connection: query_only, so a bug cannot make it write. */
    Connection openReader() throws SQLException {
        Connection connection = open();
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA query_only = ON");
            s.execute("PRAGMA cache_size = -" + READER_CACHE_KIB);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private Connection open() throws SQLException {
        if (closed) {
            throw new SQLException("connection factory closed");
        }
        SQLiteConfig config = key == null ? new SQLiteConfig()
                : SQLiteMCChacha20Config.getDefault().withRawUnsaltedKey(key).build();
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        Connection connection = config.createConnection("jdbc:sqlite:" + database);
        try (Statement s = connection.createStatement()) {
            // Temporary tables and sort spills would be plaintext files; keep them in memory.
            s.execute("PRAGMA temp_store = MEMORY");
            // Touches page 1: a wrong key or a foreign file fails here (SQLITE_NOTADB), before anything is written.
            s.executeQuery("SELECT count(*) FROM sqlite_schema").close();
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** Wipes the key; connections already open keep working. Idempotent. */
    @Override
    public void close() {
        closed = true;
        Secrets.wipe(key);
    }
}
