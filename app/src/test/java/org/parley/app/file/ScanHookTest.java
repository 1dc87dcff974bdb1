package org.parley.app.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanHookTest {

    @TempDir
    Path dir;

    @Test
    void exitZeroIsClean() throws Exception {
        Path file = Files.writeString(dir.resolve("clean.txt"), "hello");
        ScanHook hook = new ScanHook(List.of("grep", "-q", "hello", "{file}"), Duration.ofSeconds(10));

        assertThat(hook.scan(file)).isInstanceOf(ScanHook.Verdict.Clean.class);
    }

    @Test
    void nonZeroExitFlagsWithTheScannersFirstLine() throws Exception {
        Path file = Files.writeString(dir.resolve("eicar.txt"), "X5O!P%@AP");
        ScanHook hook = new ScanHook(List.of("sh", "-c", "echo \"$1: Eicar-Signature FOUND\"; exit 1", "scan", "{file}"),
                Duration.ofSeconds(10));

        ScanHook.Verdict verdict = hook.scan(file);

        assertThat(verdict).isInstanceOf(ScanHook.Verdict.Flagged.class);
        assertThat(((ScanHook.Verdict.Flagged) verdict).detail()).startsWith("exit 1: ").contains("FOUND");
    }

    @Test
    void aFileNameCannotInjectACommand() throws Exception {
        Path file = Files.writeString(dir.resolve("x; touch pwned"), "data");
        ScanHook hook = new ScanHook(List.of("test", "-f", "{file}"), Duration.ofSeconds(10));

        assertThat(hook.scan(file)).isInstanceOf(ScanHook.Verdict.Clean.class);
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @Test
    void aMissingOrHangingScannerFailsClosed() throws Exception {
        Path file = Files.writeString(dir.resolve("a.txt"), "a");

        assertThat(new ScanHook(List.of("/nonexistent/scanner", "{file}"), Duration.ofSeconds(5)).scan(file))
                .isInstanceOf(ScanHook.Verdict.Flagged.class);
        ScanHook.Verdict slow = new ScanHook(List.of("sh", "-c", "sleep 30", "scan", "{file}"), Duration.ofMillis(300)).scan(file);
        assertThat(slow).isInstanceOf(ScanHook.Verdict.Flagged.class);
        assertThat(((ScanHook.Verdict.Flagged) slow).detail()).contains("did not finish");
    }
}
