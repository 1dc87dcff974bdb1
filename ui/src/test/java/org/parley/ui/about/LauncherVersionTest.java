package org.parley.ui.about;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --version} of both launchers, each run as its own JVM on this module's class path (which, like the
 * installed app, has JavaFX on it): the desktop launcher names Parley, Java and JavaFX; the command line names
 * Parley and Java and says it does not use JavaFX.
 */
class LauncherVersionTest {
    @TempDir
    Path tmp;

    @Test
    void theDesktopLauncherPrintsParleyJavaAndJavaFxVersionsAndExitsZero() throws Exception {
        Result r = run("org.parley.ui.ParleyDesktop", "--version");

        assertThat(r.code()).as(r.stderr()).isZero();
        Versions expected = Versions.current();
        assertThat(r.stdout().lines()).containsExactly("Parley " + expected.parley(), "Java " + expected.java(),
                "JavaFX " + expected.javafx());
        assertThat(expected.javafx()).matches("\\d+(\\.\\d+)*.*");
        assertThat(r.stderr()).isEmpty();
    }

    @Test
    void theCommandLinePrintsParleyAndJavaAndSaysItDoesNotUseJavaFx() throws Exception {
        Result r = run("org.parley.app.cli.ParleyMain", "--version");

        assertThat(r.code()).as(r.stderr()).isZero();
        List<String> lines = r.stdout().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("parley ");
        assertThat(lines.get(1)).isEqualTo("Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")");
        assertThat(lines.get(2)).isEqualTo("JavaFX: not used by the command line (" + Versions.current().javafx()
                + " is installed for the desktop app)");
    }

    private record Result(int code, String stdout, String stderr) {
    }

    private Result run(String mainClass, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "-Dparley.log.dir=" + tmp.resolve("logs"),
                "-Duser.home=" + tmp, "-XX:TieredStopAtLevel=1", mainClass));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("XDG_STATE_HOME", tmp.resolve("state").toString());
        Process p = pb.start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out, err.join());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
