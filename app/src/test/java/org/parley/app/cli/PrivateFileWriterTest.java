package org.parley.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic, owner-only writing, and no overwrite without replace even when the target appears late. */
class PrivateFileWriterTest {
    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private long files() throws Exception {
        try (Stream<Path> list = Files.list(dir)) {
            return list.count();
        }
    }

    @Test
    void a_new_file_is_owner_only_and_no_temporary_file_stays() throws Exception {
        Path target = dir.resolve("out.vcf");

        PrivateFileWriter.write(target, bytes("data"), false);

        assertThat(Files.readString(target)).isEqualTo("data");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
        assertThat(files()).isEqualTo(1);
    }

    @Test
    void a_target_that_appeared_meanwhile_is_kept_without_replace() throws Exception {
        Path target = Files.writeString(dir.resolve("out.vcf"), "someone else's");

        assertThatThrownBy(() -> PrivateFileWriter.write(target, bytes("mine"), false))
                .isInstanceOfSatisfying(CliException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE);
                    assertThat(e.getMessage()).isEqualTo(target + " already exists; add --force to replace it.");
                });
        assertThat(Files.readString(target)).isEqualTo("someone else's");
        assertThat(files()).isEqualTo(1);
    }

    @Test
    void a_dangling_symlink_is_not_followed_or_replaced_without_replace() throws Exception {
        Path elsewhere = dir.resolve("elsewhere.txt");
        Path link = Files.createSymbolicLink(dir.resolve("out.vcf"), elsewhere);

        assertThatThrownBy(() -> PrivateFileWriter.write(link, bytes("mine"), false))
                .isInstanceOf(CliException.class);
        assertThat(elsewhere).doesNotExist();
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void replace_swaps_the_whole_file_and_makes_it_owner_only() throws Exception {
        Path target = Files.writeString(dir.resolve("out.vcf"), "old, longer content");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw-rw-"));

        PrivateFileWriter.write(target, bytes("new"), true);

        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
        assertThat(files()).isEqualTo(1);
    }
}
