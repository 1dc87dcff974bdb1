package org.parley.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.parley.app.cli.ConsoleOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ParleyDesktop --self-test}: proves that an installed app can start. It runs the real app against a
 * throwaway profile in a new temporary directory (data, settings and logs all there; the user's profile,
 * settings and logs are never read or written): types a fixed passphrase into the first-run screen, which
 * creates the profile, waits until the main window is showing and has been laid out (a post-layout pulse with
 * a non-empty, clean root), checks the window icons, then closes the window the way the user does and waits
 * for the app's shutdown (core, profile, FX toolkit) to finish.
 *
 * <p>Contract: {@link #run()} returns 0 on success (one line on stdout), 1 on a failure and 2 when the whole run
 * takes longer than {@link #TIMEOUT_SECONDS}; on 1 or 2 exactly one sentence goes to stderr and the temporary
 * directory is kept for its log. Detail is logged at INFO, because WARN and above are echoed to stderr.
 * Needs a display (use {@code xvfb-run -a} and {@code -Dprism.order=sw} on a machine without one).
 */
final class SelfTest {
    static final int TIMEOUT_SECONDS = 60;
    /** Only ever protects the throwaway profile. */
    private static final String PASSPHRASE = "parley self-test: correct horse battery staple";
    private static final Logger LOG = LoggerFactory.getLogger(SelfTest.class);
    /** The project's one gateway to the process streams (ArchitectureTest). */
    private static final ConsoleOutput CONSOLE = ConsoleOutput.system();

    private final CompletableFuture<Void> mainWindowReady = new CompletableFuture<>();
    private final CompletableFuture<Thread> fxThread = new CompletableFuture<>();
    private final AtomicBoolean reported = new AtomicBoolean();
    private volatile String phase = "starting";

    private SelfTest() {
    }

    /** Runs the self-test; call from {@code main} before anything else has logged. Returns the exit code. */
    static int run() {
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        Path tmp;
        try {
            tmp = Files.createTempDirectory("parley-self-test-");
        } catch (IOException e) {
            CONSOLE.notice("Parley self-test failed: no temporary directory could be created (" + e.getMessage() + ").");
            return 1;
        }
        AppDirs dirs = throwawayDirs(tmp);
        System.setProperty("parley.data.dir", dirs.dataDir().toString());
        System.setProperty("parley.log.dir", dirs.logDir().toString());
        LOG.info("self-test starting in {}", tmp);
        int code = new SelfTest().execute(dirs, deadline, started);
        if (code == 0) {
            deleteQuietly(tmp);
        }
        return code;
    }

    /** XDG data, config and state homes inside {@code tmp}, so every path of {@link AppDirs} lies there. */
    private static AppDirs throwawayDirs(Path tmp) {
        Map<String, String> env = Map.of(
                "XDG_DATA_HOME", tmp.resolve("data").toString(),
                "XDG_CONFIG_HOME", tmp.resolve("config").toString(),
                "XDG_STATE_HOME", tmp.resolve("state").toString());
        // The data directory is also pinned by run() with -Dparley.data.dir, which AppDirs honours first.
        return new AppDirs(env::get, tmp.toString());
    }

    private int execute(AppDirs dirs, long deadline, long started) {
        Thread watchdog = new Thread(() -> watchdog(deadline, dirs), "parley-self-test-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            phase = "starting the JavaFX toolkit";
            try {
                Platform.startup(() -> startApp(dirs));
            } catch (RuntimeException e) {
                return fail("JavaFX could not start (" + e.getMessage() + "), so there may be no display", e, dirs);
            }
            mainWindowReady.get(remaining(deadline), TimeUnit.NANOSECONDS);
            double seconds = (System.nanoTime() - started) / 1e9;
            phase = "closing the main window";
            Platform.runLater(this::closeMainWindow);
            Thread fx = fxThread.get(remaining(deadline), TimeUnit.NANOSECONDS);
            fx.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining(deadline))));
            if (fx.isAlive()) {
                return fail("the app did not shut down after its main window was closed", null, dirs);
            }
            if (!reported.compareAndSet(false, true)) {
                return 2; // the watchdog has just reported a timeout
            }
            CONSOLE.result(String.format(Locale.ROOT,
                    "Parley self-test passed: main window shown and laid out after %.1f s, shut down after %.1f s.",
                    seconds, (System.nanoTime() - started) / 1e9));
            LOG.info("self-test passed");
            return 0;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return fail(cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName(), cause, dirs);
        } catch (TimeoutException e) {
            return timedOut(dirs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("it was interrupted while " + phase, e, dirs);
        } catch (RuntimeException e) {
            return fail("it broke while " + phase + " (" + e + ")", e, dirs);
        }
    }

    /** FX thread: the app as {@code Application.launch} would start it, then the first-run screen is filled in. */
    private void startApp(AppDirs dirs) {
        fxThread.complete(Thread.currentThread());
        try {
            phase = "showing the first-run screen";
            Stage stage = new Stage();
            new DesktopApp(dirs, this::watchLayout).start(stage);
            Scene scene = stage.getScene();
            Label error = find(scene, "#unlock-error", Label.class);
            error.textProperty().addListener((o, a, text) -> {
                if (!text.isEmpty()) {
                    mainWindowReady.completeExceptionally(
                            new IllegalStateException("the first-run screen said: " + text));
                }
            });
            find(scene, "#passphrase", TextInputControl.class).setText(PASSPHRASE);
            find(scene, "#confirmation", TextInputControl.class).setText(PASSPHRASE);
            phase = "creating the throwaway profile and opening the main window";
            find(scene, "#unlock-submit", Button.class).fire();
        } catch (RuntimeException e) {
            mainWindowReady.completeExceptionally(e);
        }
    }

    /** FX thread, from the app once the main scene is set: passes at the first pulse that leaves it laid out. */
    private void watchLayout(Stage stage) {
        phase = "laying out the main window";
        Scene scene = stage.getScene();
        Runnable check = new Runnable() {
            @Override
            public void run() {
                Parent root = scene.getRoot();
                if (stage.isShowing() && stage.getScene() == scene && root.getLayoutBounds().getWidth() > 0 && root.getLayoutBounds().getHeight() > 0
                        && !root.isNeedsLayout()) {
                    scene.removePostLayoutPulseListener(this);
                    checkIcons(stage);
                }
            }
        };
        scene.addPostLayoutPulseListener(check);
        Platform.requestNextPulse();
    }

    private void checkIcons(Stage stage) {
        boolean complete = stage.getIcons().size() == WindowIcons.SIZES.length
                && stage.getIcons().stream().noneMatch(i -> i.isError() || i.getWidth() <= 0);
        if (complete) {
            LOG.info("main window laid out at {}x{} with {} icons", stage.getWidth(), stage.getHeight(),
                    stage.getIcons().size());
            mainWindowReady.complete(null);
        } else {
            mainWindowReady.completeExceptionally(new IllegalStateException(
                    "the window has " + stage.getIcons().size() + " of " + WindowIcons.SIZES.length + " app icons"));
        }
    }

    /** FX thread: the same close request the window manager sends; the app then shuts down and exits FX. */
    private void closeMainWindow() {
        Stage.getWindows().stream().filter(w -> w instanceof Stage && w.isShowing()).findFirst()
                .ifPresent(w -> w.fireEvent(new WindowEvent(w, WindowEvent.WINDOW_CLOSE_REQUEST)));
    }

    private static <T extends Node> T find(Scene scene, String selector, Class<T> type) {
        Node node = scene.lookup(selector);
        if (!type.isInstance(node)) {
            throw new IllegalStateException("the first-run screen has no " + selector + " " + type.getSimpleName());
        }
        return type.cast(node);
    }

    private void watchdog(long deadline, AppDirs dirs) {
        try {
            TimeUnit.NANOSECONDS.sleep(remaining(deadline) + TimeUnit.SECONDS.toNanos(2));
        } catch (InterruptedException e) {
            return;
        }
        // The main thread did not report in time (e.g. blocked in the toolkit): end the JVM regardless.
        Runtime.getRuntime().halt(timedOut(dirs));
    }

    private int timedOut(AppDirs dirs) {
        if (!reported.compareAndSet(false, true)) {
            return 2;
        }
        CONSOLE.notice("Parley self-test failed: it took longer than " + TIMEOUT_SECONDS + " s while " + phase
                + " (log in " + dirs.logDir() + ").");
        return 2;
    }

    private int fail(String reason, Throwable cause, AppDirs dirs) {
        LOG.info("self-test failed: {}", reason, cause);
        if (!reported.compareAndSet(false, true)) {
            return 1;
        }
        String clause = reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason;
        CONSOLE.notice("Parley self-test failed: " + clause + " (log in " + dirs.logDir() + ").");
        return 1;
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            LOG.info("could not delete the self-test directory {}", dir, e);
        }
    }
}
