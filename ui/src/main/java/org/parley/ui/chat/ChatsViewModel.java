package org.parley.ui.chat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.parley.app.Parley;
import org.parley.app.ParleyEvent;
import org.parley.ui.common.Async;
import org.parley.ui.common.ConversationKey;
import org.parley.ui.common.I18n;

/**
 * The open conversations (one tab each) and what outlives a tab: drafts and mute, per conversation, for the
 * lifetime of the window (they are not stored in the profile). Routes message and typing events to the open
 * conversation they belong to.
 *
 * <p>Threading: UI thread only.
 */
public final class ChatsViewModel {
    private final Parley parley;
    private final Async async;
    private final I18n i18n;
    private final Function<ConversationKey, String> names;
    private final ObservableList<ConversationViewModel> open = FXCollections.observableArrayList();
    private final ObjectProperty<ConversationViewModel> selected = new SimpleObjectProperty<>();
    private final Map<ConversationKey, String> drafts = new HashMap<>();
    private final Set<ConversationKey> muted = new HashSet<>();

    /** @param names display name of a conversation's peer (contact name or address) */
    public ChatsViewModel(Parley parley, Async async, I18n i18n, Function<ConversationKey, String> names) {
        this.parley = parley;
        this.async = async;
        this.i18n = i18n;
        this.names = names;
    }

    public ObservableList<ConversationViewModel> open() {
        return open;
    }

    public ObjectProperty<ConversationViewModel> selectedProperty() {
        return selected;
    }

    /** Opens (or selects) the conversation; a new one shows its newest page. */
    public ConversationViewModel open(ConversationKey key) {
        ConversationViewModel vm = find(key).orElseGet(() -> {
            ConversationViewModel created = new ConversationViewModel(key, parley, async, i18n);
            created.titleProperty().set(names.apply(key));
            created.restoreDraft(drafts.getOrDefault(key, ""));
            created.mutedProperty().set(muted.contains(key));
            created.mutedProperty().addListener((o, a, now) -> {
                if (now) {
                    muted.add(key);
                } else {
                    muted.remove(key);
                }
            });
            created.loadOlder();
            open.add(created);
            return created;
        });
        selected.set(vm);
        return vm;
    }

    /** Closes a tab; its draft is kept for when it is opened again. */
    public void close(ConversationViewModel vm) {
        if (vm.draftProperty().get().isBlank()) {
            drafts.remove(vm.key());
        } else {
            drafts.put(vm.key(), vm.draftProperty().get());
        }
        open.remove(vm);
    }

    public Optional<ConversationViewModel> find(ConversationKey key) {
        return open.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    public boolean isMuted(ConversationKey key) {
        return muted.contains(key);
    }

    /** The conversation shown in front, if any. */
    public Optional<ConversationKey> selectedKey() {
        return Optional.ofNullable(selected.get()).map(ConversationViewModel::key);
    }

    public void onEvent(ParleyEvent event) {
        if (event instanceof ParleyEvent.MessageReceived m) {
            find(key(m.account(), m.from())).ifPresent(c -> c.onReceived(m));
        } else if (event instanceof ParleyEvent.MessageStateChanged s) {
            find(key(s.account(), s.to())).ifPresent(c -> c.onStateChanged(s));
        } else if (event instanceof ParleyEvent.TypingChanged t) {
            find(key(t.account(), t.peer())).ifPresent(c -> c.onTyping(t));
        }
    }

    /** Renames open tabs after the contact list changed. */
    public void refreshTitles() {
        open.forEach(c -> c.titleProperty().set(names.apply(c.key())));
    }

    private static ConversationKey key(String account, String peer) {
        try {
            return ConversationKey.of(account, peer);
        } catch (IllegalArgumentException e) {
            return new ConversationKey(account, peer);
        }
    }
}
