package org.parley.ui.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "Start Parley when I log in": the XDG Autostart entry, checked with {@code desktop-file-validate}
 * (desktop-file-utils, installed by {@code scripts/install-test-deps.sh}).
 */
class LoginStartTest {
    private static final String INSTALLED = "/opt/parley-im/bin/Parley";
    private static final String CHECKOUT = "/home/u/src/parley/bin/parley-desktop";

    @TempDir
    Path tmp;
    private final Map<String, String> env = new HashMap<>();
    private final Map<String, String> properties = new HashMap<>();

    private LoginStart login() {
        env.putIfAbsent("XDG_CONFIG_HOME", tmp.resolve("config").toString());
        return LoginStart.of(env::get, properties::get, tmp.resolve("home").toString());
    }

    @Test
    void theInstalledAppWritesAValidEntryStartingItsJpackageLauncher() throws Exception {
        properties.put("jpackage.app-path", INSTALLED);
        properties.put("parley.launcher", CHECKOUT);
        LoginStart login = login();

        login.set(true);

        Path entry = tmp.resolve("config/autostart/parley.desktop");
        assertThat(login.entry()).isEqualTo(entry);
        assertThat(login.enabled()).isTrue();
        assertValid(entry);
        assertThat(Files.readAllLines(entry)).contains("[Desktop Entry]", "Type=Application", "Exec=" + INSTALLED);
    }

    @Test
    void aCheckoutWritesAValidEntryStartingBinParleyDesktop() throws Exception {
        properties.put("parley.launcher", CHECKOUT);
        LoginStart login = login();

        login.set(true);

        assertValid(login.entry());
        assertThat(Files.readAllLines(login.entry())).contains("Exec=" + CHECKOUT);
    }

    @Test
    void switchingOffRemovesTheEntryAndLeavesOtherAutostartFilesAlone() throws Exception {
        properties.put("jpackage.app-path", INSTALLED);
        LoginStart login = login();
        Path other = tmp.resolve("config/autostart/mail.desktop");
        Files.createDirectories(other.getParent());
        Files.writeString(other, "[Desktop Entry]\n");
        login.set(true);

        login.set(false);

        assertThat(login.enabled()).isFalse();
        assertThat(login.entry()).doesNotExist();
        assertThat(other).hasContent("[Desktop Entry]");
        try (var files = Files.list(other.getParent())) {
            assertThat(files).containsExactly(other); // no temporary file left behind
        }
        login.set(false); // idempotent
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "/home/u/My Apps/Parley/bin/Parley | Exec=\"/home/u/My Apps/Parley/bin/Parley\"",
        "/opt/100%/bin/Parley              | Exec=\"/opt/100%%/bin/Parley\"",
        "/opt/a$b/bin/Parley               | Exec=\"/opt/a\\\\$b/bin/Parley\"",
        "/opt/say \"hi\"/Parley            | Exec=\"/opt/say \\\\\"hi\\\\\"/Parley\"",
        "/opt/back\\slash/Parley           | Exec=\"/opt/back\\\\\\\\slash/Parley\""})
    void aLauncherPathWithReservedCharactersIsQuotedAsTheSpecificationSays(String launcher, String exec)
            throws Exception {
        LoginStart login = new LoginStart(tmp.resolve("config"), Optional.of(launcher));

        login.set(true);

        assertValid(login.entry());
        assertThat(Files.readAllLines(login.entry())).contains(exec);
    }

    @Test
    void aLauncherPathADesktopEntryCannotHoldIsRefusedWithoutWritingAnything() {
        for (String bad : new String[] {"/opt/a=b/Parley", "/opt/new\nline/Parley"}) {
            LoginStart login = new LoginStart(tmp.resolve("config"), Optional.of(bad));
            assertThatThrownBy(() -> login.set(true)).isInstanceOf(IOException.class);
            assertThat(login.enabled()).isFalse();
        }
    }

    @Test
    void withoutALauncherLoginStartIsUnavailableAndCannotBeSwitchedOn() {
        properties.put("jpackage.app-path", "relative/Parley");
        LoginStart login = login();

        assertThat(login.available()).isFalse();
        assertThatThrownBy(() -> login.set(true)).isInstanceOf(IOException.class)
                .hasMessage("This Parley has no launcher to start.");
        assertThat(login.entry()).doesNotExist();
    }

    @Test
    void aRelativeXdgConfigHomeIsIgnoredForTheHomeDirectorysConfig() {
        env.put("XDG_CONFIG_HOME", "relative/config");
        assertThat(login().entry()).isEqualTo(tmp.resolve("home/.config/autostart/parley.desktop"));
        env.remove("XDG_CONFIG_HOME");
        assertThat(LoginStart.of(v -> null, properties::get, "/home/u").entry())
                .isEqualTo(Path.of("/home/u/.config/autostart/parley.desktop"));
    }

    /** desktop-file-validate prints nothing and exits 0 for a valid entry (warnings and hints are printed too). */
    private static void assertValid(Path entry) throws Exception {
        Process p = new ProcessBuilder("desktop-file-validate", entry.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).as("desktop-file-validate output").isEmpty();
        assertThat(p.exitValue()).isZero();
    }
}
