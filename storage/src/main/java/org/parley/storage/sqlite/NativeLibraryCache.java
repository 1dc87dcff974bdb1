package org.parley.storage.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;

import org.parley.storage.crypto.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the driver's native SQLite library extracted in an owner-only directory, so that a fresh JVM does not
 * extract it again. Without this the driver writes a new copy to the system temporary directory on every start
 * (a random UUID name, which initialises SecureRandom, then a byte-by-byte comparison of the copy): in a fresh
 * JVM that is about 150 ms of CPU, competing with Argon2id during an unlock.
 *
 * <p>Contract: {@link #prepare()} must run before the driver's first connection. It points the driver at the
 * cached copy through the system properties {@code org.sqlite.lib.path} and {@code org.sqlite.lib.name}, which
 * are JVM-wide; it leaves them alone if either is already set, and it does nothing once the driver has loaded
 * its library (the properties are read only then). The cached copy is compared byte for byte with the library
 * inside the driver's jar on every start and replaced atomically if it differs, so a stale or damaged copy is
 * never loaded. Someone who can write to the user's cache directory could swap the file between that
 * comparison and the load; such a local attacker could as well change the application's jars.
 *
 * <p>Failure: any problem (no such resource for this platform, a read-only home) is logged at DEBUG and the
 * driver's own extraction is used as before. Thread-safe: {@link DriverCheck} calls it once, under its lock.
 */
final class NativeLibraryCache {
    /** System property that chooses the cache directory (the app may set it; tests do). */
    static final String DIRECTORY_PROPERTY = "parley.native.dir";
    private static final String LIB_PATH = "org.sqlite.lib.path";
    private static final String LIB_NAME = "org.sqlite.lib.name";
    private static final Logger LOG = LoggerFactory.getLogger(NativeLibraryCache.class);

    private NativeLibraryCache() {
    }

    /** @return the cached library file now configured for the driver, or null if the driver extracts as before */
    static Path prepare() {
        if (System.getProperty(LIB_PATH) != null || System.getProperty(LIB_NAME) != null) {
            return null;
        }
        try {
            Path file = cache(directory());
            if (file != null) {
                System.setProperty(LIB_PATH, file.getParent().toString());
                System.setProperty(LIB_NAME, file.getFileName().toString());
            }
            return file;
        } catch (IOException | RuntimeException e) {
            LOG.debug("Native library cache unavailable; the driver extracts its library itself", e);
            return null;
        }
    }

    /**
     * Makes sure {@code dir} (created owner-only if missing) holds an exact copy of the bundled library.
     *
     * @return that copy, or null if the driver bundles no library for this platform
     */
    static Path cache(Path dir) throws IOException {
        String name = System.mapLibraryName("sqlitejdbc");
        String resource = "/org/sqlite/native/" + org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS() + "/"
                + name;
        byte[] library;
        try (InputStream in = org.sqlite.JDBC.class.getResourceAsStream(resource)) {
            if (in == null) {
                LOG.debug("No bundled native library at {}; the driver looks for one itself", resource);
                return null;
            }
            library = in.readAllBytes();
        }
        PrivateFiles.createDirectory(dir);
        // The version and size in the name keep copies for different driver builds apart.
        Path file = dir.toAbsolutePath().resolve("sqlite3mc-" + org.sqlite.SQLiteJDBCLoader.getVersion() + "-"
                + library.length + "-" + name);
        if (!sameContent(file, library)) {
            PrivateFiles.replace(file, library);
            LOG.debug("Cached the native SQLite library at {}", file);
        }
        return file;
    }

    static Path directory() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String localAppData = System.getenv("LOCALAPPDATA");
        if (System.getProperty("os.name", "").startsWith("Windows") && localAppData != null) {
            return Path.of(localAppData, "Parley", "native");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("parley").resolve("native");
    }

    private static boolean sameContent(Path file, byte[] expected) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) != expected.length) {
            return false;
        }
        return Arrays.equals(Files.readAllBytes(file), expected);
    }
}
