package org.parley.ui.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.presence.PresenceState;
import org.parley.storage.Profile;
import org.parley.storage.Profiles;
import org.parley.ui.common.Async;
import org.parley.ui.testing.FakeParley;
import org.parley.ui.testing.TestProfiles;

class PresenceViewModelTest {
    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");

    @TempDir
    Path dir;

    private static PresenceViewModel vm(FakeParley parley) {
        return new PresenceViewModel(parley, Async.direct(), TestProfiles.english(), Duration.ofMinutes(10));
    }

    @Test
    void aChosenStateAndNoteArePublishedKeptAndPublishedAgainAtTheNextStart() throws Exception {
        try (Profile profile = TestProfiles.create(dir)) {
            FakeParley parley = new FakeParley(profile);
            PresenceViewModel vm = vm(parley);
            vm.load(T0);
            assertThat(parley.presenceSet).containsExactly("AVAILABLE:");
            vm.stateProperty().set(PresenceState.BUSY);
            vm.noteProperty().set("  quarterly review  ");
            vm.apply();
            assertThat(parley.presenceSet).last().isEqualTo("BUSY:quarterly review");
        }
        try (Profile profile = Profiles.open(dir.resolve("profile"), TestProfiles.PASSPHRASE.toCharArray())) {
            FakeParley parley = new FakeParley(profile);
            PresenceViewModel vm = vm(parley);
            vm.load(T0);
            assertThat(vm.stateProperty().get()).isEqualTo(PresenceState.BUSY);
            assertThat(parley.presenceSet).containsExactly("BUSY:quarterly review");
        }
    }

    @Test
    void idleTurnsAvailableIntoAwayAndInputBringsItBack() {
        try (Profile profile = TestProfiles.create(dir)) {
            FakeParley parley = new FakeParley(profile);
            PresenceViewModel vm = vm(parley);
            vm.load(T0);
            vm.onIdleCheck(T0.plus(Duration.ofMinutes(9)));
            assertThat(vm.stateProperty().get()).isEqualTo(PresenceState.AVAILABLE);
            vm.onIdleCheck(T0.plus(Duration.ofMinutes(10)));
            assertThat(vm.stateProperty().get()).isEqualTo(PresenceState.AWAY);
            assertThat(vm.autoAwayProperty().get()).isTrue();
            assertThat(parley.presenceSet).last().isEqualTo("AWAY:");

            vm.onInput(T0.plus(Duration.ofMinutes(12)));
            assertThat(vm.stateProperty().get()).isEqualTo(PresenceState.AVAILABLE);
            assertThat(parley.presenceSet).last().isEqualTo("AVAILABLE:");
        }
    }

    @Test
    void aStateTheUserChoseIsNeverChangedByIdleness() {
        try (Profile profile = TestProfiles.create(dir)) {
            FakeParley parley = new FakeParley(profile);
            PresenceViewModel vm = vm(parley);
            vm.load(T0);
            vm.stateProperty().set(PresenceState.IN_A_MEETING);
            vm.apply();
            vm.onIdleCheck(T0.plus(Duration.ofHours(2)));
            vm.onInput(T0.plus(Duration.ofHours(3)));
            assertThat(vm.stateProperty().get()).isEqualTo(PresenceState.IN_A_MEETING);
            assertThat(vm.isDoNotDisturb()).isFalse();
            vm.stateProperty().set(PresenceState.DO_NOT_DISTURB);
            vm.apply();
            assertThat(vm.isDoNotDisturb()).isTrue();
        }
    }
}
