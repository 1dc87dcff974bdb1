package org.parley.ui.unlock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.storage.Profile;
import org.parley.ui.common.Async;
import org.parley.ui.testing.TestProfiles;

class UnlockViewModelTest {
    @TempDir
    Path dir;

    private final AtomicReference<Profile> unlocked = new AtomicReference<>();

    private UnlockViewModel vm(Path profileDir) {
        return new UnlockViewModel(ProfileGate.at(profileDir), Async.direct(), TestProfiles.english(), unlocked::set);
    }

    @Test
    void firstRunCreatesTheProfileWhenBothPassphrasesMatch() {
        UnlockViewModel vm = vm(dir.resolve("p"));
        assertThat(vm.isFirstRun()).isTrue();
        vm.passphraseProperty().set("a long passphrase 42");
        vm.confirmationProperty().set("a long passphrase 42");
        vm.submit();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(unlocked.get()).isNotNull();
        unlocked.get().close();
        assertThat(vm(dir.resolve("p")).isFirstRun()).isFalse();
    }

    @Test
    void firstRunRefusesDifferingPassphrasesAndCreatesNothing() {
        UnlockViewModel vm = vm(dir.resolve("p"));
        vm.passphraseProperty().set("a long passphrase 42");
        vm.confirmationProperty().set("a long passphrase 43");
        vm.submit();
        assertThat(vm.errorProperty().get()).isEqualTo("The two passphrases differ.");
        assertThat(unlocked.get()).isNull();
        assertThat(ProfileGate.at(dir.resolve("p")).exists()).isFalse();
    }

    @Test
    void firstRunRefusesAShortPassphrase() {
        UnlockViewModel vm = vm(dir.resolve("p"));
        vm.passphraseProperty().set("short");
        vm.confirmationProperty().set("short");
        vm.submit();
        assertThat(vm.errorProperty().get()).contains("at least 8 characters");
        assertThat(unlocked.get()).isNull();
    }

    @Test
    void wrongPassphraseSaysSoAndTheUserCanRetry() {
        TestProfiles.create(dir).close();
        UnlockViewModel vm = vm(dir.resolve("profile"));
        assertThat(vm.isFirstRun()).isFalse();
        vm.passphraseProperty().set("not the passphrase");
        vm.submit();
        assertThat(vm.errorProperty().get()).isEqualTo("The passphrase is wrong. Nothing was changed; try again.");
        assertThat(vm.canSubmitProperty().get()).isTrue();

        vm.passphraseProperty().set(TestProfiles.PASSPHRASE);
        assertThat(vm.errorProperty().get()).as("typing clears the error").isEmpty();
        vm.submit();
        assertThat(unlocked.get()).isNotNull();
        assertThat(vm.passphraseProperty().get()).as("the field is cleared after unlocking").isEmpty();
        unlocked.get().close();
    }

    @Test
    void strengthHintGrowsWithLengthAndVariety() {
        assertThat(PassphraseStrength.of("abc")).isEqualTo(PassphraseStrength.TOO_SHORT);
        assertThat(PassphraseStrength.of("abcdefgh")).isEqualTo(PassphraseStrength.WEAK);
        assertThat(PassphraseStrength.of("abcdefghijklm")).isEqualTo(PassphraseStrength.FAIR);
        assertThat(PassphraseStrength.of("Correct-Horse-Battery-7")).isEqualTo(PassphraseStrength.STRONG);
    }

    @Test
    void theUnlockScreenWarmsUpOnceShownAndAFailedWarmUpSaysNothing() {
        java.util.concurrent.atomic.AtomicInteger warmUps = new java.util.concurrent.atomic.AtomicInteger();
        ProfileGate real = ProfileGate.at(dir.resolve("p"));
        ProfileGate failing = new ProfileGate() {
            @Override
            public boolean exists() {
                return real.exists();
            }

            @Override
            public org.parley.storage.Profile create(char[] passphrase) throws org.parley.storage.StorageException {
                return real.create(passphrase);
            }

            @Override
            public org.parley.storage.Profile open(char[] passphrase) throws org.parley.storage.StorageException {
                return real.open(passphrase);
            }

            @Override
            public void warmUp() throws org.parley.storage.StorageException {
                warmUps.incrementAndGet();
                throw new org.parley.storage.StorageException("driver missing");
            }
        };
        UnlockViewModel vm = new UnlockViewModel(failing, Async.direct(), TestProfiles.english(), p -> { });
        assertThat(warmUps.get()).as("nothing competes with the first frame").isZero();
        vm.shown();
        vm.shown();
        assertThat(warmUps.get()).isEqualTo(1);
        assertThat(vm.errorProperty().get()).isEmpty();
    }
}
