package org.parley.ui.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.ui.tray.FakeTray;
import org.parley.ui.tray.TrayMenu;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Notifications at the tray icon, and what a click on the icon means shortly after one. On Monocle. */
@ExtendWith(ApplicationExtension.class)
class DesktopNotifierTrayTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final List<String> actions = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    private DesktopNotifier notifier(FakeTray tray, FxRobot robot) throws Exception {
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new StackPane(), 200, 100));
            stage.show();
        });
        TrayMenu menu = new TrayMenu("Parley", "Open Parley", "Quit Parley", () -> actions.add("front"),
                () -> actions.add("open"), () -> actions.add("quit"));
        DesktopNotifier[] n = new DesktopNotifier[1];
        robot.interact(() -> n[0] = DesktopNotifier.install(tray, menu, now::get));
        return n[0];
    }

    private void notify(FxRobot robot, DesktopNotifier n) {
        robot.interact(() -> n.show("Bob", "hello", () -> actions.add("conversation with Bob")));
    }

    @Test
    void aClickOnTheIconSoonAfterAMessageBringsTheWindowForwardAndOpensThatConversation(FxRobot robot)
            throws Exception {
        FakeTray tray = new FakeTray(true);
        DesktopNotifier n = notifier(tray, robot);
        notify(robot, n);
        assertThat(tray.messages()).containsExactly("Bob: hello");

        now.addAndGet(TimeUnit.SECONDS.toNanos(9));
        tray.clickIcon();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(actions).containsExactly("front", "conversation with Bob");
        tray.clickIcon();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(actions).containsExactly("front", "conversation with Bob", "front");
    }

    @Test
    void aClickOnTheIconLongAfterAMessageOnlyBringsTheWindowForward(FxRobot robot) throws Exception {
        FakeTray tray = new FakeTray(true);
        DesktopNotifier n = notifier(tray, robot);
        notify(robot, n);

        now.addAndGet(DesktopNotifier.MESSAGE_CLICK_WINDOW + 1);
        tray.clickIcon();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(actions).containsExactly("front");
    }

    @Test
    void theMenuItemsRunOpenAndQuitAndClosingRemovesTheIcon(FxRobot robot) throws Exception {
        FakeTray tray = new FakeTray(true);
        DesktopNotifier n = notifier(tray, robot);
        assertThat(n.hasTray()).isTrue();
        assertThat(tray.menu().openLabel()).isEqualTo("Open Parley");
        assertThat(tray.menu().quitLabel()).isEqualTo("Quit Parley");

        tray.clickOpen();
        tray.clickQuit();
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(n::close);

        assertThat(actions).containsExactly("open", "quit");
        assertThat(n.hasTray()).isFalse();
        assertThat(tray.showing()).isFalse();
    }

    @Test
    void withoutATrayThereIsNoIconAndNoTrayMessage(FxRobot robot) throws Exception {
        FakeTray tray = new FakeTray(false);
        DesktopNotifier n = notifier(tray, robot);
        notify(robot, n);

        assertThat(n.hasTray()).isFalse();
        assertThat(tray.messages()).isEmpty();
    }
}
