package org.parley.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.storage.crypto.PrivateFiles;

/** Background checkpoints: committed frames reach the database file without the writer checkpointing. */
class CheckpointerTest {
    @TempDir
    Path tmp;
    Path database;
    ConnectionFactory connections;
    Connection writer;
    Checkpointer checkpointer;

    @BeforeEach
    void open() throws Exception {
        database = tmp.resolve("c.db");
        PrivateFiles.createFile(database);
        connections = ConnectionFactory.unencrypted(database);
        writer = connections.openWriter();
        connections.formatNew(writer);
        connections.configureWriter(writer);
        try (Statement s = writer.createStatement()) {
            s.execute("CREATE TABLE t (v BLOB)");
        }
        checkpointer = new Checkpointer(connections.openCheckpointer(), "test-checkpoint");
    }

    @AfterEach
    void close() throws Exception {
        checkpointer.close();
        writer.close();
        connections.close();
    }

    @Test
    void aReportedCommitIsCheckpointedInTheBackground() throws Exception {
        writeRows(200); // 200 KiB: far below the write connection's own checkpoint threshold
        long before = Files.size(database);

        checkpointer.committed();

        await().atMost(Duration.ofSeconds(10)).until(() -> Files.size(database) >= before + 200 * 1024);
    }

    @Test
    void nothingIsCopiedWithoutAReportedCommit() throws Exception {
        writeRows(200);
        long before = Files.size(database);

        Thread.sleep(3 * Checkpointer.INTERVAL_MS);

        assertThat(Files.size(database)).isEqualTo(before);
    }

    @Test
    void closeIsIdempotentAndTheDatabaseStaysUsable() throws Exception {
        writeRows(10);
        checkpointer.committed();
        checkpointer.close();
        checkpointer.close();

        writeRows(10);
        try (Statement s = writer.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM t")) {
            assertThat(rs.next() && rs.getInt(1) == 20).isTrue();
        }
    }

    private void writeRows(int n) throws Exception {
        try (Statement s = writer.createStatement(); PreparedStatement insert = writer.prepareStatement(
                "INSERT INTO t (v) VALUES (randomblob(1024))")) {
            s.execute("BEGIN IMMEDIATE");
            for (int i = 0; i < n; i++) {
                insert.execute();
            }
            s.execute("COMMIT");
        }
    }
}
