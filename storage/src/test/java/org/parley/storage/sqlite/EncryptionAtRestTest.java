package org.parley.storage.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.storage.AccountRecord;
import org.parley.storage.Profile;
import org.parley.storage.Profiles;
import org.parley.storage.TestFiles;

/**
 * The database and its WAL hold no plaintext. The same check run on an unencrypted profile finds the text,
 * which shows the check can fail.
 */
class EncryptionAtRestTest {
    static final String MARKER = "QuokkaZebrafish7c1f Ωμέγα Привет";
    static final String PASSWORD = "HunterTwo-Password-91x";

    @TempDir
    Path tmp;

    @Test
    void encryptedDatabaseAndWalHoldNoPlaintext() throws Exception {
        Path dir = tmp.resolve("encrypted");
        try (Profile profile = Profiles.create(dir, "passphrase".toCharArray())) {
            write(profile);
            // Still open: the committed frames are in the WAL, not yet checkpointed.
            assertThat(Files.size(dir.resolve("history.db-wal"))).isPositive();
            for (String name : new String[] {"history.db", "history.db-wal", "history.db-shm", "profile.key"}) {
                byte[] bytes = Files.readAllBytes(dir.resolve(name));
                assertThat(TestFiles.containsPlaintext(bytes, MARKER)).as(name).isFalse();
                assertThat(TestFiles.containsPlaintext(bytes, "QuokkaZebrafish7c1f")).as(name).isFalse();
                assertThat(TestFiles.containsPlaintext(bytes, PASSWORD)).as(name).isFalse();
                assertThat(TestFiles.containsPlaintext(bytes, "SQLite format 3")).as(name).isFalse();
            }
        }
        byte[] checkpointed = Files.readAllBytes(dir.resolve("history.db"));
        assertThat(TestFiles.containsPlaintext(checkpointed, "QuokkaZebrafish7c1f")).isFalse();
        assertThat(TestFiles.containsPlaintext(checkpointed, PASSWORD)).isFalse();
    }

    @Test
    void theSameCheckFindsPlaintextInAnUnencryptedProfile() throws Exception {
        Path dir = tmp.resolve("plain");
        try (SqliteProfile profile = SqliteProfiles.createUnencrypted(dir)) {
            write(profile);
            byte[] wal = Files.readAllBytes(dir.resolve("history.db-wal"));
            assertThat(TestFiles.containsPlaintext(wal, "QuokkaZebrafish7c1f")).isTrue();
            assertThat(TestFiles.containsPlaintext(wal, PASSWORD)).isTrue();
        }
        byte[] db = Files.readAllBytes(dir.resolve("history.db"));
        assertThat(TestFiles.containsPlaintext(db, MARKER)).isTrue();
        assertThat(TestFiles.containsPlaintext(db, "SQLite format 3")).isTrue();
    }

    @Test
    void theCheckFindsUtf16Text() throws Exception {
        Path file = tmp.resolve("utf16.bin");
        byte[] padding = TestFiles.randomBytes(1000, 9);
        byte[] text = MARKER.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[padding.length + text.length];
        System.arraycopy(padding, 0, bytes, 0, padding.length);
        System.arraycopy(text, 0, bytes, padding.length, text.length);
        Files.write(file, bytes);
        assertThat(TestFiles.containsPlaintext(Files.readAllBytes(file), MARKER)).isTrue();
        assertThat(TestFiles.containsPlaintext(padding, MARKER)).isFalse();
    }

    private static void write(Profile profile) throws Exception {
        profile.history().appendIncoming("sip:a@example.com", "sip:b@example.com", MARKER, "k1")
                .get(10, TimeUnit.SECONDS);
        profile.accounts().save(new AccountRecord("sip:a@example.com", "a", PASSWORD, null, "TLS", 600, null, null));
    }
}
