package org.parley.ui.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.parley.app.Parley;
import org.parley.app.ParleyEvent;
import org.parley.app.RegistrationState;
import org.parley.app.SipAddress;
import org.parley.storage.AccountRecord;
import org.parley.ui.common.Async;
import org.parley.ui.common.ErrorText;
import org.parley.ui.common.I18n;

/**
 * The accounts of the profile with their registration states; retry; save and remove (which reload the core).
 *
 * <p>Threading: UI thread only. Registration events arrive through {@link #onRegistration} on the UI thread.
 * Storage calls run on the background executor.
 */
public final class AccountsViewModel {
    private final Parley parley;
    private final Async async;
    private final RegistrationText text;
    private final ErrorText errors;
    private final ObservableList<AccountItem> accounts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    public AccountsViewModel(Parley parley, Async async, I18n i18n) {
        this.parley = parley;
        this.async = async;
        this.text = new RegistrationText(i18n);
        this.errors = new ErrorText(i18n);
    }

    public ObservableList<AccountItem> accounts() {
        return accounts;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public RegistrationText text() {
        return text;
    }

    /** Re-reads the stored accounts (off the UI thread) and takes the core's current state for each. */
    public void refresh() {
        async.run(() -> parley.profile().accounts().list(), this::replaceAll,
                e -> error.set(errors.of("error.loadAccounts", e)));
    }

    private void replaceAll(List<AccountRecord> records) {
        List<AccountItem> items = new ArrayList<>();
        for (AccountRecord r : records) {
            String id = normalise(r.aor());
            AccountItem item = find(id).orElseGet(() -> new AccountItem(id, r));
            item.recordProperty().set(r);
            setState(item, parley.registrationState(id));
            items.add(item);
        }
        accounts.setAll(items);
    }

    /** A core event. */
    public void onRegistration(ParleyEvent.RegistrationChanged event) {
        find(normalise(event.account())).ifPresent(item -> setState(item, event.state()));
    }

    public void retry(AccountItem item) {
        setState(item, new RegistrationState.Registering());
        parley.retry(item.id());
    }

    /** Removes the account from the profile, then reloads the core. */
    public void remove(AccountItem item) {
        async.run(() -> parley.profile().accounts().remove(item.recordProperty().get().aor()), removed -> {
            accounts.remove(item);
            parley.reloadAccounts();
        }, e -> error.set(errors.of("error.removeAccount", e)));
    }

    public Optional<AccountItem> find(String id) {
        return accounts.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    private void setState(AccountItem item, RegistrationState state) {
        item.stateProperty().set(state);
        item.stateTextProperty().set(text.describe(state));
        item.stateBriefProperty().set(text.brief(state));
    }

    static String normalise(String aor) {
        try {
            return SipAddress.parse(aor).toString();
        } catch (IllegalArgumentException e) {
            return aor;
        }
    }
}
