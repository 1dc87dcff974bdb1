package org.parley.app;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The XDG Base Directory rule, for every default location Parley picks: a variable counts only when it is set
 * to an absolute path; otherwise the documented fallback under the home directory applies.
 */
public final class XdgDirs {
    private XdgDirs() {
    }

    /** {@code $variable}, else {@code userHome/fallback}; {@code env} looks up environment variables. */
    public static Path base(UnaryOperator<String> env, String variable, String userHome, String fallback) {
        String value = env.apply(variable);
        if (value != null && !value.isBlank()) {
            Path path = Path.of(value);
            if (path.isAbsolute()) {
                return path;
            }
        }
        return Path.of(userHome).resolve(fallback);
    }

    /** Parley's logs: {@code $XDG_STATE_HOME/parley/logs}, else {@code ~/.local/state/parley/logs}. */
    public static Path logDir(UnaryOperator<String> env, String userHome) {
        return base(env, "XDG_STATE_HOME", userHome, ".local/state").resolve("parley").resolve("logs");
    }
}
