package org.parley.storage.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.parley.storage.CorruptProfileException;
import org.parley.storage.StorageException;
import org.parley.storage.UnsupportedProfileException;

/**
 * The schema as an ordered list of steps; {@code PRAGMA user_version} records the last step applied. All
 * pending steps and the version bump run in one transaction, so a crash leaves the old or the new schema.
 * Steps are append-only: never edit a released step, add a new one. Run only on the write connection,
 * before the writer thread starts.
 */
final class Migrations {

    record Step(int version, List<String> statements) {
    }

    static final List<Step> STEPS = List.of(new Step(1, List.of(
            """
            CREATE TABLE accounts (
                aor                TEXT PRIMARY KEY NOT NULL,
                auth_user          TEXT NOT NULL,
                password           TEXT NOT NULL,
                proxy              TEXT,
                transport          TEXT NOT NULL,
                expires_seconds    INTEGER NOT NULL,
                trust_store_path   TEXT,
                pinned_cert_sha256 TEXT
            )""",
            """
            CREATE TABLE contacts (
                account    TEXT NOT NULL,
                address    TEXT NOT NULL,
                name       TEXT,
                group_name TEXT,
                PRIMARY KEY (account, address)
            )""",
            """
            CREATE TABLE conversations (
                account         TEXT NOT NULL,
                peer            TEXT NOT NULL,
                last_activity   INTEGER NOT NULL,
                last_message_id INTEGER NOT NULL,
                PRIMARY KEY (account, peer)
            )""",
            "CREATE INDEX conversations_recent ON conversations (account, last_activity DESC)",
            """
            CREATE TABLE messages (
                id           INTEGER PRIMARY KEY AUTOINCREMENT,
                account      TEXT NOT NULL,
                peer         TEXT NOT NULL,
                direction    TEXT NOT NULL CHECK (direction IN ('IN', 'OUT')),
                body         TEXT NOT NULL,
                created_at   INTEGER NOT NULL,
                state        TEXT NOT NULL
                             CHECK (state IN ('QUEUED', 'SENT', 'STORED_OFFLINE', 'FAILED', 'RECEIVED')),
                state_reason TEXT,
                sip_key      TEXT NOT NULL,
                UNIQUE (account, sip_key)
            )""",
            "CREATE INDEX messages_by_peer ON messages (account, peer, id)",
            // The outbox: only QUEUED outgoing rows are indexed, so it stays tiny however long the history.
            "CREATE INDEX messages_outbox ON messages (account, id) WHERE state = 'QUEUED' AND direction = 'OUT'",
            """
            CREATE VIRTUAL TABLE messages_fts USING fts5 (
                body, content = 'messages', content_rowid = 'id',
                tokenize = 'unicode61 remove_diacritics 2'
            )""",
            // FTS5 writes index leaves of ~1000 bytes; on 1 KiB pages (992 usable with the cipher's 32 reserved
            // bytes) those would all spill to overflow pages, doubling the reads per leaf.
            "INSERT INTO messages_fts (messages_fts, rank) VALUES ('pgsz', 800)",
            """
            CREATE TRIGGER messages_after_insert AFTER INSERT ON messages BEGIN
                INSERT INTO messages_fts (rowid, body) VALUES (new.id, new.body);
                INSERT INTO conversations (account, peer, last_activity, last_message_id)
                    VALUES (new.account, new.peer, new.created_at, new.id)
                    ON CONFLICT (account, peer) DO UPDATE
                    SET last_activity = max(last_activity, excluded.last_activity),
                        last_message_id = excluded.last_message_id;
            END""",
            """
            CREATE TRIGGER messages_after_delete AFTER DELETE ON messages BEGIN
                INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', old.id, old.body);
            END""",
            """
            CREATE TRIGGER messages_after_update_body AFTER UPDATE OF body ON messages BEGIN
                INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', old.id, old.body);
                INSERT INTO messages_fts (rowid, body) VALUES (new.id, new.body);
            END""")), new Step(2, List.of(
            "CREATE TABLE preferences (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID")),
            new Step(3, List.of(
            """
            CREATE TABLE calls (
                id          INTEGER PRIMARY KEY AUTOINCREMENT,
                account     TEXT NOT NULL,
                peer        TEXT NOT NULL,
                direction   TEXT NOT NULL CHECK (direction IN ('IN', 'OUT')),
                started_at  INTEGER NOT NULL,
                answered_at INTEGER,
                ended_at    INTEGER NOT NULL,
                end_reason  TEXT NOT NULL,
                codec       TEXT NOT NULL
            )""",
            // Serves "recent calls" (a backwards scan) and the missed count since an instant (a range).
            "CREATE INDEX calls_recent ON calls (started_at, id)",
            "CREATE INDEX calls_by_peer ON calls (account, peer, started_at, id)")),
            new Step(4, List.of(
            """
            CREATE TABLE transfers (
                id        INTEGER PRIMARY KEY AUTOINCREMENT,
                account   TEXT NOT NULL,
                peer      TEXT NOT NULL,
                direction TEXT NOT NULL CHECK (direction IN ('IN', 'OUT')),
                name      TEXT NOT NULL,
                size      INTEGER NOT NULL,
                sha256    TEXT NOT NULL,
                outcome   TEXT NOT NULL,
                ended_at  INTEGER NOT NULL
            )""",
            "CREATE INDEX transfers_by_peer ON transfers (account, peer, ended_at, id)",
            "CREATE INDEX transfers_recent ON transfers (ended_at, id)")),
            // An account's dial plan (text, see AccountRecord); NULL for accounts saved before, meaning "none".
            new Step(5, List.of("ALTER TABLE accounts ADD COLUMN dial_plan TEXT")));

    private Migrations() {
    }

    static int latest() {
        return STEPS.get(STEPS.size() - 1).version();
    }

    /**
     * Brings the schema up to {@link #latest()}.
     *
     * @param fresh true only for a database Parley has just created; an existing profile whose database has no
     *              schema is damaged, and is reported rather than silently re-created
     * @return the schema version found before migrating
     */
    static int migrate(Connection connection, boolean fresh) throws SQLException, StorageException {
        int current = check(connection, fresh);
        if (current == latest()) {
            return current;
        }
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                for (Step step : STEPS) {
                    if (step.version() > current) {
                        for (String sql : step.statements()) {
                            s.execute(sql);
                        }
                    }
                }
                s.execute("PRAGMA user_version = " + latest());
                s.execute("COMMIT");
            } catch (SQLException e) {
                rollbackQuietly(s);
                throw e;
            }
        }
        return current;
    }

    /**
     * Read-only check that this schema can be opened; run it before anything is written to the database.
     *
     * @return the schema version found
     */
    static int check(Connection connection, boolean fresh) throws SQLException, StorageException {
        int current = userVersion(connection);
        if (current == 0 && !fresh) {
            throw new CorruptProfileException("The profile database is empty.");
        }
        if (current > latest()) {
            throw new UnsupportedProfileException();
        }
        return current;
    }

    static int userVersion(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static void rollbackQuietly(Statement s) {
        try {
            s.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // SQLite may already have rolled back (I/O errors); nothing else to undo.
        }
    }
}
