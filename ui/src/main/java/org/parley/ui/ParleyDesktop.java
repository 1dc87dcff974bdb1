package org.parley.ui;

import javafx.application.Application;

/**
 * Launcher of the desktop app. It does not extend {@link Application}, so it runs from a plain class path
 * ({@code java -cp … org.parley.ui.ParleyDesktop}), from {@code mvn -pl ui exec:java} and from the jpackage
 * launcher ({@code docs/packaging.md}).
 *
 * <p>Before anything logs, it points Logback at the desktop configuration (a rolling file in
 * {@code $XDG_STATE_HOME/parley/logs}) unless the user chose one with {@code -Dlogback.configurationFile}.
 * Options: {@code -Dparley.data.dir=DIR} uses another profile directory.
 *
 * <p>{@code --self-test} (the only argument) runs {@link SelfTest} instead: the app against a throwaway profile,
 * exit code 0 when its main window came up and shut down cleanly, non-zero with one sentence on stderr otherwise.
 */
public final class ParleyDesktop {
    private ParleyDesktop() {
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "org/parley/ui/logback-desktop.xml");
        }
        if (args.length == 1 && args[0].equals("--self-test")) {
            // SelfTest chooses its own (temporary) log directory before anything logs.
            System.exit(SelfTest.run());
        }
        if (System.getProperty("parley.log.dir") == null) {
            System.setProperty("parley.log.dir", AppDirs.system().logDir().toString());
        }
        Application.launch(DesktopApp.class, args);
        // The SIP stack may leave non-daemon threads behind after Parley.close(); the window is gone, so end.
        System.exit(0);
    }
}
