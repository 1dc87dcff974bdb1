package org.parley.storage.sqlite;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/** File names inside a profile directory. Immutable. */
final class ProfileLayout {
    static final String KEY_FILE = "profile.key";
    static final String DATABASE = "history.db";

    private final Path dir;

    ProfileLayout(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    Path dir() {
        return dir;
    }

    Path keyFile() {
        return dir.resolve(KEY_FILE);
    }

    Path database() {
        return dir.resolve(DATABASE);
    }

    Path wal() {
        return dir.resolve(DATABASE + "-wal");
    }

    Path shm() {
        return dir.resolve(DATABASE + "-shm");
    }

    /** The database and its WAL and shared-memory files. */
    List<Path> databaseFiles() {
        return List.of(database(), wal(), shm());
    }

    /** Every file a profile consists of while open. */
    List<Path> allFiles() {
        return List.of(keyFile(), database(), wal(), shm());
    }

    /** @return true if any file named like a profile file exists (whatever its content) */
    boolean anyFileExists() {
        return allFiles().stream().anyMatch(p -> Files.exists(p, LinkOption.NOFOLLOW_LINKS));
    }
}
