package org.parley.app.cli;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where Parley keeps things by default, per the XDG Base Directory specification: an XDG variable counts
 * only when it is set to an absolute path; otherwise the documented fallback under the home directory applies.
 */
final class DataDirs {
    private DataDirs() {
    }

    /** {@code $XDG_DATA_HOME/parley}, else {@code ~/.local/share/parley}. */
    static Path dataDir(UnaryOperator<String> env, String userHome) {
        return xdg(env, "XDG_DATA_HOME", userHome, ".local/share").resolve("parley");
    }

    /** {@code $XDG_STATE_HOME/parley/logs}, else {@code ~/.local/state/parley/logs}. */
    static Path logDir(UnaryOperator<String> env, String userHome) {
        return xdg(env, "XDG_STATE_HOME", userHome, ".local/state").resolve("parley").resolve("logs");
    }

    private static Path xdg(UnaryOperator<String> env, String variable, String userHome, String fallback) {
        String value = env.apply(variable);
        if (value != null && !value.isBlank()) {
            Path path = Path.of(value);
            if (path.isAbsolute()) {
                return path;
            }
        }
        return Path.of(userHome).resolve(fallback);
    }
}
