package org.parley.ui.contacts;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.parley.storage.ContactRecord;
import org.parley.storage.Profile;
import org.parley.ui.common.Async;
import org.parley.ui.common.ConversationKey;
import org.parley.ui.common.ErrorText;
import org.parley.ui.common.I18n;

/**
 * The contact list of all accounts: filter as you type (name, address, group), sorted by group then name,
 * unread counters. Peers who write and are not saved appear as unsaved rows.
 *
 * <p>Threading: UI thread only; storage writes run on the background executor.
 */
public final class ContactListViewModel {
    private final Profile profile;
    private final Runnable changed;
    private final Async async;
    private final ErrorText errors;
    /**
     * Only what sorting and filtering read fires list updates: a presence or unread change must not re-sort
     * 2,000 rows (the rows' cells listen to those properties themselves).
     */
    private final ObservableList<ContactItem> all = FXCollections.observableArrayList(
            item -> new javafx.beans.Observable[] {item.nameProperty(), item.groupProperty()});
    private final java.util.Map<ConversationKey, ContactItem> byKey = new java.util.HashMap<>();
    private final FilteredList<ContactItem> filtered = new FilteredList<>(all);
    private final SortedList<ContactItem> shown;
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    /** Latest presence per contact, also for rows not (yet) shown: applied when a row is made. */
    private final java.util.Map<ConversationKey, org.parley.app.ParleyEvent.PresenceChanged> presence =
            new java.util.HashMap<>();

    /** @param changed tells the core that the stored contacts changed (presence subscriptions follow the list) */
    public ContactListViewModel(Profile profile, Async async, I18n i18n, Runnable changed) {
        this.profile = profile;
        this.changed = changed;
        this.async = async;
        this.errors = new ErrorText(i18n);
        Collator collator = Collator.getInstance(i18n.locale());
        Comparator<ContactItem> byGroup = Comparator.comparing(c -> c.groupProperty().get(), collator);
        shown = new SortedList<>(filtered, byGroup.thenComparing(ContactItem::displayName, collator));
        filter.addListener((o, a, text) -> filtered.setPredicate(matching(text)));
        all.addListener((javafx.collections.ListChangeListener<ContactItem>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(item -> byKey.remove(item.key(), item));
                c.getAddedSubList().forEach(item -> byKey.put(item.key(), item));
            }
        });
    }

    /** The rows to show: filtered and sorted. */
    public ObservableList<ContactItem> shown() {
        return shown;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * Reads the saved contacts of {@code accounts} (a quick read, done on the UI thread). Rows already shown keep
     * their unread counters; unsaved rows (peers who wrote) stay.
     */
    public void load(List<String> accounts) {
        List<ContactItem> items = new ArrayList<>();
        try {
            for (String account : accounts) {
                for (ContactRecord r : profile.contacts().list(account)) {
                    ContactItem item = ContactItem.of(r);
                    ContactItem existing = find(item.key()).orElse(null);
                    if (existing != null) {
                        existing.update(r);
                        item = existing;
                    }
                    items.add(item);
                }
            }
        } catch (Exception e) {
            error.set(errors.of("error.loadContacts", e));
            return;
        }
        for (ContactItem old : all) {
            if (!old.savedProperty().get() && !items.contains(old)) {
                items.add(old);
            }
        }
        items.forEach(this::showPresence);
        all.setAll(items);
    }

    /**
     * Saves a new or edited contact. Throws IllegalArgumentException (user-fit) for a bad address before
     * anything is stored.
     */
    public void save(ContactRecord record) {
        ConversationKey key = ConversationKey.of(record.account(), record.address());
        ContactRecord normalised = new ContactRecord(key.account(), key.peer(), blankToNull(record.name()),
                blankToNull(record.group()));
        async.run(() -> {
            profile.contacts().save(normalised);
            return normalised;
        }, r -> {
            ContactItem item = find(key).orElseGet(() -> {
                ContactItem created = new ContactItem(key);
                showPresence(created);
                all.add(created);
                return created;
            });
            item.update(r);
            changed.run();
        }, e -> error.set(errors.of("error.saveContact", e)));
    }

    public void remove(ContactItem item) {
        if (!item.savedProperty().get()) {
            all.remove(item);
            return;
        }
        async.run(() -> profile.contacts().remove(item.key().account(), item.key().peer()),
                removed -> {
                    all.remove(item);
                    changed.run();
                }, e -> error.set(errors.of("error.removeContact", e)));
    }

    /** The core reported a contact's presence; rows of other accounts or unknown peers are left alone. */
    public void onPresence(org.parley.app.ParleyEvent.PresenceChanged event) {
        ConversationKey key;
        try {
            key = ConversationKey.of(event.account(), event.contact());
        } catch (IllegalArgumentException e) {
            return;
        }
        presence.put(key, event);
        find(key).ifPresent(this::showPresence);
    }

    private void showPresence(ContactItem item) {
        org.parley.app.ParleyEvent.PresenceChanged known = presence.get(item.key());
        if (known != null) {
            item.presenceProperty().set(known.state());
            item.presenceNoteProperty().set(known.note());
        }
    }

    /** A message arrived in a conversation the user is not looking at. */
    public void countUnread(ConversationKey key) {
        ContactItem item = ensure(key);
        item.unreadProperty().set(item.unreadProperty().get() + 1);
    }

    public void markRead(ConversationKey key) {
        find(key).ifPresent(c -> c.unreadProperty().set(0));
    }

    /** The row for {@code key}, added as unsaved if missing. */
    public ContactItem ensure(ConversationKey key) {
        return find(key).orElseGet(() -> {
            ContactItem created = new ContactItem(key);
            showPresence(created);
            all.add(created);
            return created;
        });
    }

    public Optional<ContactItem> find(ConversationKey key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** Display name for a conversation: the contact's name if saved, else the address. */
    public String nameOf(ConversationKey key) {
        return find(key).map(ContactItem::displayName).orElse(key.peerLabel());
    }

    private static java.util.function.Predicate<ContactItem> matching(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String needle = text.trim().toLowerCase(Locale.ROOT);
        return c -> c.nameProperty().get().toLowerCase(Locale.ROOT).contains(needle)
                || c.key().peer().toLowerCase(Locale.ROOT).contains(needle)
                || c.groupProperty().get().toLowerCase(Locale.ROOT).contains(needle);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
