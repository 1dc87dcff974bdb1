package org.parley.storage.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection with its prepared statements, cached by SQL text. Not thread-safe: confined to one thread at a
 * time (the writer thread, or the reader that borrowed it from the {@link ReadPool}). Owns the connection.
 */
final class SqlSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqlSession.class);

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    SqlSession(Connection connection) {
        this.connection = connection;
    }

    /** A cached statement; callers set every parameter and close the result sets they open. */
    PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    /** Runs a cached statement without parameters whose result is not needed (BEGIN, COMMIT, SAVEPOINT). */
    void execute(String sql) throws SQLException {
        prepare(sql).execute();
    }

    Connection connection() {
        return connection;
    }

    /** Closes statements and the connection; failures are logged, not thrown. */
    @Override
    public void close() {
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                LOG.debug("Closing a statement failed", e);
            }
        }
        statements.clear();
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing a database connection failed", e);
        }
    }
}
