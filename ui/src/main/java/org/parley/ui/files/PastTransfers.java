package org.parley.ui.files;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.parley.storage.Direction;
import org.parley.storage.TransferRecord;
import org.parley.ui.common.ConversationKey;

/**
 * Turns a conversation's stored transfers into history rows, leaving out those this session already shows:
 * the history keeps no transfer id, so a stored transfer is this session's row when direction and name agree and
 * either the row ended with the same outcome within {@link #SAME_END} of the record, or the row is still live
 * and began before the record (the end is on its way to the UI). Each session row stands for one record at most.
 */
final class PastTransfers {
    static final Duration SAME_END = Duration.ofMinutes(1);

    private PastTransfers() {
    }

    /**
     * @param records newest first, as the store gives them
     * @return rows oldest first
     */
    static List<TransferItem> rows(ConversationKey key, List<TransferRecord> records, List<TransferItem> session,
                                   TransferText text, Function<ConversationKey, String> names) {
        Set<TransferItem> used = new HashSet<>();
        List<TransferItem> rows = new ArrayList<>();
        for (int i = records.size() - 1; i >= 0; i--) {
            TransferRecord r = records.get(i);
            TransferItem mine = session.stream().filter(t -> !used.contains(t) && !t.past() && same(t, r))
                    .findFirst().orElse(null);
            if (mine != null) {
                used.add(mine);
                continue;
            }
            boolean out = r.direction() == Direction.OUT;
            TransferItem row = new TransferItem(key, out, r.name(), "", out ? "" : names.apply(key), "", r.ended(),
                    true, TransferPhase.ENDED);
            row.sizeProperty().set(r.size());
            row.sizeTextProperty().set(text.size(r.size()));
            row.sha256Property().set(r.sha256());
            row.outcomeProperty().set(r.outcome());
            row.stateTextProperty().set(text.past(r.outcome(), out));
            row.progressProperty().set(r.outcome().equals("done") ? 1.0 : 0.0);
            rows.add(row);
        }
        return rows;
    }

    private static boolean same(TransferItem row, TransferRecord r) {
        if (row.outgoing() != (r.direction() == Direction.OUT) || !row.name().equals(r.name())) {
            return false;
        }
        if (row.endedAt == null) {
            return !r.ended().isBefore(row.at().minusSeconds(1));
        }
        return row.outcomeProperty().get().equals(r.outcome())
                && Duration.between(row.endedAt, r.ended()).abs().compareTo(SAME_END) <= 0;
    }
}
