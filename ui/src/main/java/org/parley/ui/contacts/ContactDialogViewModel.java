package org.parley.ui.contacts;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.parley.storage.ContactRecord;
import org.parley.ui.common.ErrorText;
import org.parley.ui.common.I18n;

/** The add/edit contact form. Validation sets {@link #errorProperty()}. UI thread only. */
public final class ContactDialogViewModel {
    private final ContactListViewModel contacts;
    private final I18n i18n;
    private final List<String> accounts;
    private final boolean editing;
    private final StringProperty account = new SimpleStringProperty("");
    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty group = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    /** @param accounts the account ids to choose from; @param existing the contact being edited, if any */
    public ContactDialogViewModel(ContactListViewModel contacts, I18n i18n, List<String> accounts,
                                  Optional<ContactItem> existing) {
        this.contacts = contacts;
        this.i18n = i18n;
        this.accounts = accounts;
        this.editing = existing.isPresent();
        if (!accounts.isEmpty()) {
            account.set(accounts.get(0));
        }
        existing.ifPresent(c -> {
            account.set(c.key().account());
            address.set(c.key().peer());
            name.set(c.nameProperty().get());
            group.set(c.groupProperty().get());
        });
    }

    public List<String> accounts() {
        return accounts;
    }

    public boolean isEditing() {
        return editing;
    }

    public StringProperty accountProperty() {
        return account;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty groupProperty() {
        return group;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** @return true if the form was valid and the save was started */
    public boolean save() {
        if (account.get() == null || account.get().isBlank()) {
            error.set(i18n.t("contact.error.noAccount"));
            return false;
        }
        try {
            contacts.save(new ContactRecord(account.get(), address.get(), name.get(), group.get()));
            return true;
        } catch (IllegalArgumentException e) {
            error.set(new ErrorText(i18n).input(e));
            return false;
        }
    }
}
