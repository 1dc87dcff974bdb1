package org.parley.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.Parley;
import org.parley.app.ParleyEvent;
import org.parley.app.RegistrationState;
import org.parley.app.Transport;
import org.parley.app.core.ParleyCore;
import org.parley.app.testsupport.TestUser;
import org.parley.app.testsupport.kamailio.KamailioExtension;
import org.parley.storage.DeliveryState;
import org.parley.storage.Profile;
import org.parley.ui.accounts.AccountItem;
import org.parley.ui.chat.ConversationViewModel;
import org.parley.ui.chat.MessageItem;
import org.parley.ui.common.Async;
import org.parley.ui.main.MainView;
import org.parley.ui.main.MainViewModel;
import org.parley.ui.settings.SettingsStore;
import org.parley.ui.settings.SettingsViewModel;
import org.parley.ui.settings.UiSettings;
import org.parley.ui.testing.TestProfiles;
import org.parley.ui.unlock.ProfileGate;
import org.parley.ui.unlock.UnlockView;
import org.parley.ui.unlock.UnlockViewModel;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole first-run path through the real views, view-models and core against the test Kamailio, with Bob as a
 * second Parley core: create a passphrase, add an account (the dialog's "test" registers for real), add Bob,
 * chat both ways, find the message by search; then restart: a wrong passphrase is refused and the right one
 * brings the conversation back. Headless on Monocle. The composition mirrors {@code DesktopApp.unlocked}.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopFlowFxTest {
    private static final String PASSPHRASE = "a long passphrase for the flow test";
    private static final int WAIT = 20;

    @RegisterExtension
    static final KamailioExtension kamailio = KamailioExtension.md5();

    @TempDir
    Path dir;
    private TestUser bob;
    private final AtomicReference<Profile> profile = new AtomicReference<>();
    private final AtomicReference<Parley> alice = new AtomicReference<>();
    private final AtomicReference<MainViewModel> main = new AtomicReference<>();

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        closeAlice();
        if (bob != null) {
            bob.close();
        }
    }

    @Test
    void firstRunAddAccountChatSearchAndUnlockAgain(FxRobot robot) throws Exception {
        bob = TestUser.create(dir, kamailio, "bob", "bobpw", Transport.UDP).startAndAwaitRegistered();
        String aliceAor = "sip:alice@" + kamailio.domain();
        Path aliceDir = dir.resolve("alice-profile");

        // First run: passphrase and confirmation create the profile and open the main window.
        showUnlock(aliceDir);
        robot.clickOn("#passphrase").write(PASSPHRASE);
        robot.clickOn("#confirmation").write(PASSPHRASE);
        robot.clickOn("#unlock-submit");
        waitUntil(() -> main.get() != null && robot.lookup("#account-add").tryQuery().isPresent());

        // Account dialog: "test" registers against the real server and says so in words.
        robot.clickOn("#account-add");
        robot.clickOn("#account-address").write(aliceAor);
        robot.clickOn("#account-password").write("alicepw");
        robot.clickOn("#account-server").write(kamailio.host() + ":" + kamailio.udpPort());
        robot.clickOn("#account-test");
        Label outcome = robot.lookup("#account-outcome").queryAs(Label.class);
        waitUntil(() -> "Registered.".equals(outcome.getText()));
        robot.clickOn(dialogButton(ButtonBar.ButtonData.OK_DONE));
        waitUntil(() -> robot.lookup("#account-outcome").tryQuery().isEmpty());
        waitUntil(() -> main.get().accounts().accounts().stream().map(AccountItem::stateProperty)
                .anyMatch(s -> s.get() instanceof RegistrationState.Registered));

        // Contact, chat window, Enter sends; Bob's core receives it and Alice's bubble turns SENT.
        robot.clickOn("#contact-add");
        robot.clickOn("#contact-address").write(bob.aor);
        robot.clickOn("#contact-name").write("Bob Flow");
        robot.clickOn(dialogButton(ButtonBar.ButtonData.OK_DONE));
        waitUntil(() -> robot.lookup("Bob Flow").tryQuery().isPresent());
        robot.doubleClickOn("Bob Flow");
        waitUntil(() -> robot.lookup("#composer").tryQuery().isPresent());
        robot.clickOn("#composer").write("Hello Bob, from the desktop flow");
        robot.type(KeyCode.ENTER);
        bob.awaitEvent(ParleyEvent.MessageReceived.class, m -> m.text().equals("Hello Bob, from the desktop flow"));
        ConversationViewModel chat = onFx(() -> main.get().chats().selectedProperty().get());
        waitUntil(() -> chat.messages().size() == 1 && chat.messages().get(0).stateProperty().get() == DeliveryState.SENT);
        assertThat(robot.lookup("#composer").queryTextInputControl().getText()).isEmpty();

        bob.core.send(bob.aor, aliceAor, "Hi Alice, got it 👍").join();
        waitUntil(() -> chat.messages().size() == 2);
        assertThat(onFx(() -> java.util.List.copyOf(chat.messages()))).extracting(MessageItem::text)
                .containsExactly("Hello Bob, from the desktop flow", "Hi Alice, got it 👍");

        // History search (Ctrl+F) finds the message; Down, Enter opens its conversation.
        robot.push(KeyCode.SHORTCUT, KeyCode.F);
        waitUntil(() -> robot.lookup("#search-field").query().isFocused());
        robot.write("desktop").type(KeyCode.ENTER);
        waitUntil(() -> !main.get().search().results().isEmpty());
        assertThat(onFx(() -> main.get().search().results().get(0).conversation().peer())).isEqualTo(bob.aor);
        robot.interact(() -> main.get().chats().close(chat));
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        waitUntil(() -> main.get().chats().selectedProperty().get() != null
                && main.get().chats().selectedProperty().get().messages().size() == 2);

        // Restart: the wrong passphrase is refused without harm, the right one brings everything back.
        FxToolkit.cleanupStages();
        closeAlice();
        showUnlock(aliceDir);
        robot.clickOn("#passphrase").write("not the passphrase");
        robot.clickOn("#unlock-submit");
        Label error = robot.lookup("#unlock-error").queryAs(Label.class);
        waitUntil(() -> !error.getText().isEmpty());
        assertThat(error.getText()).isEqualTo("The passphrase is wrong. Nothing was changed; try again.");
        assertThat(main.get()).isNull();

        robot.interact(() -> robot.lookup("#passphrase").queryTextInputControl().clear());
        robot.clickOn("#passphrase").write(PASSPHRASE);
        robot.clickOn("#unlock-submit");
        waitUntil(() -> main.get() != null && robot.lookup("Bob Flow").tryQuery().isPresent());
        waitUntil(() -> main.get().accounts().accounts().stream().map(AccountItem::stateProperty)
                .anyMatch(s -> s.get() instanceof RegistrationState.Registered));
        robot.doubleClickOn("Bob Flow");
        waitUntil(() -> main.get().chats().selectedProperty().get() != null
                && main.get().chats().selectedProperty().get().messages().size() == 2);
    }

    private void showUnlock(Path profileDir) throws Exception {
        main.set(null);
        FxToolkit.setupStage(stage -> {
            Async async = FxAsync.create();
            UnlockViewModel vm = new UnlockViewModel(ProfileGate.at(profileDir), async, TestProfiles.english(),
                    unlocked -> showMain(stage, unlocked, async));
            show(stage, new UnlockView(vm, TestProfiles.english()).build(), 520, 440);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** As DesktopApp.unlocked, with the test's fast keep-alive options and no desktop notifications. */
    private void showMain(Stage stage, Profile unlocked, Async async) {
        profile.set(unlocked);
        Parley core = ParleyCore.open(unlocked, TestUser.fastOptions());
        alice.set(core);
        SettingsViewModel settings = new SettingsViewModel(new SettingsStore(dir.resolve("desktop.properties")),
                UiSettings.defaults(), async, TestProfiles.english());
        MainViewModel vm = new MainViewModel(core, async, TestProfiles.english(), (t, x, o) -> { }, settings);
        core.addListener(vm::onEvent, Platform::runLater);
        show(stage, new MainView(vm, async, TestProfiles.english(), url -> { }, () -> { }).build(), 1100, 720);
        vm.start();
        core.start();
        main.set(vm);
    }

    private static void show(Stage stage, javafx.scene.Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(Themes.appCss());
        stage.setScene(scene);
    }

    private void closeAlice() {
        Parley core = alice.getAndSet(null);
        if (core != null) {
            core.close();
        }
        Profile p = profile.getAndSet(null);
        if (p != null) {
            p.close();
        }
        main.set(null);
    }

    private static Node dialogButton(ButtonBar.ButtonData data) {
        return javafx.stage.Window.getWindows().stream().filter(javafx.stage.Window::isShowing)
                .map(w -> w.getScene().getRoot().lookupAll(".button"))
                .flatMap(java.util.Set::stream)
                .filter(n -> n instanceof Button b && ButtonBar.getButtonData(b) == data && b.isVisible())
                .reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("no visible " + data + " button"));
    }

    /** Waits for a condition read on the FX thread (view-model state belongs to it). */
    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, () -> onFx(condition));
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(WAIT, TimeUnit.SECONDS);
    }
}
