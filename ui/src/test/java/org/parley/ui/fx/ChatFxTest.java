package org.parley.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.ParleyEvent;
import org.parley.storage.AccountRecord;
import org.parley.storage.ContactRecord;
import org.parley.storage.Profile;
import org.parley.ui.common.ConversationKey;
import org.parley.ui.main.MainView;
import org.parley.ui.main.MainViewModel;
import org.parley.ui.settings.SettingsStore;
import org.parley.ui.settings.SettingsViewModel;
import org.parley.ui.settings.UiSettings;
import org.parley.ui.testing.FakeParley;
import org.parley.ui.testing.TestProfiles;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Smoke test of the main window on Monocle: a stored conversation opens in a tab and shows its messages. */
@ExtendWith(ApplicationExtension.class)
class ChatFxTest {
    private static final ConversationKey KEY = new ConversationKey(TestProfiles.ALICE, TestProfiles.BOB);

    @TempDir
    Path dir;
    private Profile profile;
    private FakeParley parley;
    private MainViewModel vm;

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        profile.close();
    }

    private void showMainWindow() throws Exception {
        profile = TestProfiles.create(dir);
        profile.accounts().save(new AccountRecord(TestProfiles.ALICE, "alice", "pw", null, "UDP", 600, null, null));
        profile.contacts().save(new ContactRecord(TestProfiles.ALICE, TestProfiles.BOB, "Bob Builder", "Work"));
        profile.history().appendIncoming(KEY.account(), KEY.peer(), "Hi Alice, see https://example.com 👋", "k1").join();
        profile.history().appendOutgoing(KEY.account(), KEY.peer(), "Grüße zurück — 你好", "c1").join();
        parley = new FakeParley(profile);
        FxToolkit.setupStage(stage -> {
            var async = FxAsync.create();
            SettingsViewModel settings = new SettingsViewModel(new SettingsStore(dir.resolve("s.properties")),
                    UiSettings.defaults(), async, TestProfiles.english());
            vm = new MainViewModel(parley, async, TestProfiles.english(), (t, x, o) -> { }, settings);
            parley.addListener(vm::onEvent, Platform::runLater);
            Scene scene = new Scene(new MainView(vm, async, TestProfiles.english(), url -> { }, () -> { }).build(),
                    1000, 640);
            scene.getStylesheets().add(Themes.appCss());
            stage.setScene(scene);
            stage.show();
            vm.start();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void openingAContactShowsTheConversationInATab(FxRobot robot) throws Exception {
        showMainWindow();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.contacts().shown().isEmpty());
        robot.doubleClickOn("Bob Builder");
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> messages = robot.lookup("#messages").queryAs(ListView.class);
        assertThat(messages.getItems()).hasSize(2);
        assertThat(robot.lookup(".message-text").queryAll()).extracting(n -> ((Text) n).getText())
                .contains("Hi Alice, see ", "Grüße zurück — 你好");
        assertThat(robot.lookup(".bubble .hyperlink").tryQuery()).isPresent();
        assertThat(robot.lookup(".message-state").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Queued");

        parley.emit(new ParleyEvent.MessageReceived(KEY.account(), KEY.peer(), "live message", 99, Instant.now()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> messages.getItems().size() == 3);
    }

    @Test
    void theCallsTabListsAMissedCallAndOpensItsConversation(FxRobot robot) throws Exception {
        showMainWindow();
        Instant started = Instant.now();
        profile.calls().record(KEY.account(), KEY.peer(), org.parley.storage.Direction.IN, started,
                java.util.Optional.empty(), started.plusSeconds(20), "cancelled", "").join();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.contacts().shown().isEmpty());
        robot.interact(() -> vm.calls().onCallEnded());
        robot.clickOn("Calls");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#call-history .list-cell")
                .queryAllAs(javafx.scene.control.ListCell.class).stream().anyMatch(c -> c.getItem() != null));
        var cell = robot.lookup("#call-history .list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .filter(c -> c.getItem() != null).findFirst().orElseThrow();
        assertThat(cell.getAccessibleText()).startsWith("Bob Builder — missed, ");
        assertThat(robot.from(cell).lookup(".ikonli-font-icon").queryAs(org.kordamp.ikonli.javafx.FontIcon.class)
                .getIconCode()).isEqualTo(org.kordamp.ikonli.feather.Feather.PHONE_MISSED);

        robot.doubleClickOn(cell);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.chats().selectedKey().filter(KEY::equals).isPresent());
    }

    @Test
    void enterInTheComposerSends(FxRobot robot) throws Exception {
        showMainWindow();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.contacts().shown().isEmpty());
        robot.interact(() -> vm.open(KEY));
        robot.clickOn("#composer").write("sent with Enter");
        robot.type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> parley.sent.size() == 1);
        assertThat(parley.sent.get(0).text()).isEqualTo("sent with Enter");
    }

    @Test
    void partOfAMessageCanBeSelectedAndCopied(FxRobot robot) throws Exception {
        showMainWindow();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.contacts().shown().isEmpty());
        robot.interact(() -> vm.open(KEY));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".message-text").tryQuery().isPresent());
        Text first = robot.lookup(".message-text").queryAs(Text.class);
        robot.doubleClickOn(first);
        javafx.scene.control.TextArea area = robot.lookup(".message-select").queryAs(javafx.scene.control.TextArea.class);
        assertThat(area.getText()).isEqualTo("Hi Alice, see https://example.com 👋");
        assertThat(area.isEditable()).isFalse();
        assertThat(area.isFocused()).isTrue();

        robot.interact(() -> area.selectRange(3, 8));
        robot.push(javafx.scene.input.KeyCode.SHORTCUT, javafx.scene.input.KeyCode.C);
        assertThat(WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()).get())
                .isEqualTo("Alice");

        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".message-select").tryQuery().isEmpty());

        // Keyboard path: F2 on the focused message.
        ListView<?> messages = robot.lookup("#messages").queryAs(ListView.class);
        robot.interact(() -> {
            messages.requestFocus();
            messages.getFocusModel().focus(1);
        });
        robot.type(javafx.scene.input.KeyCode.F2);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".message-select").tryQuery().isPresent());
        assertThat(robot.lookup(".message-select").queryAs(javafx.scene.control.TextArea.class).getText())
                .isEqualTo("Grüße zurück — 你好");
    }

    @Test
    void aNewWatcherIsAskedAboutAndAllowOnlyOnce(FxRobot robot) throws Exception {
        showMainWindow();
        parley.emit(new ParleyEvent.WatcherApprovalNeeded(TestProfiles.ALICE, "sip:carol@example.com", "Carol"));
        // The prompt's window exists before it is shown: wait until its button can be clicked.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Allow")
                .match(org.testfx.util.NodeQueryUtils.isVisible()).tryQuery().isPresent());
        robot.clickOn("Allow");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> parley.watcherDecisions(TestProfiles.ALICE)
                .get("sip:carol@example.com") == org.parley.app.presence.WatcherDecision.ALLOW);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#watcher-request").tryQuery()).isEmpty();
    }
}
