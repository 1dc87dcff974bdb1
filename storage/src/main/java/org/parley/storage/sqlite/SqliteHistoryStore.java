package org.parley.storage.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.parley.storage.ConversationRecord;
import org.parley.storage.DeliveryState;
import org.parley.storage.Direction;
import org.parley.storage.HistoryStore;
import org.parley.storage.MessageRecord;
import org.parley.storage.SearchHit;
import org.parley.storage.StorageException;

/**
 * {@link HistoryStore} on SQLite. Writes go through the {@link WriterThread} (group commit); reads through the
 * {@link ReadPool}. Thread-safe. Arguments must not be null (NullPointerException at the call).
 */
final class SqliteHistoryStore implements HistoryStore {
    private static final String INSERT_OUTGOING = "INSERT INTO messages "
            + "(account, peer, direction, body, created_at, state, state_reason, sip_key) "
            + "VALUES (?, ?, 'OUT', ?, ?, 'QUEUED', NULL, ?) RETURNING id";
    private static final String INSERT_INCOMING = "INSERT INTO messages "
            + "(account, peer, direction, body, created_at, state, state_reason, sip_key) "
            + "VALUES (?, ?, 'IN', ?, ?, 'RECEIVED', NULL, ?) ON CONFLICT (account, sip_key) DO NOTHING RETURNING id";
    private static final String UPDATE_STATE =
            "UPDATE messages SET state = ?, state_reason = ? WHERE id = ? AND direction = ?";
    private static final String PENDING = "SELECT " + MessageRows.COLUMNS + " FROM messages m "
            + "WHERE m.account = ? AND m.state = 'QUEUED' AND m.direction = 'OUT' ORDER BY m.id";
    private static final String CONVERSATION = "SELECT " + MessageRows.COLUMNS + " FROM messages m "
            + "WHERE m.account = ? AND m.peer = ? AND m.id < ? ORDER BY m.id DESC LIMIT ?";
    private static final String FIND = "SELECT " + MessageRows.COLUMNS + " FROM messages m WHERE m.id = ?";
    private static final String CONVERSATIONS = "SELECT account, peer, last_activity, last_message_id "
            + "FROM conversations WHERE account = ? ORDER BY last_activity DESC, last_message_id DESC";

    private final WriterThread writer;
    private final ReadPool readers;
    private final FtsSearch search;

    SqliteHistoryStore(WriterThread writer, ReadPool readers) {
        this.writer = writer;
        this.readers = readers;
        this.search = new FtsSearch(readers);
    }

    @Override
    public CompletableFuture<MessageRecord> appendOutgoing(String account, String peer, String body, String sipKey) {
        requireNonNull(account, peer, body, sipKey);
        Instant now = now();
        return writer.submit(session -> {
            long id = insert(session.prepare(INSERT_OUTGOING), account, peer, body, now, sipKey)
                    .orElseThrow(() -> new SQLException("INSERT returned no id"));
            return new MessageRecord(id, account, peer, Direction.OUT, body, now, DeliveryState.QUEUED, null, sipKey);
        });
    }

    @Override
    public CompletableFuture<Optional<MessageRecord>> appendIncoming(String account, String peer, String body,
                                                                     String sipKey) {
        requireNonNull(account, peer, body, sipKey);
        Instant now = now();
        return writer.submit(session -> insert(session.prepare(INSERT_INCOMING), account, peer, body, now, sipKey)
                .map(id -> new MessageRecord(id, account, peer, Direction.IN, body, now, DeliveryState.RECEIVED,
                        null, sipKey)));
    }

    /** Fails with a StorageException if there is no such message or the state does not fit its direction. */
    @Override
    public CompletableFuture<Void> updateState(long id, DeliveryState state, String reason) {
        Objects.requireNonNull(state, "state");
        String storedReason = state == DeliveryState.FAILED ? reason : null;
        Direction direction = state == DeliveryState.RECEIVED ? Direction.IN : Direction.OUT;
        return writer.submitDeferringSync(session -> {
            PreparedStatement update = session.prepare(UPDATE_STATE);
            update.setString(1, state.name());
            update.setString(2, storedReason);
            update.setLong(3, id);
            update.setString(4, direction.name());
            if (update.executeUpdate() != 1) {
                throw new StorageException("The message does not exist or cannot take this state.");
            }
            return null;
        });
    }

    @Override
    public List<MessageRecord> pendingOutgoing(String account) throws StorageException {
        Objects.requireNonNull(account, "account");
        return readers.read(session -> {
            PreparedStatement query = session.prepare(PENDING);
            query.setString(1, account);
            return readMessages(query);
        });
    }

    @Override
    public List<MessageRecord> conversation(String account, String peer, long beforeId, int limit)
            throws StorageException {
        requireNonNull(account, peer);
        if (limit <= 0) {
            return List.of();
        }
        return readers.read(session -> {
            PreparedStatement query = session.prepare(CONVERSATION);
            query.setString(1, account);
            query.setString(2, peer);
            query.setLong(3, beforeId);
            query.setInt(4, limit);
            return readMessages(query);
        });
    }

    @Override
    public Optional<MessageRecord> find(long id) throws StorageException {
        return readers.read(session -> {
            PreparedStatement query = session.prepare(FIND);
            query.setLong(1, id);
            return readMessages(query).stream().findFirst();
        });
    }

    @Override
    public List<SearchHit> search(String text, int limit) throws StorageException {
        Objects.requireNonNull(text, "text");
        return search.search(text, limit);
    }

    @Override
    public List<ConversationRecord> conversations(String account) throws StorageException {
        Objects.requireNonNull(account, "account");
        return readers.read(session -> {
            PreparedStatement query = session.prepare(CONVERSATIONS);
            query.setString(1, account);
            List<ConversationRecord> result = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    result.add(new ConversationRecord(rs.getString(1), rs.getString(2),
                            Instant.ofEpochMilli(rs.getLong(3)), rs.getLong(4)));
                }
            }
            return result;
        });
    }

    /** @return the new id, or empty if ON CONFLICT skipped the row */
    private static Optional<Long> insert(PreparedStatement insert, String account, String peer, String body,
                                         Instant createdAt, String sipKey) throws SQLException {
        insert.setString(1, account);
        insert.setString(2, peer);
        insert.setString(3, body);
        insert.setLong(4, createdAt.toEpochMilli());
        insert.setString(5, sipKey);
        try (ResultSet rs = insert.executeQuery()) {
            return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
        }
    }

    private static List<MessageRecord> readMessages(PreparedStatement query) throws SQLException {
        List<MessageRecord> result = new ArrayList<>();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                result.add(MessageRows.read(rs));
            }
        }
        return result;
    }

    /** Stored with millisecond precision; the returned record carries the same value it will read back. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void requireNonNull(String... values) {
        for (String value : values) {
            Objects.requireNonNull(value);
        }
    }
}
