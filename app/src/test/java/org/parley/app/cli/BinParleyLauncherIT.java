package org.parley.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Runs after {@code package} (Failsafe): the real bin/parley starts the packaged CLI without Maven. */
@DisabledOnOs(OS.WINDOWS)
class BinParleyLauncherIT {

    @Test
    void theLauncherRunsThePackagedCli() throws Exception {
        Path root = RepoRoot.find();
        assertThat(root.resolve("app/target/parley-app-0.1.0-SNAPSHOT.jar")).isRegularFile();
        assertThat(Files.isDirectory(root.resolve("app/target/lib"))).isTrue();

        BinParleyLauncherTest.Outcome outcome = BinParleyLauncherTest.run(root.resolve("bin/parley"), Map.of(),
                "--version");

        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        assertThat(outcome.stdout()).startsWith("parley 0.1.0-SNAPSHOT");
    }
}
