package org.parley.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.call.CallAudio;
import org.parley.app.call.CallPreferences;
import org.parley.app.call.SoundDevices;
import org.parley.ui.common.Async;
import org.parley.ui.settings.CallSettingsViewModel.DeviceChoice;
import org.parley.ui.testing.FakeParley;
import org.parley.ui.testing.TestProfiles;

class CallSettingsTest {
    private static final SoundDevices.Device HEADSET = new SoundDevices.Device("hw:1", "USB headset", false);
    private static final SoundDevices.Device BUILT_IN = new SoundDevices.Device("default", "Built-in audio", true);

    @TempDir
    Path dir;

    private final FakeParley parley = new FakeParley(null);

    private SettingsStore store() {
        return new SettingsStore(dir.resolve("cfg/desktop.properties"));
    }

    private static DeviceChoice listed(List<DeviceChoice> choices, String id) {
        return choices.stream().filter(c -> c.id().equals(Optional.of(id))).findFirst().orElseThrow();
    }

    @Test
    void callSettingsAreWrittenAndReadBackWithTheRest() {
        SettingsStore store = store();
        CallSettings chosen = new CallSettings(Optional.of("hw:1"), Optional.empty(), Optional.of("hw:2"), true);
        assertThat(store.load().calls()).isEqualTo(CallSettings.defaults());
        SettingsViewModel vm = new SettingsViewModel(store, new UiSettings(Theme.DARK, false, chosen), Async.direct(),
                TestProfiles.english());
        vm.themeProperty().set(Theme.LIGHT);
        assertThat(store.load()).isEqualTo(new UiSettings(Theme.LIGHT, false, chosen));
    }

    @Test
    void choosingDevicesSavesThemAndTheRingerAndCallWaitingReachTheCoreAtOnce() {
        SettingsStore store = store();
        SettingsViewModel vm = new SettingsViewModel(store, store.load(), Async.direct(), TestProfiles.english());
        parley.devices = new SoundDevices(List.of(BUILT_IN, HEADSET), List.of(BUILT_IN, HEADSET));
        CallSettingsViewModel calls = vm.calls();
        calls.connect(parley);
        assertThat(parley.preferences).containsExactly(CallPreferences.defaults());
        assertThat(parley.soundDevicesAsked).as("the sound system is not opened until the lists are shown").hasValue(0);
        calls.refreshDevices();
        assertThat(calls.microphones()).extracting(DeviceChoice::label)
                .containsExactly("System default", "Built-in audio", "USB headset");

        calls.microphoneProperty().set(listed(calls.microphones(), "hw:1"));
        calls.ringerProperty().set(listed(calls.speakers(), "hw:1"));
        calls.busyWhenInCallProperty().set(true);

        assertThat(store.load().calls())
                .isEqualTo(new CallSettings(Optional.of("hw:1"), Optional.empty(), Optional.of("hw:1"), true));
        assertThat(calls.devices()).isEqualTo(new CallAudio.Devices(Optional.of("hw:1"), Optional.empty()));
        assertThat(parley.preferences).last().isEqualTo(new CallPreferences(Optional.of("hw:1"), false));
    }

    @Test
    void aChosenDeviceThatIsNotPluggedInStaysChosenAndIsMarkedNotConnected() {
        CallSettings saved = new CallSettings(Optional.of("hw:1"), Optional.empty(), Optional.empty(), false);
        SettingsStore store = store();
        SettingsViewModel vm = new SettingsViewModel(store, new UiSettings(Theme.LIGHT, true, saved), Async.direct(),
                TestProfiles.english());
        parley.devices = new SoundDevices(List.of(BUILT_IN), List.of(BUILT_IN));
        vm.calls().connect(parley);
        vm.calls().refreshDevices();

        assertThat(vm.calls().microphoneProperty().get()).isEqualTo(new DeviceChoice(Optional.of("hw:1"),
                "hw:1 (not connected)"));
        assertThat(vm.calls().microphones()).extracting(DeviceChoice::label)
                .containsExactly("System default", "Built-in audio", "hw:1 (not connected)");
        assertThat(Files.exists(dir.resolve("cfg/desktop.properties"))).as("nothing changed, nothing written")
                .isFalse();

        parley.devices = new SoundDevices(List.of(BUILT_IN, HEADSET), List.of(BUILT_IN));
        vm.calls().refreshDevices();
        assertThat(vm.calls().microphoneProperty().get().label()).isEqualTo("USB headset");
        assertThat(vm.calls().devices().microphone()).contains("hw:1");
    }

    @Test
    void devicesWithTheSameNameAreToldApartByTheirId() {
        SettingsViewModel vm = new SettingsViewModel(store(), UiSettings.defaults(), Async.direct(),
                TestProfiles.english());
        parley.devices = new SoundDevices(List.of(new SoundDevices.Device("hw:1", "Headset", false),
                new SoundDevices.Device("hw:2", "Headset", false)), List.of());
        vm.calls().connect(parley);
        vm.calls().refreshDevices();
        assertThat(vm.calls().microphones()).extracting(DeviceChoice::label)
                .containsExactly("System default", "Headset (hw:1)", "Headset (hw:2)");
        assertThat(vm.calls().speakers()).extracting(DeviceChoice::label).containsExactly("System default");
    }

    @Test
    void quickChangesOnTwoBackgroundWorkersLeaveTheLastChoiceInTheFile() throws Exception {
        var workers = Executors.newFixedThreadPool(2);
        ConcurrentLinkedQueue<Runnable> ui = new ConcurrentLinkedQueue<>();
        try {
            SettingsStore store = store();
            SettingsViewModel vm = new SettingsViewModel(store, UiSettings.defaults(), new Async(workers, ui::add),
                    TestProfiles.english());
            for (int i = 0; i < 20; i++) {
                vm.calls().busyWhenInCallProperty().set(i % 2 == 0);
                vm.notificationsProperty().set(i % 3 == 0);
            }
            workers.shutdown();
            assertThat(workers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            assertThat(store.load()).isEqualTo(vm.current());
        } finally {
            workers.shutdownNow();
        }
    }
}
