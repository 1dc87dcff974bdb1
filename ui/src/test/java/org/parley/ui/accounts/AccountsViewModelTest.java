package org.parley.ui.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.ParleyEvent;
import org.parley.app.RegistrationState;
import org.parley.storage.AccountRecord;
import org.parley.storage.Profile;
import org.parley.ui.common.Async;
import org.parley.ui.testing.FakeParley;
import org.parley.ui.testing.TestProfiles;

class AccountsViewModelTest {
    @TempDir
    Path dir;
    private Profile profile;
    private FakeParley parley;
    private AccountsViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        profile = TestProfiles.create(dir);
        profile.accounts().save(new AccountRecord(TestProfiles.ALICE, "alice", "pw", null, "UDP", 600, null, null));
        parley = new FakeParley(profile);
        vm = new AccountsViewModel(parley, Async.direct(), TestProfiles.english());
        vm.refresh();
    }

    @AfterEach
    void tearDown() {
        profile.close();
    }

    @Test
    void eachAccountShowsItsRegistrationStateInWords() {
        assertThat(vm.accounts()).singleElement().satisfies(a ->
                assertThat(a.stateTextProperty().get()).isEqualTo("Not registered."));
        vm.onRegistration(new ParleyEvent.RegistrationChanged(TestProfiles.ALICE,
                new RegistrationState.Unreachable("connection refused", 8)));
        assertThat(vm.accounts().get(0).stateTextProperty().get())
                .isEqualTo("The server cannot be reached (connection refused); trying again in 8 s.");
    }

    @Test
    void retryAsksTheCoreToRegisterAgain() {
        vm.retry(vm.accounts().get(0));
        assertThat(parley.retried).containsExactly(TestProfiles.ALICE);
        assertThat(vm.accounts().get(0).stateTextProperty().get()).isEqualTo("Registering…");
    }

    @Test
    void removeDeletesTheAccountAndReloadsTheCore() throws Exception {
        vm.remove(vm.accounts().get(0));
        assertThat(vm.accounts()).isEmpty();
        assertThat(profile.accounts().list()).isEmpty();
        assertThat(parley.reloads.get()).isEqualTo(1);
    }
}
