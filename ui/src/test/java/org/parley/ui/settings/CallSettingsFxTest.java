package org.parley.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.call.CallPreferences;
import org.parley.app.call.SoundDevices;
import org.parley.ui.fx.FxAsync;
import org.parley.ui.testing.FakeParley;
import org.parley.ui.testing.TestProfiles;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Smoke test of the "Audio and calls" tab on Monocle: the lists fill from the core, a choice is saved and applied. */
@ExtendWith(ApplicationExtension.class)
class CallSettingsFxTest {
    @TempDir
    Path dir;

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void choosingARingerAndBusyIsSavedAndReachesTheCore(FxRobot robot) throws Exception {
        FakeParley parley = new FakeParley(null);
        parley.devices = new SoundDevices(List.of(new SoundDevices.Device("default", "Built-in audio", true)),
                List.of(new SoundDevices.Device("default", "Built-in audio", true),
                        new SoundDevices.Device("hw:1", "USB headset", false)));
        SettingsStore store = new SettingsStore(dir.resolve("desktop.properties"));
        FxToolkit.setupStage(stage -> {
            SettingsViewModel vm = new SettingsViewModel(store, store.load(), FxAsync.create(), TestProfiles.english());
            vm.calls().connect(parley);
            vm.calls().refreshDevices(); // as the settings dialog does when the tab is shown
            stage.setScene(new Scene(new javafx.scene.layout.StackPane(
                    new CallSettingsView(vm.calls(), TestProfiles.english()).build()), 560, 380));
            stage.show();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#settings-ringer").queryComboBox().getItems().size() == 3);
        ComboBox<?> microphone = robot.lookup("#settings-microphone").queryComboBox();
        assertThat(microphone.getValue()).hasToString("System default");
        assertThat(microphone.getAccessibleText()).isEqualTo("Microphone");

        robot.clickOn("#settings-ringer");
        robot.clickOn("USB headset");
        robot.clickOn("#settings-busy-when-in-call");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> store.load().calls().busyWhenInCall()
                && store.load().calls().ringer().equals(Optional.of("hw:1")));
        assertThat(parley.preferences).last().isEqualTo(new CallPreferences(Optional.of("hw:1"), false));
    }
}
