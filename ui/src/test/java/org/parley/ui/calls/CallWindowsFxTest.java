package org.parley.ui.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.ParleyEvent;
import org.parley.app.call.CallAudio;
import org.parley.app.call.CallLevels;
import org.parley.app.call.CallPreferences;
import org.parley.app.call.CallState;
import org.parley.storage.AccountRecord;
import org.parley.storage.ContactRecord;
import org.parley.storage.Profile;
import org.parley.ui.fx.FxAsync;
import org.parley.ui.fx.Themes;
import org.parley.ui.main.MainView;
import org.parley.ui.main.MainViewModel;
import org.parley.ui.settings.CallSettings;
import org.parley.ui.settings.SettingsStore;
import org.parley.ui.settings.Theme;
import org.parley.ui.settings.SettingsViewModel;
import org.parley.ui.settings.UiSettings;
import org.parley.ui.testing.FakeParley;
import org.parley.ui.testing.TestProfiles;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Smoke test of the call windows on Monocle, wired as the app wires them (main window, core events). */
@ExtendWith(ApplicationExtension.class)
class CallWindowsFxTest {
    @TempDir
    Path dir;
    private Profile profile;

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        profile.close();
    }

    @Test
    void anIncomingCallShowsItsWindowAndAnswerReachesTheCore(FxRobot robot) throws Exception {
        profile = TestProfiles.create(dir);
        profile.accounts().save(new AccountRecord(TestProfiles.ALICE, "alice", "pw", null, "UDP", 600, null, null));
        profile.contacts().save(new ContactRecord(TestProfiles.ALICE, TestProfiles.BOB, "Bob Builder", ""));
        FakeParley parley = new FakeParley(profile);
        FxToolkit.setupStage(stage -> {
            var async = FxAsync.create();
            SettingsViewModel settings = new SettingsViewModel(new SettingsStore(dir.resolve("s.properties")),
                    new UiSettings(Theme.LIGHT, true, new CallSettings(Optional.of("hw:9"), Optional.empty(),
                            Optional.of("hw:8"), false)), async, TestProfiles.english());
            MainViewModel vm = new MainViewModel(parley, async, TestProfiles.english(), (t, x, o) -> { }, settings);
            parley.addListener(vm::onEvent, Platform::runLater);
            Scene scene = new Scene(new MainView(vm, async, TestProfiles.english(), url -> { }, () -> { }).build(),
                    900, 600);
            scene.getStylesheets().add(Themes.appCss());
            stage.setScene(scene);
            stage.show();
            vm.start();
        });

        parley.emit(new ParleyEvent.CallIncoming(TestProfiles.ALICE, "in-1", TestProfiles.BOB, "Bank Support",
                "Bob Builder", true));
        parley.emit(new ParleyEvent.CallStateChanged(TestProfiles.ALICE, "in-1", TestProfiles.BOB,
                CallState.INCOMING));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#incoming-call").tryQuery().isPresent());
        assertThat(robot.lookup("#incoming-name").queryAs(Label.class).getText()).isEqualTo("Bob Builder");
        assertThat(robot.lookup("#incoming-warning").queryAs(Label.class).getText())
                .contains("“Bank Support”", "“Bob Builder”");

        robot.clickOn("#call-answer");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> parley.answered.contains("in-1"));
        assertThat(parley.audioUsed).containsExactly(new CallAudio.Devices(Optional.of("hw:9"), Optional.empty()));
        assertThat(parley.preferences).contains(new CallPreferences(Optional.of("hw:8"), true));

        parley.emit(new ParleyEvent.CallStateChanged(TestProfiles.ALICE, "in-1", TestProfiles.BOB,
                CallState.ACTIVE));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#call-window").tryQuery().isPresent()
                && robot.lookup("#incoming-call").tryQuery().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#call-status").queryAs(Label.class).getText()).matches("00:0\\d");

        parley.levels = Optional.of(new CallLevels(0.5, 0.25,
                new CallLevels.DeviceUse(CallLevels.Kind.DEFAULT_FALLBACK, Optional.of("hw:9"), Optional.of("default")),
                new CallLevels.DeviceUse(CallLevels.Kind.AS_REQUESTED, Optional.empty(), Optional.of("default"))));
        parley.emit(new ParleyEvent.DtmfReceived(TestProfiles.ALICE, "in-1", '7'));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#call-meter-input").queryAs(ProgressBar.class).getProgress() > 0.8
                        && robot.lookup("#call-meter-output").queryAs(ProgressBar.class).getProgress() > 0.7);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#call-meter-input").queryAs(ProgressBar.class).getAccessibleText())
                .isEqualTo("Microphone level: -6 dB");
        assertThat(robot.lookup("#call-devices").queryAs(Label.class).getText())
                .isEqualTo("Microphone “hw:9” is not available — using the default.");
        assertThat(robot.lookup("#call-received").queryAs(Label.class).getText()).isEqualTo("Received: 7");
        robot.clickOn("#call-hangup");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> parley.hungUp.contains("in-1"));
    }
}
