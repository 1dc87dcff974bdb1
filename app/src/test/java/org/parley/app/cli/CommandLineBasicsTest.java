package org.parley.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** --help, --version, usage errors and default directories; nothing here touches a profile. */
class CommandLineBasicsTest {
    @TempDir
    Path home;

    private CliHarness cli() {
        return new CliHarness(home, new InMemoryProfiles());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "account", "account add", "account list", "account remove", "send", "run",
        "history", "history search", "history show"})
    void every_command_has_help(String command) {
        String[] args = (command + " --help").trim().split(" ");

        CliHarness.Result result = cli().run(args);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.stdout()).startsWith("Usage: parley");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void top_level_help_lists_the_exit_codes() {
        assertThat(cli().run("--help").stdout()).contains("Exit codes:", "3  wrong passphrase");
    }

    @Test
    void version() {
        CliHarness.Result result = cli().run("--version");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.stdout()).startsWith("parley ");
        assertThat(result.stdout().lines()).hasSize(3).element(1).asString().startsWith("Java " + Runtime.version());
        assertThat(result.stdout().lines()).element(2).asString().startsWith("JavaFX: not used by the command line");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "account", "history", "nonsense", "account add", "send sip:bob@x",
        "--no-such-option account list", "history search x --limit 0"})
    void usage_errors_exit_2_with_a_hint_on_stderr(String command) {
        String[] args = command.isEmpty() ? new String[0] : command.split(" ");

        CliHarness.Result result = cli().run(args);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.err().lines().get(0)).startsWith("parley: ");
    }

    @Test
    void data_and_log_dirs_follow_xdg_only_for_absolute_paths() {
        assertThat(DataDirs.dataDir(name -> null, "/home/u")).isEqualTo(Path.of("/home/u/.local/share/parley"));
        assertThat(DataDirs.dataDir(name -> "/x", "/home/u")).isEqualTo(Path.of("/x/parley"));
        assertThat(DataDirs.dataDir(name -> "relative", "/home/u")).isEqualTo(Path.of("/home/u/.local/share/parley"));
        assertThat(DataDirs.logDir(name -> null, "/home/u")).isEqualTo(Path.of("/home/u/.local/state/parley/logs"));
        assertThat(DataDirs.logDir(name -> "/s", "/home/u")).isEqualTo(Path.of("/s/parley/logs"));
    }
}
