package org.parley.ui.calls;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.parley.storage.CallHistoryStore;
import org.parley.storage.CallRecord;
import org.parley.ui.common.Async;
import org.parley.ui.common.ConversationKey;
import org.parley.ui.common.ErrorText;
import org.parley.ui.common.I18n;

/**
 * The recent calls of every account, newest first (at most {@link #LIMIT}). Reads run in the background; a
 * result that arrives after a newer {@link #refresh} started is dropped. Opening a row opens the conversation
 * with that peer.
 *
 * <p>Threading: UI thread only. {@link #onCallEnded} is meant for the main view-model's {@code CallEnded}
 * handler; the reload shows the call only if its {@code record} future has completed by then (committed),
 * so the core should report the end after recording it.
 */
public final class CallHistoryViewModel {
    public static final int LIMIT = 200;

    private final CallHistoryStore calls;
    private final Async async;
    private final ErrorText errors;
    private final CallText text;
    private final Function<ConversationKey, String> names;
    private final Consumer<ConversationKey> opener;
    private final ObservableList<CallItem> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private long generation;

    /**
     * @param names  display name of a conversation's peer (the contact list's {@code nameOf}); called on the UI
     *               thread
     * @param opener opens a conversation in a chat tab
     */
    public CallHistoryViewModel(CallHistoryStore calls, Async async, I18n i18n,
                                Function<ConversationKey, String> names, Consumer<ConversationKey> opener) {
        this(calls, async, i18n, names, opener, Clock.systemDefaultZone());
    }

    /** @param clock "today" and the zone dates are shown in */
    CallHistoryViewModel(CallHistoryStore calls, Async async, I18n i18n, Function<ConversationKey, String> names,
                         Consumer<ConversationKey> opener, Clock clock) {
        this.calls = calls;
        this.async = async;
        this.errors = new ErrorText(i18n);
        this.text = new CallText(i18n, clock);
        this.names = names;
        this.opener = opener;
    }

    public ObservableList<CallItem> rows() {
        return rows;
    }

    /** The sentence of the last failed read, or "" once a read succeeded. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Reads the recent calls again; the rows are replaced when the read completes. Keeps the rows on failure. */
    public void refresh() {
        long mine = ++generation;
        loading.set(true);
        async.run(() -> toItems(calls.recent(LIMIT)), found -> {
            if (mine == generation) {
                loading.set(false);
                error.set("");
                rows.setAll(found);
            }
        }, e -> {
            if (mine == generation) {
                loading.set(false);
                error.set(errors.of("calls.history.error", e));
            }
        });
    }

    /** A call ended (and was recorded): reload. */
    public void onCallEnded() {
        refresh();
    }

    public void open(CallItem row) {
        opener.accept(row.conversation());
    }

    /** Name of the peer for display (contact name when known). */
    public String nameOf(CallItem row) {
        return names.apply(row.conversation());
    }

    /** "outgoing, 3:12, today 14:05": the row without the name. */
    public String detail(CallItem row) {
        return text.detail(row.call());
    }

    /** "Bob Builder — outgoing, 3:12, today 14:05": the whole row, for screen readers and tooltips. */
    public String sentence(CallItem row) {
        return text.sentence(nameOf(row), row.call());
    }

    /** Runs on the background thread: pure work only. */
    private static List<CallItem> toItems(List<CallRecord> records) {
        return records.stream().map(CallItem::of).toList();
    }
}
