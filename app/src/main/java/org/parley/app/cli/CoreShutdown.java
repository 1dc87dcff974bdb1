package org.parley.app.cli;

import org.parley.app.Parley;
import org.parley.storage.Profile;

/**
 * Closes the core (which un-registers), the run output and the profile — in that order and exactly once —
 * from whichever comes first: the command finishing ({@link #close()}) or the JVM shutting down on
 * SIGTERM/SIGINT (the hook installed by {@link #installHook()}). Parts are attached as they are created;
 * any of them may still be null. Thread-safe.
 */
final class CoreShutdown implements AutoCloseable {
    private final Profile profile;
    private final Thread hook = new Thread(this::stop, "parley-cli-shutdown");
    private Parley parley;
    private RunOutput output;
    private boolean stopped;
    private boolean hookInstalled;

    CoreShutdown(Profile profile) {
        this.profile = profile;
    }

    Profile profile() {
        return profile;
    }

    synchronized void attach(Parley core) {
        this.parley = core;
    }

    synchronized void attach(RunOutput runOutput) {
        this.output = runOutput;
    }

    synchronized void installHook() {
        Runtime.getRuntime().addShutdownHook(hook);
        hookInstalled = true;
    }

    /** Stops everything, then removes the hook (unless the JVM is already running it). */
    @Override
    public void close() {
        stop();
        synchronized (this) {
            if (!hookInstalled) {
                return;
            }
            hookInstalled = false;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down and runs the hook, which finds everything stopped
        }
    }

    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            if (parley != null) {
                parley.close();
            }
        } catch (RuntimeException e) {
            CliLog.DETAIL.warn("closing the core failed", e);
        }
        if (output != null) {
            output.close();
        }
        profile.close();
    }
}
