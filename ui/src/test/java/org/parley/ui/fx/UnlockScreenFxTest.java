package org.parley.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.parley.storage.Profile;
import org.parley.ui.testing.TestProfiles;
import org.parley.ui.unlock.ProfileGate;
import org.parley.ui.unlock.UnlockView;
import org.parley.ui.unlock.UnlockViewModel;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Smoke tests of the unlock screen on Monocle (headless), with a real profile and the real async executor. */
@ExtendWith(ApplicationExtension.class)
class UnlockScreenFxTest {
    @TempDir
    Path dir;
    private final AtomicReference<Profile> unlocked = new AtomicReference<>();

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        if (unlocked.get() != null) {
            unlocked.get().close();
        }
    }

    private void show(Path profileDir) throws Exception {
        FxToolkit.setupStage(stage -> {
            UnlockViewModel vm = new UnlockViewModel(ProfileGate.at(profileDir), FxAsync.create(),
                    TestProfiles.english(), unlocked::set);
            Scene scene = new Scene(new UnlockView(vm, TestProfiles.english()).build(), 520, 440);
            scene.getStylesheets().add(Themes.appCss());
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void firstRunShowsPassphraseConfirmationAndStrengthHint(FxRobot robot) throws Exception {
        show(dir.resolve("new"));
        assertThat(robot.lookup("#passphrase").tryQuery()).isPresent();
        assertThat(robot.lookup("#confirmation").tryQuery()).isPresent();
        robot.clickOn("#passphrase").write("abc");
        assertThat(robot.lookup("#strength").queryAs(Label.class).getText()).startsWith("Too short");
        assertThat(robot.lookup("#unlock-submit").queryButton().getText()).isEqualTo("Create profile");
    }

    @Test
    void wrongPassphraseShowsTheSentenceAndKeepsTheScreen(FxRobot robot) throws Exception {
        TestProfiles.create(dir).close();
        show(dir.resolve("profile"));
        assertThat(robot.lookup("#confirmation").tryQuery()).isEmpty();
        robot.clickOn("#passphrase").write("wrong passphrase");
        robot.clickOn("#unlock-submit");
        Label error = robot.lookup("#unlock-error").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !error.getText().isEmpty());
        assertThat(error.getText()).isEqualTo("The passphrase is wrong. Nothing was changed; try again.");
        assertThat(error.isVisible()).isTrue();
        assertThat(unlocked.get()).isNull();
        Stage stage = (Stage) error.getScene().getWindow();
        assertThat(stage.isShowing()).isTrue();
    }
}
