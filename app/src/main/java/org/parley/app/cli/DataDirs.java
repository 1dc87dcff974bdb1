package org.parley.app.cli;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.parley.app.XdgDirs;

/**
 * Where the CLI keeps things by default, per the XDG Base Directory specification ({@link XdgDirs}).
 */
final class DataDirs {
    private DataDirs() {
    }

    /** {@code $XDG_DATA_HOME/parley}, else {@code ~/.local/share/parley}. */
    static Path dataDir(UnaryOperator<String> env, String userHome) {
        return XdgDirs.base(env, "XDG_DATA_HOME", userHome, ".local/share").resolve("parley");
    }

    /** {@code $XDG_STATE_HOME/parley/logs}, else {@code ~/.local/state/parley/logs}. */
    static Path logDir(UnaryOperator<String> env, String userHome) {
        return XdgDirs.logDir(env, userHome);
    }
}
