package org.parley.ui;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import javafx.application.Application;
import org.parley.app.cli.ConsoleOutput;
import org.parley.app.logging.LogFiles;
import org.parley.ui.about.Versions;
import org.parley.ui.handoff.HandoffMessage;
import org.parley.ui.handoff.InstanceLock;
import org.parley.ui.handoff.SingleInstance;
import org.slf4j.LoggerFactory;

/**
 * Launcher of the desktop app. It does not extend {@link Application}, so it runs from a plain class path
 * ({@code java -cp … org.parley.ui.ParleyDesktop}), from {@code mvn -pl ui exec:java} and from the jpackage
 * launcher ({@code docs/packaging.md}).
 *
 * <p>Before anything logs, it names the desktop's log files ({@code parley-desktop.DATE.log} in
 * {@code $XDG_STATE_HOME/parley/logs}, set up by {@code ParleyLogConfigurator} unless the user chose a Logback
 * configuration with {@code -Dlogback.configurationFile}).
 * Options: {@code -Dparley.data.dir=DIR} uses another profile directory.
 *
 * <p>{@code --self-test} (the only argument) runs {@link SelfTest} instead: the app against a throwaway profile,
 * exit code 0 when its main window came up and shut down cleanly, non-zero with one sentence on stderr otherwise.
 * {@code --version} prints the Parley, Java and JavaFX versions.
 *
 * <p>Otherwise the first argument that is not an option is a link ({@code sip:}, {@code sips:}, {@code tel:},
 * {@code callto:}; the desktop entry passes {@code %u}). One instance runs per profile ({@link SingleInstance}):
 * a later launch hands its link — or, without one, "show the window" — to the running instance and exits 0 when
 * it accepted, 2 with the refusal's sentence on stderr (a malformed link), 1 when it could not be reached.
 */
public final class ParleyDesktop {
    /** The project's one gateway to the process streams (ArchitectureTest). */
    private static final ConsoleOutput CONSOLE = ConsoleOutput.system();
    /** Held for the life of the process: an unreachable lock's channel could be cleaned up and the lock lost. */
    private static volatile InstanceLock held;

    private ParleyDesktop() {
    }

    /** A later launch: gives the link (or "show") to the running instance. Returns the exit code. */
    static int handOver(SingleInstance.Paths paths, Optional<String> link) {
        try {
            HandoffMessage.Request request = link.map(HandoffMessage.Request::open)
                    .orElse(HandoffMessage.Request.show());
            HandoffMessage.Reply reply = SingleInstance.deliver(paths, request);
            if (reply.ok()) {
                LoggerFactory.getLogger(ParleyDesktop.class).info("handed over to the running Parley");
                return 0;
            }
            CONSOLE.notice("Parley: " + reply.sentence());
            return 2;
        } catch (IllegalArgumentException e) {
            CONSOLE.notice("Parley: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            CONSOLE.notice("Parley: " + e.getMessage());
            return 1;
        }
    }

    /**
     * Setting up Logback (rolling file, date patterns) takes tens of milliseconds in a fresh JVM; done on
     * its own thread it overlaps the JavaFX toolkit's start. Until it has finished, SLF4J hands out substitute
     * loggers whose events it replays afterwards, so nothing logged meanwhile is lost.
     */
    private static Thread configureLoggingInBackground() {
        Thread thread = new Thread(LoggerFactory::getILoggerFactory, "parley-logging-setup");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void awaitQuietly(Thread thread) {
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) {
        if (System.getProperty(LogFiles.NAME_PROPERTY) == null) {
            System.setProperty(LogFiles.NAME_PROPERTY, "parley-desktop");
        }
        if (args.length == 1 && args[0].equals("--self-test")) {
            // SelfTest chooses its own (temporary) log directory before anything logs.
            System.exit(SelfTest.run());
        }
        if (args.length == 1 && args[0].equals("--version")) {
            for (String line : Versions.current().lines()) {
                CONSOLE.result(line);
            }
            System.exit(0);
        }
        if (System.getProperty(LogFiles.DIR_PROPERTY) == null) {
            System.setProperty(LogFiles.DIR_PROPERTY, AppDirs.system().logDir().toString());
        }
        Thread logging = configureLoggingInBackground();
        Optional<String> link = Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst();
        SingleInstance.Paths paths = SingleInstance.Paths.of(AppDirs.system().dataDir(), System::getenv);
        Optional<InstanceLock> lock;
        try {
            lock = SingleInstance.claim(paths);
        } catch (IOException e) {
            // Without the lock Parley still runs; only the hand-off is missing.
            LoggerFactory.getLogger(ParleyDesktop.class).warn("no single-instance lock: {}", e.getMessage());
            lock = Optional.empty();
            paths = null;
        }
        if (lock.isEmpty() && paths != null) {
            int code = handOver(paths, link);
            awaitQuietly(logging); // what was logged meanwhile is written before the process ends
            System.exit(code);
        }
        held = lock.orElse(null);
        DesktopApp.handOff(paths, link);
        Application.launch(DesktopApp.class, args);
        // The SIP stack may leave non-daemon threads behind after Parley.close(); the window is gone, so end.
        System.exit(0);
    }
}
