package org.parley.storage.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.parley.storage.Direction;
import org.parley.storage.StorageException;
import org.parley.storage.TransferHistoryStore;
import org.parley.storage.TransferRecord;

/** {@link TransferHistoryStore} on the {@code transfers} table (schema step 4). Thread-safe. */
final class SqliteTransferHistoryStore implements TransferHistoryStore {
    private static final String COLUMNS = "id, account, peer, direction, name, size, sha256, outcome, ended_at";
    private static final String INSERT = "INSERT INTO transfers "
            + "(account, peer, direction, name, size, sha256, outcome, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            + "RETURNING id";
    private static final String WITH = "SELECT " + COLUMNS + " FROM transfers WHERE account = ? AND peer = ? "
            + "ORDER BY ended_at DESC, id DESC LIMIT ?";
    private static final String RECENT = "SELECT " + COLUMNS + " FROM transfers ORDER BY ended_at DESC, id DESC LIMIT ?";

    private final WriterThread writer;
    private final ReadPool readers;

    SqliteTransferHistoryStore(WriterThread writer, ReadPool readers) {
        this.writer = writer;
        this.readers = readers;
    }

    @Override
    public CompletableFuture<TransferRecord> record(TransferRecord t) {
        Instant ended = t.ended().truncatedTo(ChronoUnit.MILLIS);
        return writer.submit(session -> {
            PreparedStatement insert = session.prepare(INSERT);
            insert.setString(1, t.account());
            insert.setString(2, t.peer());
            insert.setString(3, t.direction().name());
            insert.setString(4, t.name());
            insert.setLong(5, t.size());
            insert.setString(6, t.sha256());
            insert.setString(7, t.outcome());
            insert.setLong(8, ended.toEpochMilli());
            try (ResultSet rs = insert.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("INSERT returned no id");
                }
                return new TransferRecord(rs.getLong(1), t.account(), t.peer(), t.direction(), t.name(), t.size(),
                        t.sha256(), t.outcome(), ended);
            }
        });
    }

    @Override
    public List<TransferRecord> with(String account, String peer, int limit) throws StorageException {
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
            return rows(query);
        });
    }

    @Override
    public List<TransferRecord> recent(int limit) throws StorageException {
        if (limit <= 0) {
            return List.of();
        }
        return readers.read(session -> {
            PreparedStatement query = session.prepare(RECENT);
            query.setInt(1, limit);
            return rows(query);
        });
    }

    private static List<TransferRecord> rows(PreparedStatement query) throws SQLException {
        List<TransferRecord> result = new ArrayList<>();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                result.add(new TransferRecord(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Direction.valueOf(rs.getString(4)), rs.getString(5), rs.getLong(6), rs.getString(7),
                        rs.getString(8), Instant.ofEpochMilli(rs.getLong(9))));
            }
        }
        return result;
    }
}
