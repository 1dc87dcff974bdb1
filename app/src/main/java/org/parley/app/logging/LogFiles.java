package org.parley.app.logging;

/**
 * Where Parley's log files go, as system properties that the launchers set before anything logs and that
 * {@link ParleyLogConfigurator} reads. Free of Logback types, so {@code ui} can use it with Logback at run-time
 * scope only.
 */
public final class LogFiles {
    /** Directory of the rolling log files; default {@code $XDG_STATE_HOME/parley/logs}. */
    public static final String DIR_PROPERTY = "parley.log.dir";
    /** File name stem: "parley" (the CLI, the default) gives {@code parley.2026-11-26.log}. */
    public static final String NAME_PROPERTY = "parley.log.name";
    /**
     * "true" makes Parley's configuration apply even with a {@code logback-test.xml} on the class path: for
     * tests that run the CLI in a child process and need its real stdout and stderr.
     */
    public static final String BUILT_IN_PROPERTY = "parley.log.builtIn";

    private LogFiles() {
    }
}
