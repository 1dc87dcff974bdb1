package org.parley.ui.presence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.parley.app.ParleyEvent;
import org.parley.app.presence.Watcher;
import org.parley.ui.common.I18n;

/**
 * "Who watches me": the watchers of the user's presence on every account, as the server reports them
 * (RFC 3857). Rows are sentences ready to show ("bob@example.com — watching (sip:alice@example.com)").
 *
 * <p>Threading: UI thread only.
 */
public final class WatchersViewModel {
    private final I18n i18n;
    private final Map<String, List<Watcher>> byAccount = new LinkedHashMap<>();
    private final ObservableList<String> rows = FXCollections.observableArrayList();

    public WatchersViewModel(I18n i18n) {
        this.i18n = i18n;
    }

    public ObservableList<String> rows() {
        return rows;
    }

    public void onWatchers(ParleyEvent.WatchersChanged event) {
        byAccount.put(event.account(), event.watchers());
        List<String> now = new ArrayList<>();
        byAccount.forEach((account, watchers) -> watchers.forEach(w -> now.add(i18n.t("watchers.row",
                w.uri().replaceFirst("^sips?:", ""), status(w.status()), account))));
        rows.setAll(now);
    }

    private String status(String status) {
        String key = "watchers.status." + status;
        return i18n.has(key) ? i18n.t(key) : status;
    }
}
