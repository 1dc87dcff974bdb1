package org.parley.ui.presence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.parley.app.Parley;
import org.parley.app.ParleyEvent;
import org.parley.app.presence.Watcher;
import org.parley.app.presence.WatcherDecision;
import org.parley.ui.common.Async;
import org.parley.ui.common.ErrorText;
import org.parley.ui.common.I18n;

/**
 * "Who watches me": the watchers of the user's presence on every account (from the server's watcher-info, or
 * served by Parley itself in peer-to-peer mode), the requests of new watchers waiting for the user's answer,
 * and the allow/block actions. Decisions go to the core, which keeps them in the profile.
 *
 * <p>Threading: UI thread only.
 */
public final class WatchersViewModel {
    /** One watcher, with a sentence ready to show ("bob@example.com — watching (sip:alice@example.com)"). */
    public record Row(String account, String watcher, String status, String text) {
    }

    /** Someone asks to see the user's presence; {@code text} is the question in words. */
    public record Request(String account, String watcher, String displayName, String text) {
    }

    private final Parley parley;
    private final Async async;
    private final I18n i18n;
    private final Map<String, List<Watcher>> byAccount = new LinkedHashMap<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Request> requests = FXCollections.observableArrayList();
    private final StringProperty error = new SimpleStringProperty("");

    public WatchersViewModel(Parley parley, Async async, I18n i18n) {
        this.parley = parley;
        this.async = async;
        this.i18n = i18n;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** Open questions, oldest first; the main window asks about the first one. */
    public ObservableList<Request> requests() {
        return requests;
    }

    /** The last failure as a sentence, or "". */
    public StringProperty errorProperty() {
        return error;
    }

    public void onWatchers(ParleyEvent.WatchersChanged event) {
        byAccount.put(event.account(), event.watchers());
        List<Row> now = new ArrayList<>();
        byAccount.forEach((account, watchers) -> watchers.forEach(w -> now.add(new Row(account, w.uri(), w.status(),
                i18n.t("watchers.row", plain(w.uri()), status(account, w), account)))));
        rows.setAll(now);
    }

    public void onApprovalNeeded(ParleyEvent.WatcherApprovalNeeded event) {
        boolean known = requests.stream().anyMatch(r -> r.account().equals(event.account())
                && r.watcher().equals(event.watcher()));
        if (!known) {
            String who = event.displayName().isBlank() ? plain(event.watcher())
                    : i18n.t("watchers.request.named", event.displayName(), plain(event.watcher()));
            requests.add(new Request(event.account(), event.watcher(), event.displayName(),
                    i18n.t("watchers.request.text", who, plain(event.account()))));
        }
    }

    public void allow(String account, String watcher) {
        decide(account, watcher, WatcherDecision.ALLOW);
    }

    public void block(String account, String watcher) {
        decide(account, watcher, WatcherDecision.BLOCK);
    }

    /** The user put the question off: it leaves the queue; the watcher stays pending in the list. */
    public void later(Request request) {
        requests.remove(request);
    }

    private void decide(String account, String watcher, WatcherDecision decision) {
        requests.removeIf(r -> r.account().equals(account) && r.watcher().equals(watcher));
        async.run(() -> parley.decideWatcher(account, watcher, decision).join(), ok -> {
            error.set("");
            refreshRows();
        }, failure -> error.set(new ErrorText(i18n).of("watchers.error",
                failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure)));
    }

    private void refreshRows() {
        new ArrayList<>(byAccount.entrySet()).forEach(e -> onWatchers(new ParleyEvent.WatchersChanged(e.getKey(),
                e.getValue())));
    }

    private String status(String account, Watcher w) {
        WatcherDecision d = parley.watcherDecisions(account).get(w.uri());
        String key = d == WatcherDecision.BLOCK ? "watchers.status.blocked" : "watchers.status." + w.status();
        return i18n.has(key) ? i18n.t(key) : w.status();
    }

    private static String plain(String uri) {
        return uri.replaceFirst("^sips?:", "");
    }
}
