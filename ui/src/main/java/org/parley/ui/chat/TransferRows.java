package org.parley.ui.chat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javafx.collections.ObservableList;
import org.parley.ui.files.TransferItem;

/**
 * Places file-transfer rows among a conversation's messages by time. The messages are a window that grows upwards
 * page by page, so a transfer older than the oldest loaded message waits until the page that reaches its time is
 * loaded ({@link #place}); otherwise it would sit above messages that are older than it. UI thread only.
 */
final class TransferRows {
    private final ObservableList<MessageItem> rows;
    private final Map<TransferItem, MessageItem> shown = new HashMap<>();
    private final List<TransferItem> waiting = new ArrayList<>();

    TransferRows(ObservableList<MessageItem> rows) {
        this.rows = rows;
    }

    /** Adds transfers (live or past) and places those the loaded messages reach. */
    void add(List<TransferItem> transfers, boolean allLoaded) {
        for (TransferItem t : transfers) {
            if (!shown.containsKey(t) && !waiting.contains(t)) {
                waiting.add(t);
            }
        }
        place(allLoaded);
    }

    void remove(TransferItem t) {
        waiting.remove(t);
        MessageItem row = shown.remove(t);
        if (row != null) {
            rows.remove(row);
        }
    }

    /** Places the waiting transfers not older than the oldest loaded message (all of them once all are loaded). */
    void place(boolean allLoaded) {
        Instant oldest = rows.stream().filter(r -> r.transfer().isEmpty()).map(MessageItem::at).findFirst()
                .orElse(null);
        for (Iterator<TransferItem> it = waiting.iterator(); it.hasNext(); ) {
            TransferItem t = it.next();
            if (allLoaded || oldest == null || !t.at().isBefore(oldest)) {
                it.remove();
                MessageItem row = MessageItem.of(t);
                shown.put(t, row);
                int at = rows.size();
                while (at > 0 && rows.get(at - 1).at().isAfter(t.at())) {
                    at--;
                }
                rows.add(at, row);
            }
        }
    }
}
