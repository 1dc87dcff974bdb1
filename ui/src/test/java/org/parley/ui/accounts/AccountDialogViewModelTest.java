package org.parley.ui.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.RegistrationState;
import org.parley.app.Transport;
import org.parley.storage.AccountRecord;
import org.parley.storage.Profile;
import org.parley.ui.common.Async;
import org.parley.ui.testing.FakeParley;
import org.parley.ui.testing.TestProfiles;

class AccountDialogViewModelTest {
    private static final String FINGERPRINT = "AB:CD:EF:01";

    @TempDir
    Path dir;
    private Profile profile;
    private FakeParley parley;

    @BeforeEach
    void setUp() {
        profile = TestProfiles.create(dir);
        parley = new FakeParley(profile);
    }

    @AfterEach
    void tearDown() {
        profile.close();
    }

    private AccountDialogViewModel newAccount() {
        AccountDialogViewModel vm = new AccountDialogViewModel(parley, Async.direct(), TestProfiles.english(),
                Optional.empty());
        vm.addressProperty().set("alice@example.com");
        vm.passwordProperty().set("secret");
        vm.serverProperty().set("sip.example.com:5061");
        vm.transportProperty().set(Transport.TLS);
        return vm;
    }

    private void answerTestWith(RegistrationState state) {
        parley.onTest(r -> state);
    }

    @Test
    void testRegistersTheFormWithoutStoringItAndReportsTheOutcomeInWords() throws Exception {
        answerTestWith(new RegistrationState.AuthFailed());
        AccountDialogViewModel vm = newAccount();
        vm.test();
        assertThat(vm.outcomeProperty().get()).isEqualTo("The server rejected the user name or password.");
        assertThat(vm.outcomeOkProperty().get()).isFalse();
        assertThat(vm.busyProperty().get()).isFalse();
        AccountRecord tested = parley.tested.get(0);
        assertThat(tested.authUser()).isEqualTo("alice");
        assertThat(tested.proxy()).isEqualTo("sip.example.com:5061");
        assertThat(tested.transport()).isEqualTo("TLS");
        assertThat(profile.accounts().list()).isEmpty();
        assertThat(parley.reloads.get()).isZero();
    }

    @Test
    void untrustedCertificateIsShownButPinnedOnlyByAnExplicitDecision() throws Exception {
        parley.onTest(r -> r.pinnedCertSha256() == null
                ? new RegistrationState.CertificateNotTrusted(FINGERPRINT, "CN=sip.example.com")
                : new RegistrationState.Registered(600));
        AccountDialogViewModel vm = newAccount();
        vm.test();
        assertThat(vm.untrustedProperty().get().sha256Fingerprint()).isEqualTo(FINGERPRINT);
        assertThat(vm.outcomeProperty().get()).contains("CN=sip.example.com");
        assertThat(vm.pinnedProperty().get()).isEmpty();

        vm.trustCertificate();
        assertThat(parley.tested.get(1).pinnedCertSha256()).isEqualTo(FINGERPRINT);
        assertThat(vm.outcomeProperty().get()).isEqualTo("Registered.");
        assertThat(vm.outcomeOkProperty().get()).isTrue();
        assertThat(vm.untrustedProperty().get()).isNull();
        assertThat(profile.accounts().list()).as("pinned only when saved").isEmpty();

        vm.save();
        assertThat(profile.accounts().find(TestProfiles.ALICE).orElseThrow().pinnedCertSha256()).isEqualTo(FINGERPRINT);
        assertThat(parley.reloads.get()).isEqualTo(1);
    }

    @Test
    void anOutcomeArrivingAfterCancelIsIgnored() throws Exception {
        java.util.concurrent.CompletableFuture<RegistrationState> late = new java.util.concurrent.CompletableFuture<>();
        parley.onTestLater(late);
        AccountDialogViewModel vm = newAccount();
        vm.test();
        assertThat(vm.busyProperty().get()).isTrue();
        vm.cancel();
        late.complete(new RegistrationState.AuthFailed());
        assertThat(vm.closedProperty().get()).isTrue();
        assertThat(vm.outcomeProperty().get()).isEqualTo("Registering…");
        assertThat(profile.accounts().list()).isEmpty();
    }

    @Test
    void cancelAfterTestingAnEditLeavesTheStoredAccountAlone() throws Exception {
        AccountRecord original = new AccountRecord(TestProfiles.ALICE, "alice", "old", null, "UDP", 600, null, null);
        profile.accounts().save(original);
        AccountDialogViewModel vm = new AccountDialogViewModel(parley, Async.direct(), TestProfiles.english(),
                Optional.of(original));
        vm.passwordProperty().set("new");
        vm.test();
        assertThat(parley.tested.get(0).password()).isEqualTo("new");
        vm.cancel();
        assertThat(profile.accounts().find(TestProfiles.ALICE).orElseThrow().password()).isEqualTo("old");
        assertThat(parley.reloads.get()).isZero();
    }

    @Test
    void saveStoresReloadsAndCloses() throws Exception {
        AccountDialogViewModel vm = newAccount();
        vm.save();
        assertThat(vm.closedProperty().get()).isTrue();
        assertThat(parley.reloads.get()).isEqualTo(1);
        assertThat(profile.accounts().list()).extracting(AccountRecord::aor).containsExactly(TestProfiles.ALICE);
    }

    @Test
    void aBadAddressIsOneSentenceAndNothingIsStored() throws Exception {
        AccountDialogViewModel vm = newAccount();
        vm.addressProperty().set("not an address");
        vm.save();
        assertThat(vm.outcomeProperty().get()).contains("is not a SIP address");
        assertThat(vm.closedProperty().get()).isFalse();
        assertThat(profile.accounts().list()).isEmpty();
    }

    @Test
    void aMissingPasswordIsRefused() {
        AccountDialogViewModel vm = newAccount();
        vm.passwordProperty().set("");
        vm.test();
        assertThat(vm.outcomeProperty().get()).isEqualTo("Enter the password.");
        assertThat(parley.reloads.get()).isZero();
    }
}
