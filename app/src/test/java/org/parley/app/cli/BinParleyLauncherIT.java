package org.parley.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    /** Decision 0011: the build strips Bouncy Castle's jar signature and keeps it a multi-release jar. */
    @Test
    void theLaunchersBouncyCastleJarsAreUnsignedMultiReleaseJars() throws Exception {
        Path lib = RepoRoot.find().resolve("app/target/lib");
        List<Path> jars;
        try (Stream<Path> files = Files.list(lib)) {
            jars = files.filter(p -> p.getFileName().toString().matches("bc(prov|pkix|util)-.*\\.jar")).toList();
        }
        assertThat(jars).hasSize(3);
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                assertThat(file.stream().map(e -> e.getName()))
                        .as(jar.toString())
                        .noneMatch(name -> name.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)"))
                        .anyMatch(name -> name.startsWith("META-INF/versions/"));
                assertThat(file.isMultiRelease()).as(jar.toString()).isTrue();
                assertThat(file.getManifest().getEntries()).as(jar.toString()).isEmpty();
            }
        }
    }

    @Test
    void theLauncherUnlocksAProfileWithThoseJars(@TempDir Path dataDir) throws Exception {
        Path root = RepoRoot.find();
        String[] args = {"--data-dir", dataDir.toString(), "--passphrase-env", "PARLEY_IT_PASSPHRASE", "account",
            "list"};
        Map<String, String> env = Map.of("PARLEY_IT_PASSPHRASE", "it passphrase for the launcher");

        BinParleyLauncherTest.Outcome created = BinParleyLauncherTest.run(root.resolve("bin/parley"), env, args);
        BinParleyLauncherTest.Outcome unlocked = BinParleyLauncherTest.run(root.resolve("bin/parley"), env, args);

        assertThat(created.exitCode()).as(created.stderr()).isZero();
        assertThat(created.stderr()).contains("Created a new encrypted profile");
        assertThat(unlocked.exitCode()).as(unlocked.stderr()).isZero();
        assertThat(unlocked.stderr()).contains("No accounts yet").doesNotContain("Created a new");
    }
}
