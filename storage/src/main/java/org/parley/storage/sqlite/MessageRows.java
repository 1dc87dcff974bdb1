package org.parley.storage.sqlite;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import org.parley.storage.DeliveryState;
import org.parley.storage.Direction;
import org.parley.storage.MessageRecord;

/** Column list and row mapping of the messages table. Stateless. */
final class MessageRows {
    /** Select list; prefix with the table alias {@code m}. Column order is what {@link #read} expects. */
    static final String COLUMNS = "m.id, m.account, m.peer, m.direction, m.body, m.created_at, m.state, "
            + "m.state_reason, m.sip_key";
    static final int COLUMN_COUNT = 9;

    private MessageRows() {
    }

    static MessageRecord read(ResultSet rs) throws SQLException {
        return new MessageRecord(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                Direction.valueOf(rs.getString(4)),
                rs.getString(5),
                Instant.ofEpochMilli(rs.getLong(6)),
                DeliveryState.valueOf(rs.getString(7)),
                rs.getString(8),
                rs.getString(9));
    }
}
