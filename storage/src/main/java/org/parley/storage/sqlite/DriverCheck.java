package org.parley.storage.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.parley.storage.StorageException;
import org.sqlite.SQLiteConfig;

/**
 * Refuses to work with a SQLite driver that cannot encrypt. The plain org.xerial driver shares the
 * {@code org.sqlite} package with the SQLite3 Multiple Ciphers build and silently ignores keys, which would
 * write history in plaintext; only the SQLite3MC build knows {@code sqlite3mc_version()}. Thread-safe.
 */
final class DriverCheck {
    static final String MISSING = "The encrypting database driver is not installed; Parley will not store data unencrypted.";

    private static final Object LOCK = new Object();
    private static volatile String version;

    private DriverCheck() {
    }

    /**
     * Loads the native library on first use (from the {@link NativeLibraryCache} if possible) and checks it.
     * The connection is made without {@link java.sql.DriverManager}, whose first use scans the class path for
     * every JDBC driver.
     *
     * @return the SQLite3MC version; checked on an in-memory database before any profile file is touched
     */
    static String requireEncryptingDriver() throws StorageException {
        String known = version;
        if (known != null) {
            return known;
        }
        synchronized (LOCK) {
            if (version == null) {
                NativeLibraryCache.prepare();
                try (Connection connection = new SQLiteConfig().createConnection("jdbc:sqlite::memory:")) {
                    version = verify(connection);
                } catch (SQLException e) {
                    throw new StorageException("The database driver cannot be loaded.", e);
                }
            }
            return version;
        }
    }

    /** Runs {@link #requireEncryptingDriver} on a new thread (or not at all if it already succeeded). */
    static CompletableFuture<String> requireEncryptingDriverAsync() {
        String known = version;
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(requireEncryptingDriver());
            } catch (StorageException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        }, "parley-driver-check");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /** Waits for {@link #requireEncryptingDriverAsync}'s result and rethrows its failure. */
    static String await(CompletableFuture<String> check) throws StorageException {
        try {
            return check.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("Interrupted while loading the database driver.", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof StorageException se ? se
                    : new StorageException("The database driver cannot be loaded.", e.getCause());
        }
    }

    /** @throws StorageException with {@link #MISSING} if {@code connection} is not SQLite3 Multiple Ciphers */
    static String verify(Connection connection) throws StorageException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT sqlite3mc_version()")) {
            String v = rs.next() ? rs.getString(1) : null;
            if (v == null || v.isBlank()) {
                throw new StorageException(MISSING);
            }
            return v;
        } catch (SQLException e) {
            throw new StorageException(MISSING, e);
        }
    }
}
