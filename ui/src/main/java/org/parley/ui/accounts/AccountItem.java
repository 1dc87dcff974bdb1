package org.parley.ui.accounts;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.parley.app.RegistrationState;
import org.parley.storage.AccountRecord;

/** One account row of the main window: its stored settings and its live registration state. UI thread only. */
public final class AccountItem {
    private final String id;
    private final ObjectProperty<AccountRecord> record = new SimpleObjectProperty<>();
    private final ObjectProperty<RegistrationState> state =
            new SimpleObjectProperty<>(new RegistrationState.Unregistered());
    private final StringProperty stateText = new SimpleStringProperty("");
    private final StringProperty stateBrief = new SimpleStringProperty("");

    /** @param id the normalised AOR, as in core events */
    public AccountItem(String id, AccountRecord record) {
        this.id = id;
        this.record.set(record);
    }

    public String id() {
        return id;
    }

    public ObjectProperty<AccountRecord> recordProperty() {
        return record;
    }

    public ObjectProperty<RegistrationState> stateProperty() {
        return state;
    }

    /** The state as a full sentence (tooltip, screen reader, status bar). */
    public StringProperty stateTextProperty() {
        return stateText;
    }

    /** The state in a few words, for the one line an account row has. */
    public StringProperty stateBriefProperty() {
        return stateBrief;
    }
}
