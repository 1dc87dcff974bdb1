package org.parley.ui.about;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.ui.testing.TestProfiles;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Parley → About Parley on Monocle: the versions the app runs on and where it keeps its files. */
@ExtendWith(ApplicationExtension.class)
class AboutDialogFxTest {
    private static final Path DATA = Path.of("/home/u/.local/share/parley");
    private static final Path CONFIG = Path.of("/home/u/.config/parley");
    private static final Path LOGS = Path.of("/home/u/.local/state/parley/logs");

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    private String showAbout(FxRobot robot, Versions versions) throws Exception {
        Stage owner = FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new StackPane(), 300, 200));
            stage.show();
        });
        Platform.runLater(() -> AboutDialog.show(owner, TestProfiles.english(), versions, DATA, CONFIG, LOGS));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#about-details").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#about-details").queryAs(TextArea.class).getText();
    }

    @Test
    void showsTheVersionsOfParleyJavaAndJavaFxTheAppRunsOn(FxRobot robot) throws Exception {
        Versions current = Versions.current();
        String details = showAbout(robot, current);

        assertThat(current.java()).startsWith(Runtime.version().toString());
        // Set by the running toolkit: the About dialog names the JavaFX that actually runs, not a build constant.
        assertThat(current.javafx()).isEqualTo(System.getProperty("javafx.runtime.version")).isNotBlank();
        assertThat(details.lines()).startsWith("Parley " + current.parley(), "Java " + current.java(),
                "JavaFX " + current.javafx());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(pane.getHeaderText()).isEqualTo("Parley " + current.parley());
    }

    @Test
    void listsTheDataSettingsAndLogDirectories(FxRobot robot) throws Exception {
        String details = showAbout(robot, new Versions("1.2.3", "17.0.9+9 (Vendor)", "21.0.1"));

        assertThat(details.lines()).containsExactly("Parley 1.2.3", "Java 17.0.9+9 (Vendor)", "JavaFX 21.0.1", "",
                "Profile (data): " + DATA, "Settings: " + CONFIG, "Logs: " + LOGS);
        assertThat(robot.lookup("#about-details").queryAs(TextArea.class).isEditable()).isFalse();
    }
}
