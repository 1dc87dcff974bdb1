package org.parley.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.parley.storage.DeliveryState;
import org.parley.storage.MessageRecord;

/**
 * Prints history rows for {@code history search} and {@code history show}: aligned human lines (local time,
 * control characters flattened so one message is one line) or, with --json, one object per line.
 * Used on the command's thread only.
 */
final class HistoryPrinter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final ConsoleOutput console;
    private final JsonLineWriter json;
    private final ZoneId zone;

    /** @param json null for human-readable output */
    HistoryPrinter(ConsoleOutput console, JsonLineWriter json, ZoneId zone) {
        this.console = console;
        this.json = json;
        this.zone = zone;
    }

    /** A search hit: time, peer, direction, snippet (matches in [brackets]). */
    void hit(MessageRecord m, String snippet) {
        if (json != null) {
            json.write(base(m).put("snippet", snippet));
        } else {
            console.result(time(m) + "  " + m.peer() + "  " + direction(m) + "  " + oneLine(snippet));
        }
    }

    /** A conversation line: time, direction, text and, for outgoing messages not delivered, their state. */
    void message(MessageRecord m) {
        if (json != null) {
            json.write(base(m).put("text", m.body()));
        } else {
            console.result(time(m) + "  " + direction(m) + "  " + oneLine(m.body()) + stateNote(m));
        }
    }

    private ObjectNode base(MessageRecord m) {
        ObjectNode node = json.object().put("id", m.id()).put("account", m.account()).put("peer", m.peer())
                .put("direction", direction(m)).put("time", m.createdAt().toString())
                .put("state", m.state().name().toLowerCase(Locale.ROOT));
        if (m.stateReason() != null) {
            node.put("reason", m.stateReason());
        }
        return node;
    }

    private String time(MessageRecord m) {
        return TIME.format(m.createdAt().atZone(zone));
    }

    private static String direction(MessageRecord m) {
        return m.direction().name().toLowerCase(Locale.ROOT);
    }

    private static String stateNote(MessageRecord m) {
        if (m.state() == DeliveryState.QUEUED) {
            return "  [queued]";
        }
        if (m.state() == DeliveryState.FAILED) {
            return "  [failed" + (m.stateReason() == null ? "" : ": " + m.stateReason()) + "]";
        }
        return m.state() == DeliveryState.STORED_OFFLINE ? "  [stored for offline delivery]" : "";
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\p{Cntrl}+", " ");
    }
}
