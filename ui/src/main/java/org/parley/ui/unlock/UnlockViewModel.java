package org.parley.ui.unlock;

import java.util.Arrays;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.parley.storage.Profile;
import org.parley.ui.common.Async;
import org.parley.ui.common.ErrorText;
import org.parley.ui.common.I18n;

/**
 * First run (create a passphrase, typed twice) or later runs (unlock). A failure leaves the screen as it was
 * with one sentence in {@link #errorProperty()} so the user can retry; nothing on disk is changed by a failure.
 *
 * <p>Threading: call from the UI thread; key derivation runs on the background executor of {@link Async}.
 * On success {@code onUnlocked} receives the open profile (its new owner) on the UI thread.
 */
public final class UnlockViewModel {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(UnlockViewModel.class);
    private final ProfileGate gate;
    private final Async async;
    private final ErrorText errors;
    private final I18n i18n;
    private final Consumer<Profile> onUnlocked;
    private final boolean firstRun;
    private boolean warmUpStarted;

    private final StringProperty passphrase = new SimpleStringProperty("");
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ObjectProperty<PassphraseStrength> strength = new SimpleObjectProperty<>(PassphraseStrength.TOO_SHORT);
    private final BooleanProperty done = new SimpleBooleanProperty(false);
    private final BooleanBinding canSubmit;

    public UnlockViewModel(ProfileGate gate, Async async, I18n i18n, Consumer<Profile> onUnlocked) {
        this.gate = gate;
        this.async = async;
        this.i18n = i18n;
        this.errors = new ErrorText(i18n);
        this.onUnlocked = onUnlocked;
        this.firstRun = !gate.exists();
        strength.bind(Bindings.createObjectBinding(() -> PassphraseStrength.of(passphrase.get()), passphrase));
        passphrase.addListener((o, a, b) -> error.set(""));
        confirmation.addListener((o, a, b) -> error.set(""));
        canSubmit = busy.not().and(done.not()).and(passphrase.isNotEmpty());
    }

    /**
     * Call once the unlock window has been painted: starts the key-derivation and driver warm-up in the
     * background, so that unlocking while the user types is fast. Not started earlier, because on a two-core
     * machine it competes with the first frame for the CPU. A failed warm-up says nothing; opening reports it.
     * Later calls do nothing.
     */
    public void shown() {
        if (warmUpStarted) {
            return;
        }
        warmUpStarted = true;
        async.run(() -> {
            gate.warmUp();
            return null;
        }, ok -> { }, failure -> LOG.debug("warm-up failed; opening will report it", failure));
    }

    public boolean isFirstRun() {
        return firstRun;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ObjectProperty<PassphraseStrength> strengthProperty() {
        return strength;
    }

    public BooleanBinding canSubmitProperty() {
        return canSubmit;
    }

    /** The hint sentence for the current strength (first run only). */
    public String strengthText() {
        return i18n.t("unlock.strength." + strength.get().name());
    }

    /** Creates or unlocks. Validation failures and wrong passphrases set {@link #errorProperty()}. */
    public void submit() {
        if (!canSubmit.get()) {
            return;
        }
        if (firstRun) {
            if (strength.get() == PassphraseStrength.TOO_SHORT) {
                error.set(i18n.t("unlock.error.tooShort", PassphraseStrength.MIN_LENGTH));
                return;
            }
            if (!passphrase.get().equals(confirmation.get())) {
                error.set(i18n.t("unlock.error.mismatch"));
                return;
            }
        }
        char[] secret = passphrase.get().toCharArray();
        boolean create = firstRun;
        busy.set(true);
        error.set("");
        async.run(() -> {
            try {
                return create ? gate.create(secret) : gate.open(secret);
            } finally {
                Arrays.fill(secret, '\0');
            }
        }, profile -> {
            busy.set(false);
            done.set(true);
            passphrase.set("");
            confirmation.set("");
            onUnlocked.accept(profile);
        }, failure -> {
            busy.set(false);
            error.set(errors.of(create ? "error.createProfile" : "error.openProfile", failure));
        });
    }
}
