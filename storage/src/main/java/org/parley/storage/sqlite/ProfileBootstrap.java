package org.parley.storage.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.parley.storage.CorruptProfileException;
import org.parley.storage.StorageException;
import org.parley.storage.crypto.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and opens the database of a profile. Guarantees: an existing file is never overwritten, truncated
 * or re-created; a failed create removes only files it created; a failed open changes nothing. On failure
 * the {@link ConnectionFactory} passed in is closed (key wiped); on success the profile owns it.
 */
final class ProfileBootstrap {
    /** Writes the key file; runs after the database is complete. */
    @FunctionalInterface
    interface KeyPublisher {
        void publish() throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ProfileBootstrap.class);
    private static final byte[] PLAIN_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private ProfileBootstrap() {
    }

    static SqliteProfile create(ProfileLayout layout, ConnectionFactory connections, KeyPublisher keyPublisher)
            throws StorageException {
        List<Path> created = new ArrayList<>();
        Connection writer = null;
        boolean done = false;
        try {
            PrivateFiles.createDirectory(layout.dir());
            for (Path file : layout.databaseFiles()) {
                PrivateFiles.createFile(file); // before SQLite opens them: 0600 whatever the umask
                created.add(file);
            }
            writer = connections.openWriter();
            connections.formatNew(writer);
            connections.configureWriter(writer);
            Migrations.migrate(writer, true);
            if (connections.encrypted()) {
                requireEncryptedOnDisk(writer, layout.database());
            }
            keyPublisher.publish(); // fails without touching a key file that appeared meanwhile
            created.add(layout.keyFile());
            SqliteProfile profile = new SqliteProfile(layout, connections, writer);
            done = true;
            LOG.info("Created profile {} (schema v{}, {})", layout.dir(), Migrations.latest(),
                    connections.encrypted() ? "encrypted" : "UNENCRYPTED");
            return profile;
        } catch (IOException e) {
            throw new StorageException("The profile could not be created.", e);
        } catch (SQLException e) {
            throw SqlErrors.map(e);
        } finally {
            if (!done) {
                closeQuietly(writer);
                connections.close();
                deleteQuietly(created);
            }
        }
    }

    static SqliteProfile open(ProfileLayout layout, ConnectionFactory connections) throws StorageException {
        Connection writer = null;
        boolean done = false;
        try {
            requireDatabaseFile(layout.database());
            writer = connections.openWriter();
            int found = Migrations.check(writer, false); // refuse before the first write (WAL switch)
            connections.configureWriter(writer);
            Migrations.migrate(writer, false);
            for (Path file : layout.allFiles()) {
                PrivateFiles.restrict(file);
            }
            SqliteProfile profile = new SqliteProfile(layout, connections, writer);
            done = true;
            LOG.info("Opened profile {} (schema v{} -> v{})", layout.dir(), found, Migrations.latest());
            return profile;
        } catch (IOException e) {
            throw new StorageException("The profile files cannot be protected.", e);
        } catch (SQLException e) {
            throw SqlErrors.map(e);
        } finally {
            if (!done) {
                closeQuietly(writer);
                connections.close();
            }
        }
    }

    private static void requireDatabaseFile(Path database) throws StorageException, IOException {
        if (!Files.isRegularFile(database)) {
            throw new CorruptProfileException("The profile database is missing.");
        }
        if (Files.size(database) == 0) {
            throw new CorruptProfileException("The profile database is empty.");
        }
    }

    /** Checkpoints so every page is in the main file, then checks that it does not start as plain SQLite. */
    private static void requireEncryptedOnDisk(Connection writer, Path database) throws SQLException, IOException,
            StorageException {
        try (Statement s = writer.createStatement()) {
            s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)").close();
        }
        byte[] header;
        try (InputStream in = Files.newInputStream(database)) {
            header = in.readNBytes(PLAIN_HEADER.length);
        }
        if (header.length < PLAIN_HEADER.length || Arrays.equals(header, PLAIN_HEADER)) {
            throw new StorageException("The database driver did not encrypt the profile; it was not created.");
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Closing the write connection failed", e);
            }
        }
    }

    private static void deleteQuietly(List<Path> files) {
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("Could not remove {} after a failed create", file, e);
            }
        }
    }
}
