package org.parley.ui.contacts;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.parley.app.presence.PresenceState;
import org.parley.storage.ContactRecord;
import org.parley.ui.common.ConversationKey;

/**
 * One row of the contact list: a saved contact, or a peer who wrote to us and is not saved ({@link #saved} false),
 * with the contact's presence as the core last reported it ({@link PresenceState#UNKNOWN} until then).
 * UI thread only.
 */
public final class ContactItem {
    private final ConversationKey key;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty group = new SimpleStringProperty("");
    private final IntegerProperty unread = new SimpleIntegerProperty(0);
    private final BooleanProperty saved = new SimpleBooleanProperty(false);
    private final ObjectProperty<PresenceState> presence = new SimpleObjectProperty<>(PresenceState.UNKNOWN);
    private final StringProperty presenceNote = new SimpleStringProperty("");

    public ContactItem(ConversationKey key) {
        this.key = key;
    }

    static ContactItem of(ContactRecord r) {
        ContactItem item = new ContactItem(ConversationKey.of(r.account(), r.address()));
        item.update(r);
        return item;
    }

    void update(ContactRecord r) {
        name.set(r.name() == null ? "" : r.name());
        group.set(r.group() == null ? "" : r.group());
        saved.set(true);
    }

    public ConversationKey key() {
        return key;
    }

    /** The name, or the address when there is no name. */
    public String displayName() {
        return name.get().isBlank() ? key.peerLabel() : name.get();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty groupProperty() {
        return group;
    }

    public IntegerProperty unreadProperty() {
        return unread;
    }

    public BooleanProperty savedProperty() {
        return saved;
    }

    public ObjectProperty<PresenceState> presenceProperty() {
        return presence;
    }

    /** The contact's presence note, "" when none. */
    public StringProperty presenceNoteProperty() {
        return presenceNote;
    }

    ContactRecord toRecord() {
        return new ContactRecord(key.account(), key.peer(), name.get().isBlank() ? null : name.get(),
                group.get().isBlank() ? null : group.get());
    }
}
