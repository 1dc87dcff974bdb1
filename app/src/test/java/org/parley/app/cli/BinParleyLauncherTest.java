package org.parley.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shell-level checks of bin/parley: symlink resolution, the missing-build message, JAVA_HOME, PARLEY_JAVA_OPTS
 * and argument quoting (with a fake java). The real jar is checked after packaging by {@link BinParleyLauncherIT}.
 */
@DisabledOnOs(OS.WINDOWS)
class BinParleyLauncherTest {
    private static final String JAR = "app/target/parley-app-0.1.0-SNAPSHOT.jar";

    @TempDir
    Path checkout;

    record Outcome(int exitCode, String stdout, String stderr) {
    }

    private Path copyLauncher() throws IOException {
        Path launcher = checkout.resolve("bin/parley");
        Files.createDirectories(launcher.getParent());
        Files.copy(RepoRoot.find().resolve("bin/parley"), launcher);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        return launcher;
    }

    static Outcome run(Path script, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("JAVA_HOME");
        builder.environment().remove("PARLEY_JAVA_OPTS");
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("bin/parley finished").isTrue();
        return new Outcome(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void without_build_output_it_says_how_to_build() throws Exception {
        Path launcher = copyLauncher();

        Outcome outcome = run(launcher, Map.of(), "--version");

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.stderr()).contains("run: mvn -B -q package -DskipTests first")
                .contains(checkout.toRealPath().toString());
    }

    @Test
    void follows_symlinks_and_honours_java_home_options_and_quoting() throws Exception {
        Path launcher = copyLauncher();
        Files.createDirectories(checkout.resolve("app/target/lib"));
        Files.createFile(checkout.resolve(JAR));
        Path fakeJava = checkout.resolve("jdk/bin/java");
        Files.createDirectories(fakeJava.getParent());
        Files.writeString(fakeJava, "#!/usr/bin/env bash\nfor a in \"$@\"; do printf '<%s>\\n' \"$a\"; done\n");
        Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path links = Files.createDirectories(checkout.resolve("elsewhere/a"));
        Path link = Files.createSymbolicLink(links.resolve("parley"), Path.of("../../bin/parley"));
        Path link2 = Files.createSymbolicLink(checkout.resolve("p2"), link);

        Outcome outcome = run(link2, Map.of("JAVA_HOME", checkout.resolve("jdk").toString(),
                "PARLEY_JAVA_OPTS", "-Xmx64m -Dx=y"), "send", "sip:bob@x", "two words");

        String root = checkout.toRealPath().toString();
        assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
        assertThat(outcome.stdout().lines()).containsExactly("<-Xmx64m>", "<-Dx=y>", "<-cp>",
                "<" + root + "/" + JAR + ":" + root + "/app/target/lib/*>", "<org.parley.app.cli.ParleyMain>",
                "<send>", "<sip:bob@x>", "<two words>");
    }
}
