package org.parley.ui.search;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.parley.storage.HistoryStore;
import org.parley.storage.SearchHit;
import org.parley.ui.common.Async;
import org.parley.ui.common.ConversationKey;
import org.parley.ui.common.ErrorText;
import org.parley.ui.common.I18n;

/**
 * Full-text search across all conversations. The query runs in the background; a result that arrives after a
 * newer query was started is dropped. Opening a result opens its conversation.
 *
 * <p>Threading: UI thread only.
 */
public final class SearchViewModel {
    static final int LIMIT = 200;

    private final HistoryStore history;
    private final Async async;
    private final I18n i18n;
    private final ErrorText errors;
    private final Function<ConversationKey, String> names;
    private final Consumer<ConversationKey> opener;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<SearchResult> results = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private long generation;

    public SearchViewModel(HistoryStore history, Async async, I18n i18n, Function<ConversationKey, String> names,
                           Consumer<ConversationKey> opener) {
        this.history = history;
        this.async = async;
        this.i18n = i18n;
        this.errors = new ErrorText(i18n);
        this.names = names;
        this.opener = opener;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<SearchResult> results() {
        return results;
    }

    /** "12 messages found", "Nothing found", or an error sentence. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public void search() {
        String text = query.get().trim();
        long mine = ++generation;
        if (text.isEmpty()) {
            results.clear();
            status.set("");
            return;
        }
        busy.set(true);
        async.run(() -> toResults(history.search(text, LIMIT)), found -> {
            if (mine != generation) {
                return;
            }
            busy.set(false);
            results.setAll(found);
            status.set(found.isEmpty() ? i18n.t("search.none") : i18n.t("search.count", found.size()));
        }, e -> {
            if (mine == generation) {
                busy.set(false);
                results.clear();
                status.set(errors.of("error.search", e));
            }
        });
    }

    public void open(SearchResult result) {
        opener.accept(result.conversation());
    }

    /** Runs on the background thread: only pure work, no properties. */
    private List<SearchResult> toResults(List<SearchHit> hits) {
        List<SearchResult> out = new ArrayList<>(hits.size());
        for (SearchHit h : hits) {
            ConversationKey key = new ConversationKey(h.message().account(), h.message().peer());
            out.add(new SearchResult(key, key.peerLabel(), h.message().createdAt(), h.message().direction(),
                    h.message().id(), Snippet.parse(h.snippet())));
        }
        return out;
    }

    /** Name of the peer for display (contact name when known); UI thread. */
    public String nameOf(SearchResult r) {
        return names.apply(r.conversation());
    }
}
