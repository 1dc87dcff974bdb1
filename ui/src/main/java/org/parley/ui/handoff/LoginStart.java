package org.parley.ui.handoff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * "Start Parley when I log in", the XDG Autostart way: a desktop entry {@code parley.desktop} in
 * {@code $XDG_CONFIG_HOME/autostart} (else {@code ~/.config/autostart}). Enabling writes it (atomically, via a
 * temporary file), disabling deletes it; a file the user made elsewhere with another name is never touched.
 * Blocking file I/O: call off the UI thread. Thread-safe for distinct calls on different files only.
 */
public final class LoginStart {
    private final Path entry;
    private final Optional<String> launcher;

    /**
     * @param configHome the XDG config home ({@code ~/.config})
     * @param launcher   the absolute path of the program to start, if this installation has one
     */
    public LoginStart(Path configHome, Optional<String> launcher) {
        this.entry = configHome.resolve("autostart").resolve("parley.desktop");
        this.launcher = launcher;
    }

    /**
     * The user's: the launcher is the jpackage app's ({@code jpackage.app-path}) or the one
     * {@code bin/parley-desktop} names ({@code parley.launcher}).
     */
    public static LoginStart system(UnaryOperator<String> env, String home) {
        return of(env, System::getProperty, home);
    }

    /**
     * As {@link #system}, with the system properties given: {@code jpackage.app-path} (set by every jpackage
     * launcher to its own absolute path) wins over {@code parley.launcher} (set by {@code bin/parley-desktop});
     * either counts only when absolute, and so does {@code XDG_CONFIG_HOME} (XDG Base Directory specification).
     */
    public static LoginStart of(UnaryOperator<String> env, UnaryOperator<String> properties, String home) {
        String config = env.apply("XDG_CONFIG_HOME");
        Path configHome = config != null && !config.isBlank() && Path.of(config).isAbsolute() ? Path.of(config)
                : Path.of(home, ".config");
        Optional<String> launcher = absolute(properties.apply("jpackage.app-path"))
                .or(() -> absolute(properties.apply("parley.launcher")));
        return new LoginStart(configHome, launcher);
    }

    private static Optional<String> absolute(String path) {
        return Optional.ofNullable(path).filter(p -> !p.isBlank() && Path.of(p).isAbsolute());
    }

    public Path entry() {
        return entry;
    }

    /** False when there is nothing to start (a development run without a launcher). */
    public boolean available() {
        return launcher.isPresent();
    }

    public boolean enabled() {
        return Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Writes or removes the autostart entry.
     *
     * @throws IOException when writing fails, or there is no launcher or its path has control characters or
     *                     {@code =} (which a desktop entry cannot hold)
     */
    public void set(boolean on) throws IOException {
        if (!on) {
            Files.deleteIfExists(entry);
            return;
        }
        String exec = launcher.orElseThrow(() -> new IOException("This Parley has no launcher to start."));
        // The Desktop Entry Specification forbids '=' in the program's path; no quoting helps.
        if (exec.chars().anyMatch(Character::isISOControl) || exec.contains("=")) {
            throw new IOException("The launcher's path cannot be written into a desktop entry.");
        }
        Files.createDirectories(entry.getParent());
        Path tmp = Files.createTempFile(entry.getParent(), ".parley-", ".tmp");
        try {
            Files.writeString(tmp, desktopEntry(exec));
            Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Desktop Entry Specification 1.5, "The Exec key": an argument with spaces or reserved characters is
     * double-quoted, inside which {@code " ` $ \} take a backslash; a literal {@code %} is {@code %%}; then the
     * value's own string escaping doubles every backslash.
     */
    static String desktopEntry(String exec) {
        String quoted = exec.matches("[A-Za-z0-9/._+-]+") ? exec
                : "\"" + exec.replace("\\", "\\\\\\\\").replace("\"", "\\\\\"").replace("`", "\\\\`")
                        .replace("$", "\\\\$").replace("%", "%%") + "\"";
        return """
                [Desktop Entry]
                Type=Application
                Name=Parley
                Comment=Start Parley at login
                Exec=%s
                Icon=parley
                Terminal=false
                X-GNOME-Autostart-enabled=true
                """.formatted(quoted);
    }
}
