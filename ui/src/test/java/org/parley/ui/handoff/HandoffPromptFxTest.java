package org.parley.ui.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.parley.storage.AccountRecord;
import org.parley.storage.ContactRecord;
import org.parley.storage.Profile;
import org.parley.ui.fx.FxAsync;
import org.parley.ui.testing.FakeParley;
import org.parley.ui.testing.TestProfiles;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * End to end on one machine: the real launcher started as a second JVM with a {@code sip:} link, the hand-off
 * served the way the running app serves it ({@link SingleInstance}, {@link HandoffInbox} on the FX thread), and
 * the running instance's question shown by {@link LinkPromptView}. Also records the hand-off latency — from the
 * second launch's process start to the question's window being shown — in
 * {@code target/figures/handoff-prompt.txt} ({@code -Dhandoff.runs=10} for the figure in docs/benchmarks.md).
 */
@ExtendWith(ApplicationExtension.class)
class HandoffPromptFxTest {
    @TempDir
    Path tmp;
    private Profile profile;
    private InstanceLock lock;
    private HandoffServer server;
    private final BlockingQueue<Long> promptShownAt = new LinkedBlockingQueue<>();

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        if (server != null) {
            server.close();
        }
        if (lock != null) {
            lock.close();
        }
        profile.close();
    }

    @Test
    void aSecondLaunchWithASipLinkMakesTheRunningInstanceAskAndTheLatencyIsRecorded(FxRobot robot)
            throws Exception {
        profile = TestProfiles.create(tmp);
        profile.accounts().save(new AccountRecord(TestProfiles.ALICE, "alice", "pw", null, "UDP", 600, null, null,
                null));
        profile.contacts().save(new ContactRecord(TestProfiles.ALICE, TestProfiles.BOB, "Bob Builder", ""));
        LinkPromptViewModel[] vm = new LinkPromptViewModel[1];
        HandoffInbox inbox = new HandoffInbox(Platform::runLater);
        FxToolkit.setupStage(stage -> {
            vm[0] = new LinkPromptViewModel(new FakeParley(profile), FxAsync.create(), TestProfiles.english(),
                    k -> k.peer().equals(TestProfiles.BOB) ? "Bob Builder" : k.peerLabel(), k -> { }, k -> { });
            new LinkPromptView(vm[0], TestProfiles.english(), () -> stage).install();
            stage.setScene(new Scene(new StackPane(), 400, 300));
            stage.show();
            Window.getWindows().addListener((ListChangeListener<Window>) c -> {
                while (c.next()) {
                    c.getAddedSubList().stream().filter(w -> w.getScene() != null
                            && w.getScene().getRoot() instanceof DialogPane p && "link-prompt".equals(p.getId()))
                            .forEach(w -> promptShownAt.add(System.nanoTime()));
                }
            });
            inbox.attach(vm[0]::offer);
        });
        SingleInstance.Paths paths = SingleInstance.Paths.of(tmp.resolve("data"),
                v -> v.equals("XDG_RUNTIME_DIR") ? tmp.toString() : null);
        lock = SingleInstance.claim(paths).orElseThrow();
        server = SingleInstance.serve(paths, inbox);

        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < Integer.getInteger("handoff.runs", 3); i++) {
            long started = System.nanoTime();
            Process second = launch("sip:bob@example.com");
            Long shown = promptShownAt.poll(30, TimeUnit.SECONDS);
            assertThat(shown).as("the question was shown").isNotNull();
            millis.add(TimeUnit.NANOSECONDS.toMillis(shown - started));
            assertThat(second.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).isZero();
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup("#link-prompt").queryAs(DialogPane.class).getContentText())
                    .isEqualTo("Call Bob Builder (bob@example.com)?");
            robot.interact(vm[0]::cancel);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#link-prompt").tryQuery().isEmpty());
        }
        record(millis);
    }

    private Process launch(String link) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dparley.data.dir=" + tmp.resolve("data"),
                "-Dparley.log.dir=" + tmp.resolve("logs"), "org.parley.ui.ParleyDesktop", link);
        pb.environment().put("XDG_RUNTIME_DIR", tmp.toString());
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        return pb.start();
    }

    private static void record(List<Long> millis) throws IOException {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        Path figures = Path.of("target", "figures");
        Files.createDirectories(figures);
        Files.writeString(figures.resolve("handoff-prompt.txt"), String.format(Locale.ROOT,
                "hand-off latency, second launch (java -cp, JIT defaults) to the question shown: median %d ms of %d"
                        + " runs, min %d, max %d, all %s%n", sorted.get(sorted.size() / 2), sorted.size(),
                sorted.get(0), sorted.get(sorted.size() - 1), millis), StandardCharsets.UTF_8);
    }
}
