package org.parley.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.storage.crypto.PrivateFiles;

class NativeLibraryCacheTest {
    @TempDir
    Path tmp;

    @Test
    void copiesTheBundledLibraryIntoAnOwnerOnlyDirectory() throws Exception {
        Path dir = tmp.resolve("cache").resolve("native");
        Path file = NativeLibraryCache.cache(dir);

        assertThat(file).isNotNull().hasParent(dir.toAbsolutePath());
        assertThat(Files.readAllBytes(file)).isEqualTo(bundled());
        if (PrivateFiles.isPosix(dir)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void aDamagedCopyIsReplacedBeforeItIsUsed() throws Exception {
        Path dir = tmp.resolve("native");
        Path file = NativeLibraryCache.cache(dir);
        byte[] damaged = Files.readAllBytes(file);
        damaged[damaged.length / 2] ^= 1; // same size: only the comparison of the contents notices
        Files.write(file, damaged);

        assertThat(NativeLibraryCache.cache(dir)).isEqualTo(file);
        assertThat(Files.readAllBytes(file)).isEqualTo(bundled());
    }

    @Test
    void anUnchangedCopyIsKept() throws Exception {
        Path dir = tmp.resolve("native");
        Path file = NativeLibraryCache.cache(dir);
        var written = Files.getLastModifiedTime(file);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(written.toMillis() - 60_000));
        var aged = Files.getLastModifiedTime(file);

        NativeLibraryCache.cache(dir);

        assertThat(Files.getLastModifiedTime(file)).isEqualTo(aged);
    }

    private static byte[] bundled() throws Exception {
        String resource = "/org/sqlite/native/" + org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS() + "/"
                + System.mapLibraryName("sqlitejdbc");
        try (InputStream in = org.sqlite.JDBC.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
