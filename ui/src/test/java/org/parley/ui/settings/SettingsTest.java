package org.parley.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.storage.Profile;
import org.parley.storage.Profiles;
import org.parley.ui.common.Async;
import org.parley.ui.testing.TestProfiles;

class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void changedSettingsAreWrittenAndReadBack() {
        SettingsStore store = new SettingsStore(dir.resolve("cfg/desktop.properties"));
        assertThat(store.load()).isEqualTo(UiSettings.defaults());
        SettingsViewModel vm = new SettingsViewModel(store, store.load(), Async.direct(), TestProfiles.english());
        vm.themeProperty().set(Theme.DARK);
        vm.notificationsProperty().set(false);
        assertThat(store.load()).isEqualTo(new UiSettings(Theme.DARK, false));
    }

    @Test
    void changingThePassphraseNeedsTheCurrentOneAndThenUnlocksWithTheNewOne() throws Exception {
        Profile profile = TestProfiles.create(dir);
        ChangePassphraseViewModel vm = new ChangePassphraseViewModel(profile, Async.direct(), TestProfiles.english());
        vm.currentProperty().set("wrong passphrase");
        vm.nextProperty().set("a brand new passphrase");
        vm.confirmationProperty().set("a brand new passphrase");
        vm.change();
        assertThat(vm.okProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("The passphrase is wrong. Nothing was changed; try again.");

        vm.currentProperty().set(TestProfiles.PASSPHRASE);
        vm.change();
        assertThat(vm.okProperty().get()).isTrue();
        assertThat(vm.currentProperty().get()).isEmpty();
        profile.close();
        Profiles.open(dir.resolve("profile"), "a brand new passphrase".toCharArray()).close();
    }
}
