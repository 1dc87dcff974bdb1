package org.parley.ui.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.SipAddress;
import org.parley.storage.AccountRecord;
import org.parley.storage.ContactRecord;
import org.parley.storage.Profile;
import org.parley.ui.common.ConversationKey;
import org.parley.ui.fx.FxAsync;
import org.parley.ui.testing.FakeParley;
import org.parley.ui.testing.TestProfiles;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** A link shows Call / Chat / Cancel; nothing is dialled before the click. On Monocle. */
@ExtendWith(ApplicationExtension.class)
class LinkPromptFxTest {
    @TempDir
    Path dir;
    private Profile profile;
    private final List<ConversationKey> called = new CopyOnWriteArrayList<>();
    private final List<ConversationKey> opened = new CopyOnWriteArrayList<>();
    private LinkPromptViewModel vm;

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        profile.close();
    }

    private void setUp(String dialPlan) throws Exception {
        profile = TestProfiles.create(dir);
        profile.accounts().save(new AccountRecord(TestProfiles.ALICE, "alice", "pw", null, "UDP", 600, null, null,
                dialPlan));
        profile.contacts().save(new ContactRecord(TestProfiles.ALICE, TestProfiles.BOB, "Bob Builder", ""));
        FakeParley parley = new FakeParley(profile);
        FxToolkit.setupStage(stage -> {
            vm = new LinkPromptViewModel(parley, FxAsync.create(), TestProfiles.english(),
                    k -> k.peer().equals(TestProfiles.BOB) ? "Bob Builder" : k.peerLabel(), called::add, opened::add);
            new LinkPromptView(vm, TestProfiles.english(), () -> stage).install();
            stage.setScene(new Scene(new StackPane(), 400, 300));
            stage.show();
        });
    }

    private void offer(FxRobot robot, String link) throws Exception {
        Platform.runLater(() -> vm.offer(link));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#link-prompt-call").tryQuery()
                .filter(n -> n.getScene() != null && n.getScene().getWindow().isShowing() && n.isVisible()
                        && n.getLayoutBounds().getWidth() > 0).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aSipLinkAsksWithTheContactsNameAndCallsOnlyOnTheClick(FxRobot robot) throws Exception {
        setUp(null);
        offer(robot, "sip:bob@example.com?subject=hi");
        DialogPane pane = robot.lookup("#link-prompt").queryAs(DialogPane.class);
        assertThat(pane.getContentText()).isEqualTo("Call Bob Builder (bob@example.com)?");
        assertThat(robot.lookup("#link-prompt-call").tryQuery()).isPresent();
        assertThat(robot.lookup("#link-prompt-chat").tryQuery()).isPresent();
        assertThat(robot.lookup("#link-prompt-cancel").tryQuery()).isPresent();
        assertThat(called).isEmpty();
        assertThat(opened).isEmpty();

        robot.clickOn("#link-prompt-call");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> called.size() == 1);
        assertThat(called).containsExactly(new ConversationKey(TestProfiles.ALICE, TestProfiles.BOB));
        assertThat(robot.lookup("#link-prompt").tryQuery()).isEmpty();
    }

    @Test
    void chatOpensTheConversationAndCancelDoesNothing(FxRobot robot) throws Exception {
        setUp(null);
        offer(robot, "callto://bob@example.com/");
        robot.clickOn("#link-prompt-chat");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> opened.size() == 1);
        offer(robot, "sip:carol@example.com");
        assertThat(robot.lookup("#link-prompt").queryAs(DialogPane.class).getContentText())
                .isEqualTo("Call carol@example.com?");
        robot.clickOn("#link-prompt-cancel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#link-prompt").tryQuery().isEmpty());
        assertThat(called).isEmpty();
        assertThat(opened).hasSize(1);
    }

    @Test
    void aTelLinkIsDialledThroughTheAccountsDialPlan(FxRobot robot) throws Exception {
        setUp("v=1;cc=49;np=0;ip=00;ol=0;ext=3;intl=0");
        offer(robot, "tel:+49 (0)30 123-456");
        assertThat(robot.lookup("#link-prompt").queryAs(DialogPane.class).getContentText())
                .isEqualTo("Call 0030123456@example.com?");
        assertThat(called).isEmpty();
        robot.clickOn("#link-prompt-call");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> called.size() == 1);
        assertThat(called.get(0).peer()).isEqualTo("sip:0030123456@example.com");
    }

    @Test
    void aGlobalNumberInE164ModeReachesTheCallerAsTheAddressTheCoreTakes(FxRobot robot) throws Exception {
        setUp("v=1;cc=49;np=0;ip=00;ol=;ext=4;intl=1");
        offer(robot, "tel:+49-30-123456");
        assertThat(robot.lookup("#link-prompt").queryAs(DialogPane.class).getContentText())
                .isEqualTo("Call +4930123456@example.com?");
        robot.clickOn("#link-prompt-call");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> called.size() == 1);

        String peer = called.get(0).peer();
        assertThat(peer).isEqualTo("sip:+4930123456@example.com");
        // The RFC 3261 §19.1.6 form of the same number names the same peer for the core.
        assertThat(SipAddress.parse("sip:+4930123456@example.com;user=phone")).isEqualTo(SipAddress.parse(peer));
    }

    @Test
    void aMalformedLinkGetsOneSentenceAndNoQuestion(FxRobot robot) throws Exception {
        setUp(null);
        Platform.runLater(() -> vm.offer("sip:bob@example.com\r\nVia: evil"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.errorProperty().get()).isEqualTo("The link contains characters a call link cannot have.");
        assertThat(robot.lookup("#link-prompt").tryQuery()).isEmpty();
        assertThat(called).isEmpty();
    }
}
