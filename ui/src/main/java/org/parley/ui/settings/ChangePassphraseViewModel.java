package org.parley.ui.settings;

import java.util.Arrays;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.parley.storage.Profile;
import org.parley.ui.common.Async;
import org.parley.ui.common.ErrorText;
import org.parley.ui.common.I18n;
import org.parley.ui.unlock.PassphraseStrength;

/**
 * Changing the profile passphrase: current one, new one twice. The key derivation runs in the background; on
 * success the fields are cleared and {@link #messageProperty()} says so, on failure it says why. UI thread only.
 */
public final class ChangePassphraseViewModel {
    private final Profile profile;
    private final Async async;
    private final I18n i18n;
    private final ErrorText errors;
    private final StringProperty current = new SimpleStringProperty("");
    private final StringProperty next = new SimpleStringProperty("");
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper ok = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public ChangePassphraseViewModel(Profile profile, Async async, I18n i18n) {
        this.profile = profile;
        this.async = async;
        this.i18n = i18n;
        this.errors = new ErrorText(i18n);
    }

    public StringProperty currentProperty() {
        return current;
    }

    public StringProperty nextProperty() {
        return next;
    }

    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty okProperty() {
        return ok.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public void change() {
        ok.set(false);
        if (PassphraseStrength.of(next.get()) == PassphraseStrength.TOO_SHORT) {
            message.set(i18n.t("unlock.error.tooShort", PassphraseStrength.MIN_LENGTH));
            return;
        }
        if (!next.get().equals(confirmation.get())) {
            message.set(i18n.t("unlock.error.mismatch"));
            return;
        }
        char[] old = current.get().toCharArray();
        char[] fresh = next.get().toCharArray();
        busy.set(true);
        message.set("");
        async.run(() -> {
            try {
                profile.changePassphrase(old, fresh);
                return true;
            } finally {
                Arrays.fill(old, '\0');
                Arrays.fill(fresh, '\0');
            }
        }, done -> {
            busy.set(false);
            current.set("");
            next.set("");
            confirmation.set("");
            ok.set(true);
            message.set(i18n.t("settings.passphrase.changed"));
        }, e -> {
            busy.set(false);
            message.set(errors.of("error.changePassphrase", e));
        });
    }
}
