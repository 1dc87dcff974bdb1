package org.parley.ui;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where the desktop app keeps things, per the XDG Base Directory specification (the same places as the CLI):
 * an XDG variable counts only when it holds an absolute path.
 */
public final class AppDirs {
    private final UnaryOperator<String> env;
    private final String home;

    public AppDirs(UnaryOperator<String> env, String home) {
        this.env = env;
        this.home = home;
    }

    public static AppDirs system() {
        return new AppDirs(System::getenv, System.getProperty("user.home"));
    }

    /** The profile: {@code $XDG_DATA_HOME/parley}, else {@code ~/.local/share/parley}; -Dparley.data.dir overrides. */
    public Path dataDir() {
        String override = System.getProperty("parley.data.dir");
        return override != null && !override.isBlank() ? Path.of(override)
                : xdg("XDG_DATA_HOME", ".local/share").resolve("parley");
    }

    /** Logs: {@code $XDG_STATE_HOME/parley/logs}, else {@code ~/.local/state/parley/logs}. */
    public Path logDir() {
        return xdg("XDG_STATE_HOME", ".local/state").resolve("parley").resolve("logs");
    }

    /** Desktop settings: {@code $XDG_CONFIG_HOME/parley/desktop.properties}, else under {@code ~/.config}. */
    public Path settingsFile() {
        return xdg("XDG_CONFIG_HOME", ".config").resolve("parley").resolve("desktop.properties");
    }

    private Path xdg(String variable, String fallback) {
        String value = env.apply(variable);
        if (value != null && !value.isBlank() && Path.of(value).isAbsolute()) {
            return Path.of(value);
        }
        return Path.of(home).resolve(fallback);
    }
}
