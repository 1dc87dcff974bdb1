package org.parley.ui.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@link UiSettings} as a small properties file ({@code $XDG_CONFIG_HOME/parley/desktop.properties}).
 * A missing or unreadable file gives the defaults; a write replaces the file atomically. Blocking: call
 * {@link #save} off the UI thread. Thread-safe (no state besides the path).
 */
public final class SettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final String MICROPHONE = "audio-microphone";
    private static final String SPEAKER = "audio-speaker";
    private static final String RINGER = "audio-ringer";
    private static final String BUSY = "busy-when-in-call";
    private final Path file;

    public SettingsStore(Path file) {
        this.file = file;
    }

    public UiSettings load() {
        UiSettings d = UiSettings.defaults();
        if (!Files.isRegularFile(file)) {
            return d;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            LOG.warn("cannot read {}; using defaults", file, e);
            return d;
        }
        Theme theme = d.theme();
        try {
            theme = Theme.valueOf(p.getProperty("theme", d.theme().name()));
        } catch (IllegalArgumentException e) {
            LOG.info("unknown theme in {}: {}", file, p.getProperty("theme"));
        }
        boolean notifications = Boolean.parseBoolean(p.getProperty("notifications", Boolean.toString(d.notifications())));
        CallSettings calls = new CallSettings(device(p, MICROPHONE), device(p, SPEAKER), device(p, RINGER),
                Boolean.parseBoolean(p.getProperty(BUSY, Boolean.toString(d.calls().busyWhenInCall()))));
        return new UiSettings(theme, notifications, calls);
    }

    /** A device id; absent or blank means the system default. */
    private static java.util.Optional<String> device(Properties p, String key) {
        return java.util.Optional.ofNullable(p.getProperty(key)).filter(v -> !v.isBlank());
    }

    public void save(UiSettings settings) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Properties p = new Properties();
        p.setProperty("theme", settings.theme().name());
        p.setProperty("notifications", Boolean.toString(settings.notifications()));
        settings.calls().microphone().ifPresent(id -> p.setProperty(MICROPHONE, id));
        settings.calls().speaker().ifPresent(id -> p.setProperty(SPEAKER, id));
        settings.calls().ringer().ifPresent(id -> p.setProperty(RINGER, id));
        p.setProperty(BUSY, Boolean.toString(settings.calls().busyWhenInCall()));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "Parley desktop settings");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
