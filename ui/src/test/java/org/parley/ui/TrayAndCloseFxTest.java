package org.parley.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Button;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.parley.storage.Profile;
import org.parley.storage.ProfileClosedException;
import org.parley.storage.StorageException;
import org.parley.ui.tray.FakeTray;
import org.parley.ui.unlock.ProfileGate;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real {@link DesktopApp} (unlock screen, core, main window) with a fake tray instead of AWT's, which
 * Monocle does not have: closing the main window hides it only while a tray icon is showing; Open brings it
 * back; Quit closes the core and the profile and then exits; without a tray, closing quits. Never invisible.
 */
@ExtendWith(ApplicationExtension.class)
class TrayAndCloseFxTest {
    private static final String PASSPHRASE = "a passphrase for the tray test";
    private static final int WAIT = 30;

    @TempDir
    Path tmp;
    private FakeTray tray;
    private Stage stage;
    private final CompletableFuture<Stage> mainWindow = new CompletableFuture<>();
    /** Completed with the thread that ran the app's last step of quitting. */
    private final CompletableFuture<String> exited = new CompletableFuture<>();
    private final AtomicReference<Profile> profile = new AtomicReference<>();

    @AfterEach
    void tearDown() throws Exception {
        if (!exited.isDone() && stage != null) {
            FxToolkit.setupFixture(() -> {
                stage.show();
                stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
            });
            if (tray.showing()) {
                tray.clickQuit();
            }
            exited.get(WAIT, TimeUnit.SECONDS);
        }
        FxToolkit.cleanupStages();
    }

    private void start(boolean traySupported) throws Exception {
        tray = new FakeTray(traySupported);
        AppDirs dirs = new AppDirs(Map.of("XDG_DATA_HOME", tmp.resolve("data").toString(),
                "XDG_CONFIG_HOME", tmp.resolve("config").toString(),
                "XDG_STATE_HOME", tmp.resolve("state").toString())::get, tmp.toString());
        DesktopApp app = new DesktopApp(new DesktopApp.Environment(dirs, keeping(ProfileGate.at(tmp.resolve("profile"))),
                tray, mainWindow::complete, () -> exited.complete(Thread.currentThread().getName())));
        FxToolkit.setupFixture(() -> {
            stage = new Stage();
            app.start(stage);
        });
    }

    /** The first-run screen as the user fills it in; returns once the main window is on the stage. */
    private void unlock(FxRobot robot) throws Exception {
        robot.interact(() -> {
            robot.lookup("#passphrase").queryAs(TextInputControl.class).setText(PASSPHRASE);
            robot.lookup("#confirmation").queryAs(TextInputControl.class).setText(PASSPHRASE);
            robot.lookup("#unlock-submit").queryAs(Button.class).fire();
        });
        assertThat(mainWindow.get(WAIT, TimeUnit.SECONDS)).isSameAs(stage);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void closeWindow(FxRobot robot) {
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
    }

    @Test
    void closingTheMainWindowHidesItIntoTheTrayAndOpenShowsItAgain(FxRobot robot) throws Exception {
        start(true);
        unlock(robot);
        assertThat(tray.showing()).isTrue();

        closeWindow(robot);

        assertThat(stage.isShowing()).isFalse();
        assertThat(exited).isNotDone();
        assertThat(profile.get().accounts().list()).isEmpty(); // still open: Parley runs on

        tray.clickOpen();
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, stage::isShowing);
        assertThat(exited).isNotDone();
    }

    @Test
    void quitInTheTrayClosesTheCoreAndTheProfileThenExits(FxRobot robot) throws Exception {
        start(true);
        unlock(robot);
        closeWindow(robot);

        tray.clickQuit();

        assertThat(exited.get(WAIT, TimeUnit.SECONDS)).isEqualTo("parley-ui-shutdown");
        assertThat(tray.showing()).isFalse();
        assertThat(stage.isShowing()).isFalse();
        // Session.close closes the core first, then the profile; the exit step runs after both.
        assertThatThrownBy(() -> profile.get().accounts().list()).isInstanceOf(ProfileClosedException.class);
    }

    @Test
    void withoutATrayClosingTheMainWindowQuits(FxRobot robot) throws Exception {
        start(false);
        unlock(robot);
        assertThat(tray.menu()).isNull();

        closeWindow(robot);

        assertThat(exited.get(WAIT, TimeUnit.SECONDS)).isEqualTo("parley-ui-shutdown");
        assertThat(stage.isShowing()).isFalse();
        assertThatThrownBy(() -> profile.get().accounts().list()).isInstanceOf(ProfileClosedException.class);
    }

    @Test
    void onTheUnlockScreenClosingQuitsEvenWhereATrayExists(FxRobot robot) throws Exception {
        start(true);

        closeWindow(robot);

        assertThat(exited.get(WAIT, TimeUnit.SECONDS)).isEqualTo("parley-ui-shutdown");
        assertThat(tray.menu()).as("the tray appears only after unlock").isNull();
        assertThat(profile.get()).isNull();
    }

    /** The real gate, remembering the profile it opened so the test can see whether the app closed it. */
    private ProfileGate keeping(ProfileGate real) {
        return new ProfileGate() {
            @Override
            public boolean exists() {
                return real.exists();
            }

            @Override
            public Profile create(char[] passphrase) throws StorageException {
                return keep(real.create(passphrase));
            }

            @Override
            public Profile open(char[] passphrase) throws StorageException {
                return keep(real.open(passphrase));
            }

            @Override
            public void warmUp() throws StorageException {
                real.warmUp();
            }

            private Profile keep(Profile p) {
                profile.set(p);
                return p;
            }
        };
    }
}
