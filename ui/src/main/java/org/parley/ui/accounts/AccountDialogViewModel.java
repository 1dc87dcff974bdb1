package org.parley.ui.accounts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.parley.app.AccountConfig;
import org.parley.app.Parley;
import org.parley.app.RegistrationState;
import org.parley.app.SipAddress;
import org.parley.app.Transport;
import org.parley.storage.AccountRecord;
import org.parley.ui.common.Async;
import org.parley.ui.common.ErrorText;
import org.parley.ui.common.I18n;

/**
 * Adding or editing one account. "Test" registers the form's settings once with {@link Parley#testAccount}
 * (nothing is stored, the running accounts are not touched) and reports the outcome in words; an untrusted TLS
 * certificate is exposed with fingerprint and subject and is pinned only by {@link #trustCertificate()}.
 * "Save" stores the account and reloads the core; "Cancel" just closes.
 *
 * <p>Threading: UI thread only; storage runs on the background executor, test outcomes arrive on the UI executor.
 * Call {@link #dispose()} when the dialog closes.
 */
public final class AccountDialogViewModel {
    private static final int DEFAULT_EXPIRES = 600;

    private final Parley parley;
    private final Async async;
    private final I18n i18n;
    private final ErrorText errors;
    private final RegistrationText text;
    private final Optional<AccountRecord> original;

    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty authUser = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty server = new SimpleStringProperty("");
    private final ObjectProperty<Transport> transport = new SimpleObjectProperty<>(Transport.UDP);
    private final StringProperty trustStore = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper pinned = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper outcomeOk = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<RegistrationState.CertificateNotTrusted> untrusted =
            new ReadOnlyObjectWrapper<>();
    private final BooleanProperty closed = new SimpleBooleanProperty(false);
    private final DialPlanFields dialPlan = new DialPlanFields();
    /** Counts tests, so that the outcome of a test the user has since repeated (or left) is dropped. */
    private long generation;

    /**
     * @param original the account being edited, or empty to add one
     */
    public AccountDialogViewModel(Parley parley, Async async, I18n i18n,
                                  Optional<AccountRecord> original) {
        this.parley = parley;
        this.async = async;
        this.i18n = i18n;
        this.errors = new ErrorText(i18n);
        this.text = new RegistrationText(i18n);
        this.original = original;
        original.ifPresent(r -> {
            address.set(r.aor());
            authUser.set(r.authUser() == null ? "" : r.authUser());
            password.set(r.password() == null ? "" : r.password());
            server.set(r.proxy() == null ? "" : r.proxy());
            transport.set(r.transport() == null ? Transport.UDP : Transport.parse(r.transport()));
            trustStore.set(r.trustStorePath() == null ? "" : r.trustStorePath());
            pinned.set(r.pinnedCertSha256() == null ? "" : r.pinnedCertSha256());
            dialPlan.load(r.dialPlan());
            RegistrationState now = parley.registrationState(AccountsViewModel.normalise(r.aor()));
            if (now instanceof RegistrationState.CertificateNotTrusted c) {
                untrusted.set(c);
                outcome.set(text.describe(c));
            }
        });
    }

    public boolean isEditing() {
        return original.isPresent();
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty authUserProperty() {
        return authUser;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty serverProperty() {
        return server;
    }

    public ObjectProperty<Transport> transportProperty() {
        return transport;
    }

    /** How this account dials telephone numbers (tel: links). */
    public DialPlanFields dialPlan() {
        return dialPlan;
    }

    public StringProperty trustStoreProperty() {
        return trustStore;
    }

    /** Fingerprint of the certificate the user already pinned, or "". */
    public ReadOnlyStringProperty pinnedProperty() {
        return pinned.getReadOnlyProperty();
    }

    /** The latest test outcome or validation error, as one sentence. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty outcomeOkProperty() {
        return outcomeOk.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Set while the server presents a certificate the account does not trust; null otherwise. */
    public ReadOnlyObjectProperty<RegistrationState.CertificateNotTrusted> untrustedProperty() {
        return untrusted.getReadOnlyProperty();
    }

    /** Becomes true when the dialog should close (after save or cancel completed). */
    public BooleanProperty closedProperty() {
        return closed;
    }

    /** Registers the form's settings once, without storing them; the outcome arrives in {@link #outcomeProperty()}. */
    public void test() {
        build().ifPresent(this::probe);
    }

    /** The user's explicit decision: pin the presented certificate and test again (saved only by "Save"). */
    public void trustCertificate() {
        RegistrationState.CertificateNotTrusted cert = untrusted.get();
        if (cert == null) {
            return;
        }
        pinned.set(cert.sha256Fingerprint());
        build().ifPresent(this::probe);
    }

    /** Stores the settings, reloads the core and closes. */
    public void save() {
        build().ifPresent(record -> {
            generation++;
            busy.set(true);
            async.run(() -> {
                parley.profile().accounts().save(record);
                return record;
            }, r -> {
                busy.set(false);
                parley.reloadAccounts();
                closed.set(true);
            }, this::failed);
        });
    }

    /** Closes without storing anything; a test still running is forgotten (it cleans up after itself). */
    public void cancel() {
        generation++;
        busy.set(false);
        closed.set(true);
    }

    public void dispose() {
        generation++;
    }

    private void probe(AccountRecord record) {
        long mine = ++generation;
        busy.set(true);
        untrusted.set(null);
        outcomeOk.set(false);
        outcome.set(i18n.t("account.testing"));
        java.util.concurrent.CompletableFuture<RegistrationState> result;
        try {
            result = parley.testAccount(record);
        } catch (IllegalArgumentException e) {
            failed(e);
            return;
        }
        async.onUi(result, state -> {
            if (mine != generation) {
                return;
            }
            busy.set(false);
            outcome.set(text.describe(state));
            outcomeOk.set(state instanceof RegistrationState.Registered);
            if (state instanceof RegistrationState.CertificateNotTrusted c) {
                untrusted.set(c);
            }
        }, e -> {
            if (mine == generation) {
                failed(e);
            }
        });
    }

    private void failed(Throwable e) {
        busy.set(false);
        outcomeOk.set(false);
        outcome.set(errors.of("error.saveAccount", e));
    }

    /** Validates the form into a record (normalised AOR) or sets the outcome sentence and returns empty. */
    Optional<AccountRecord> build() {
        try {
            SipAddress parsed = SipAddress.parse(address.get());
            String aor = parsed.toString();
            if (original.isPresent() && !AccountsViewModel.normalise(original.get().aor()).equals(aor)) {
                throw new IllegalArgumentException(i18n.t("account.error.addressChanged"));
            }
            if (password.get().isEmpty()) {
                throw new IllegalArgumentException(i18n.t("account.error.password"));
            }
            String store = trustStore.get().isBlank() ? null : Path.of(trustStore.get().trim()).toAbsolutePath().toString();
            if (store != null && !Files.isReadable(Path.of(store))) {
                throw new IllegalArgumentException(i18n.t("account.error.trustStore", store));
            }
            if (transport.get() != Transport.TLS && (store != null || !pinned.get().isEmpty())) {
                store = null;
                pinned.set("");
            }
            int expires = original.map(AccountRecord::expiresSeconds).filter(e -> e > 0).orElse(DEFAULT_EXPIRES);
            AccountRecord record = new AccountRecord(aor, authUser.get().isBlank() ? parsed.user() : authUser.get().trim(),
                    password.get(), server.get().isBlank() ? null : server.get().trim(), transport.get().name(),
                    expires, store, pinned.get().isEmpty() ? null : pinned.get(), dialPlan.encoded(i18n));
            AccountConfig.from(record);
            return Optional.of(record);
        } catch (IllegalArgumentException e) {
            outcomeOk.set(false);
            outcome.set(errors.input(e));
            return Optional.empty();
        }
    }
}
