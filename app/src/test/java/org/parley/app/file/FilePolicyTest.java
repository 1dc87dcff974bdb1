package org.parley.app.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilePolicyTest {

    @Test
    void defaultBlocksExecutablesByAnyExtensionAndCase() {
        assertThat(FilePolicy.DEFAULT.check("setup.EXE", "application/octet-stream", 10)).isPresent();
        assertThat(FilePolicy.DEFAULT.check("invoice.pdf.exe", "application/pdf", 10)).isPresent();
        assertThat(FilePolicy.DEFAULT.check("invoice.exe.pdf", "application/pdf", 10)).as("hidden double extension")
                .isPresent();
        assertThat(FilePolicy.DEFAULT.check("report.pdf", "application/pdf", 10)).isEmpty();
        assertThat(FilePolicy.DEFAULT.check("notes", "text/plain", 0)).isEmpty();
        assertThat(FilePolicy.DEFAULT.check("x.bin", "Application/X-MSDownload; foo=bar", 1)).isPresent();
    }

    @Test
    void refusesFilesLargerThanTheLimit() {
        FilePolicy small = new FilePolicy(100, java.util.Set.of(), java.util.Set.of(), List.of());
        assertThat(small.check("a.txt", "text/plain", 100)).isEmpty();
        assertThat(small.check("a.txt", "text/plain", 101)).contains("larger than 100 bytes");
    }

    @Test
    void loadsAnAdministratorsPolicyFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("policy.properties");
        Files.writeString(file, String.join("\n",
                "file.max-bytes = 1048576",
                "file.blocked-extensions = .zip, docm",
                "file.scan-command = clamdscan --no-summary --fdpass {file}"));

        FilePolicy policy = FilePolicy.load(file);

        assertThat(policy.maxBytes()).isEqualTo(1_048_576);
        assertThat(policy.check("a.zip", "application/zip", 1)).isPresent();
        assertThat(policy.check("a.exe", "application/octet-stream", 1)).as("the list replaces the default").isEmpty();
        assertThat(policy.blockedTypes()).isEqualTo(FilePolicy.DEFAULT.blockedTypes());
        assertThat(policy.scanCommand()).containsExactly("clamdscan", "--no-summary", "--fdpass", "{file}");
    }

    @Test
    void malformedPolicyValuesAreNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("policy.properties");
        Files.writeString(file, "file.max-bytes = lots\n");
        assertThatThrownBy(() -> FilePolicy.load(file)).hasMessageContaining("file.max-bytes");
        Files.writeString(file, "file.scan-command = clamdscan\n");
        assertThatThrownBy(() -> FilePolicy.load(file)).hasMessageContaining("{file}");
    }
}
