package org.parley.ui.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.ParleyEvent;
import org.parley.app.file.FileEnd;
import org.parley.storage.Profile;
import org.parley.ui.chat.ChatsViewModel;
import org.parley.ui.chat.ConversationView;
import org.parley.ui.common.ConversationKey;
import org.parley.ui.fx.FxAsync;
import org.parley.ui.fx.Themes;
import org.parley.ui.testing.FakeParley;
import org.parley.ui.testing.TestProfiles;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Smoke test of transfer rows on Monocle: a conversation view wired as the app wires it, with a fake chooser. */
@ExtendWith(ApplicationExtension.class)
class FilesFxTest {
    private static final ConversationKey KEY = FilesViewModelTest.KEY;

    @TempDir
    Path dir;
    private Profile profile;
    private FakeParley parley;
    private FilesViewModel files;
    private Path chosen;
    private final List<String> shown = new CopyOnWriteArrayList<>();

    @BeforeEach
    void showConversation() throws Exception {
        profile = TestProfiles.create(dir);
        parley = new FakeParley(profile);
        chosen = Files.writeString(dir.resolve("notes.txt"), "hello");
        FilePicker picker = new FilePicker() {
            @Override
            public List<Path> filesToSend(Window owner) {
                return List.of(chosen);
            }

            @Override
            public Optional<Path> folderToSaveIn(Window owner) {
                return Optional.of(dir.resolve("chosen"));
            }
        };
        FxToolkit.setupStage(stage -> {
            var async = FxAsync.create();
            files = new FilesViewModel(parley, async, TestProfiles.english(), Clock.systemUTC(),
                    key -> Optional.empty(), ConversationKey::peerLabel);
            ChatsViewModel chats = new ChatsViewModel(parley, async, TestProfiles.english(), ConversationKey::peerLabel);
            chats.follow(files);
            parley.addListener(files::onEvent, Platform::runLater);
            ConversationView view = new ConversationView(chats.open(KEY), TestProfiles.english(), shown::add,
                    key -> { }, picker);
            Scene scene = new Scene(view.build(), 700, 500);
            scene.getStylesheets().add(Themes.appCss());
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        profile.close();
    }

    private void offer(FxRobot robot) throws Exception {
        parley.emit(new ParleyEvent.FileOffered(FilesViewModelTest.offer("")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> visible(robot, "#transfer-accept"));
    }

    private static boolean visible(FxRobot robot, String query) {
        return shown(robot, query).isPresent();
    }

    /** The node on screen: a list also lays out a hidden measuring cell, whose nodes come and go. */
    private static Optional<Node> shown(FxRobot robot, String query) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).queryAll().stream()
                .filter(FilesFxTest::onScreen).findFirst()));
    }

    private static boolean onScreen(Node node) {
        if (node.getScene() == null) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static void click(FxRobot robot, String query) {
        robot.clickOn(shown(robot, query).orElseThrow(() -> new AssertionError(query + " is not shown")));
    }

    private static String text(FxRobot robot, String query) {
        return ((Label) shown(robot, query).orElseThrow(() -> new AssertionError(query + " is not shown"))).getText();
    }

    @Test
    void anOfferShowsItsRowWithAcceptAndDeclineAndAcceptReachesTheCore(FxRobot robot) throws Exception {
        offer(robot);
        assertThat(text(robot, ".transfer-name")).isEqualTo("report.pdf");
        assertThat(visible(robot, "#transfer-decline")).isTrue();
        assertThat(visible(robot, "#transfer-save-as")).isTrue();
        assertThat(visible(robot, "#transfer-open")).isFalse();

        click(robot, "#transfer-accept");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> parley.filesAccepted.size() == 1);
        assertThat(parley.filesAccepted).containsExactly("t1");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !visible(robot, "#transfer-accept"));
        assertThat(visible(robot, "#transfer-cancel")).isTrue();
    }

    @Test
    void saveAsAcceptsIntoTheFolderTheChooserGives(FxRobot robot) throws Exception {
        offer(robot);
        click(robot, "#transfer-save-as");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> parley.filesAccepted.size() == 1);
        assertThat(parley.filesAccepted).containsExactly("t1:" + dir.resolve("chosen"));
    }

    @Test
    void aSavedFileOpensAndShowsItsFolderOnlyWhenAsked(FxRobot robot) throws Exception {
        offer(robot);
        click(robot, "#transfer-accept");
        Path saved = dir.resolve("Downloads").resolve("report.pdf");
        parley.emit(new ParleyEvent.FileEnded(KEY.account(), "t1", KEY.peer(), "report.pdf", false,
                new FileEnd.Done(Optional.of(saved), FilesViewModelTest.HASH, 2_500_000)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> visible(robot, "#transfer-open"));
        assertThat(shown).isEmpty();
        assertThat(text(robot, ".transfer-state")).isEqualTo("Saved");

        click(robot, "#transfer-open");
        click(robot, "#transfer-folder");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shown.size() == 2);
        assertThat(shown).containsExactly(saved.toUri().toString(), saved.getParent().toUri().toString());
    }

    @Test
    void thePaperclipAndCtrlShiftFSendTheChosenFile(FxRobot robot) throws Exception {
        robot.clickOn("#attach");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> parley.filesSent.size() == 1);
        assertThat(parley.filesSent).containsExactly(KEY.account() + "->" + KEY.peer() + ":" + chosen);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> visible(robot, ".transfer-name"));
        assertThat(text(robot, ".transfer-name")).isEqualTo("notes.txt");

        robot.clickOn("#composer");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F).release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> parley.filesSent.size() == 2);
    }
}
