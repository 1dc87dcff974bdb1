package org.parley.storage.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.parley.storage.CallHistoryStore;
import org.parley.storage.CallRecord;
import org.parley.storage.Direction;
import org.parley.storage.StorageException;

/**
 * {@link CallHistoryStore} on the {@code calls} table (schema step 3). Writes go through the {@link WriterThread},
 * reads through the {@link ReadPool}. Thread-safe. Instants are stored as epoch milliseconds.
 */
final class SqliteCallHistoryStore implements CallHistoryStore {
    private static final String COLUMNS =
            "id, account, peer, direction, started_at, answered_at, ended_at, end_reason, codec";
    private static final String INSERT = "INSERT INTO calls "
            + "(account, peer, direction, started_at, answered_at, ended_at, end_reason, codec) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
    private static final String RECENT = "SELECT " + COLUMNS + " FROM calls "
            + "ORDER BY started_at DESC, id DESC LIMIT ?";
    private static final String WITH = "SELECT " + COLUMNS + " FROM calls WHERE account = ? AND peer = ? "
            + "ORDER BY started_at DESC, id DESC LIMIT ?";
    private static final String MISSED = "SELECT count(*) FROM calls "
            + "WHERE started_at >= ? AND direction = 'IN' AND answered_at IS NULL";
    private static final String DELETE = "DELETE FROM calls WHERE id = ?";

    private final WriterThread writer;
    private final ReadPool readers;

    SqliteCallHistoryStore(WriterThread writer, ReadPool readers) {
        this.writer = writer;
        this.readers = readers;
    }

    @Override
    public CompletableFuture<CallRecord> record(String account, String peer, Direction direction, Instant started,
                                                Optional<Instant> answered, Instant ended, String endReason,
                                                String codec) {
        CallRecord row = new CallRecord(0, account, peer, direction, millis(started), answered.map(
                SqliteCallHistoryStore::millis), millis(ended), endReason, codec);
        return writer.submit(session -> {
            PreparedStatement insert = session.prepare(INSERT);
            insert.setString(1, row.account());
            insert.setString(2, row.peer());
            insert.setString(3, row.direction().name());
            insert.setLong(4, row.started().toEpochMilli());
            if (row.answered().isPresent()) {
                insert.setLong(5, row.answered().get().toEpochMilli());
            } else {
                insert.setNull(5, Types.INTEGER);
            }
            insert.setLong(6, row.ended().toEpochMilli());
            insert.setString(7, row.endReason());
            insert.setString(8, row.codec());
            try (ResultSet rs = insert.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("INSERT returned no id");
                }
                return new CallRecord(rs.getLong(1), row.account(), row.peer(), row.direction(), row.started(),
                        row.answered(), row.ended(), row.endReason(), row.codec());
            }
        });
    }

    @Override
    public List<CallRecord> recent(int limit) throws StorageException {
        if (limit <= 0) {
            return List.of();
        }
        return readers.read(session -> {
            PreparedStatement query = session.prepare(RECENT);
            query.setInt(1, limit);
            return readCalls(query);
        });
    }

    @Override
    public List<CallRecord> with(String account, String peer, int limit) throws StorageException {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(peer, "peer");
        if (limit <= 0) {
            return List.of();
        }
        return readers.read(session -> {
            PreparedStatement query = session.prepare(WITH);
            query.setString(1, account);
            query.setString(2, peer);
            query.setInt(3, limit);
            return readCalls(query);
        });
    }

    @Override
    public int missedSince(Instant since) throws StorageException {
        Objects.requireNonNull(since, "since");
        return readers.read(session -> {
            PreparedStatement query = session.prepare(MISSED);
            query.setLong(1, since.toEpochMilli());
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    @Override
    public boolean remove(long id) throws StorageException {
        return writer.call(session -> {
            PreparedStatement delete = session.prepare(DELETE);
            delete.setLong(1, id);
            return delete.executeUpdate() > 0;
        });
    }

    private static List<CallRecord> readCalls(PreparedStatement query) throws SQLException {
        List<CallRecord> result = new ArrayList<>();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                long answered = rs.getLong(6);
                Optional<Instant> answeredAt = rs.wasNull() ? Optional.empty()
                        : Optional.of(Instant.ofEpochMilli(answered));
                result.add(new CallRecord(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Direction.valueOf(rs.getString(4)), Instant.ofEpochMilli(rs.getLong(5)), answeredAt,
                        Instant.ofEpochMilli(rs.getLong(7)), rs.getString(8), rs.getString(9)));
            }
        }
        return result;
    }

    private static Instant millis(Instant instant) {
        return Objects.requireNonNull(instant).truncatedTo(ChronoUnit.MILLIS);
    }
}
