package org.parley.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Creating, opening, refusing and protecting profiles through the public API. */
class ProfilesTest {
    static final String A = "sip:alice@example.com";
    static final String BOB = "sip:bob@example.com";
    static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    @TempDir
    Path tmp;
    Path dir;

    @BeforeEach
    void setUp() {
        dir = tmp.resolve("profile");
    }

    /** The UI starts warmUp() while the passphrase is typed; the user may be faster than the warm-up. */
    @Test
    void warmUpRacingWithOpenIsSafeAndLaterCallsAreFree() throws Exception {
        Profiles.create(dir, PASSPHRASE.clone()).close();
        CompletableFuture<Void> warmUp = CompletableFuture.runAsync(() -> {
            try {
                Profiles.warmUp();
            } catch (StorageException e) {
                throw new CompletionException(e);
            }
        });
        try (Profile profile = Profiles.open(dir, PASSPHRASE.clone())) {
            profile.history().appendOutgoing(A, BOB, "typed fast", "call-w").get(10, TimeUnit.SECONDS);
        }
        warmUp.get(30, TimeUnit.SECONDS);

        long start = System.nanoTime();
        Profiles.warmUp();
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.MILLISECONDS.toNanos(5));
    }

    @Test
    void createThenOpenRoundTrip() throws Exception {
        assertThat(Profiles.exists(dir)).isFalse();
        long id;
        try (Profile profile = Profiles.create(dir, PASSPHRASE.clone())) {
            id = profile.history().appendOutgoing(A, BOB, "hello Bob", "call-1").get(10, TimeUnit.SECONDS).id();
            profile.accounts().save(new AccountRecord(A, null, "s3cret", null, "TLS", 600, null, null));
        }
        assertThat(Profiles.exists(dir)).isTrue();
        try (Profile profile = Profiles.open(dir, PASSPHRASE.clone())) {
            assertThat(profile.history().find(id)).get().extracting(MessageRecord::body).isEqualTo("hello Bob");
            assertThat(profile.accounts().find(A)).get().extracting(AccountRecord::password).isEqualTo("s3cret");
        }
    }

    @Test
    void createRefusesAnExistingProfileAndLeavesItAlone() throws Exception {
        Profiles.create(dir, PASSPHRASE.clone()).close();
        Map<String, String> before = TestFiles.snapshot(dir);

        assertThatThrownBy(() -> Profiles.create(dir, "other".toCharArray()))
                .isInstanceOf(ProfileExistsException.class)
                .hasMessage("This folder already holds a Parley profile.");
        assertThat(TestFiles.snapshot(dir)).isEqualTo(before);
    }

    @Test
    void wrongPassphraseThrowsAndChangesNothingOnDisk() throws Exception {
        try (Profile profile = Profiles.create(dir, PASSPHRASE.clone())) {
            profile.history().appendIncoming(A, BOB, "hi", "k1").get(10, TimeUnit.SECONDS);
        }
        Map<String, String> before = TestFiles.snapshot(dir);
        assertThat(before).containsKeys("profile.key", "history.db");

        assertThatThrownBy(() -> Profiles.open(dir, "wrong passphrase".toCharArray()))
                .isInstanceOf(WrongPassphraseException.class)
                .hasMessage("The passphrase is wrong.");
        assertThat(TestFiles.snapshot(dir)).isEqualTo(before);
    }

    @Test
    void garbageKeyFileIsNotOursAndIsNeverOverwritten() throws Exception {
        Files.createDirectories(dir);
        Files.write(dir.resolve("profile.key"), TestFiles.randomBytes(300, 1));
        Map<String, String> before = TestFiles.snapshot(dir);

        assertThat(Profiles.exists(dir)).isFalse();
        assertThatThrownBy(() -> Profiles.open(dir, PASSPHRASE.clone()))
                .isInstanceOf(NotAProfileException.class)
                .hasMessage("This folder does not hold a Parley profile.");
        assertThatThrownBy(() -> Profiles.create(dir, PASSPHRASE.clone()))
                .isInstanceOf(ProfileExistsException.class)
                .hasMessageContaining("left untouched");
        assertThat(TestFiles.snapshot(dir)).isEqualTo(before);
    }

    @Test
    void garbageFileNamedLikeTheDatabaseIsNeverOverwritten() throws Exception {
        Files.createDirectories(dir);
        Files.write(dir.resolve("history.db"), TestFiles.randomBytes(8192, 2));
        Map<String, String> before = TestFiles.snapshot(dir);

        assertThatThrownBy(() -> Profiles.open(dir, PASSPHRASE.clone())).isInstanceOf(NotAProfileException.class);
        assertThatThrownBy(() -> Profiles.create(dir, PASSPHRASE.clone()))
                .isInstanceOf(ProfileExistsException.class);
        assertThat(TestFiles.snapshot(dir)).isEqualTo(before);
    }

    @Test
    void foreignDatabaseBehindAValidKeyFileIsReportedNotReplaced() throws Exception {
        Profiles.create(dir, PASSPHRASE.clone()).close();
        Files.write(dir.resolve("history.db"), TestFiles.randomBytes(64 * 1024, 3));
        Map<String, String> before = TestFiles.snapshot(dir);

        assertThatThrownBy(() -> Profiles.open(dir, PASSPHRASE.clone()))
                .isInstanceOf(CorruptProfileException.class)
                .hasMessage("The profile database cannot be read: it is damaged or was not written by Parley.");
        assertThat(TestFiles.snapshot(dir)).isEqualTo(before);
    }

    @Test
    void truncatedDatabaseIsReportedNotRecreated() throws Exception {
        try (Profile profile = Profiles.create(dir, PASSPHRASE.clone())) {
            for (int i = 0; i < 300; i++) {
                profile.history().appendIncoming(A, BOB, "message number " + i + " with some words", "k" + i);
            }
            profile.history().appendIncoming(A, BOB, "last", "last").get(10, TimeUnit.SECONDS);
        }
        Path db = dir.resolve("history.db");
        byte[] full = Files.readAllBytes(db);
        assertThat(full.length).isGreaterThan(3 * 4096);

        Files.write(db, java.util.Arrays.copyOf(full, full.length / 2));
        Map<String, String> before = TestFiles.snapshot(dir);
        assertThatThrownBy(() -> Profiles.open(dir, PASSPHRASE.clone()))
                .isInstanceOf(CorruptProfileException.class);
        assertThat(TestFiles.snapshot(dir)).isEqualTo(before);

        Files.write(db, new byte[0]);
        assertThatThrownBy(() -> Profiles.open(dir, PASSPHRASE.clone()))
                .isInstanceOf(CorruptProfileException.class)
                .hasMessage("The profile database is empty.");
        assertThat(Files.size(db)).isZero();
    }

    @Test
    void corruptedDatabasePageIsReportedNotRepaired() throws Exception {
        try (Profile profile = Profiles.create(dir, PASSPHRASE.clone())) {
            profile.history().appendIncoming(A, BOB, "hello", "k1").get(10, TimeUnit.SECONDS);
        }
        Path db = dir.resolve("history.db");
        byte[] bytes = Files.readAllBytes(db);
        bytes[1000] ^= 0x5a; // inside page 1 (schema); its Poly1305 tag no longer verifies
        Files.write(db, bytes);
        Map<String, String> before = TestFiles.snapshot(dir);

        assertThatThrownBy(() -> Profiles.open(dir, PASSPHRASE.clone()))
                .isInstanceOf(CorruptProfileException.class);
        assertThat(TestFiles.snapshot(dir)).isEqualTo(before);
    }

    @Test
    void missingDatabaseIsReportedNotRecreated() throws Exception {
        Profiles.create(dir, PASSPHRASE.clone()).close();
        Files.delete(dir.resolve("history.db"));

        assertThatThrownBy(() -> Profiles.open(dir, PASSPHRASE.clone()))
                .isInstanceOf(CorruptProfileException.class)
                .hasMessage("The profile database is missing.");
        assertThat(dir.resolve("history.db")).doesNotExist();
    }

    @Test
    void filesAreOwnerOnly() throws Exception {
        assumeThat(Files.getFileStore(tmp).supportsFileAttributeView("posix")).isTrue();
        try (Profile profile = Profiles.create(dir, PASSPHRASE.clone())) {
            profile.history().appendIncoming(A, BOB, "hi", "k1").get(10, TimeUnit.SECONDS);
            assertThat(mode(dir)).isEqualTo("rwx------");
            for (String name : new String[] {"profile.key", "history.db", "history.db-wal", "history.db-shm"}) {
                assertThat(dir.resolve(name)).exists();
                assertThat(mode(dir.resolve(name))).as(name).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void widenedPermissionsAreNarrowedOnOpen() throws Exception {
        assumeThat(Files.getFileStore(tmp).supportsFileAttributeView("posix")).isTrue();
        Profiles.create(dir, PASSPHRASE.clone()).close();
        Files.setPosixFilePermissions(dir.resolve("history.db"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(dir.resolve("profile.key"), PosixFilePermissions.fromString("rw-rw-r--"));

        Profiles.open(dir, PASSPHRASE.clone()).close();
        assertThat(mode(dir.resolve("history.db"))).isEqualTo("rw-------");
        assertThat(mode(dir.resolve("profile.key"))).isEqualTo("rw-------");
    }

    @Test
    void changePassphraseRewrapsTheKeyWithoutRewritingTheDatabase() throws Exception {
        char[] next = "a new passphrase".toCharArray();
        Path db = dir.resolve("history.db");
        try (Profile profile = Profiles.create(dir, PASSPHRASE.clone())) {
            profile.history().appendIncoming(A, BOB, "kept across the change", "k1").get(10, TimeUnit.SECONDS);
            String dbHash = TestFiles.settledSha256(db); // the background checkpoint copies the commit over
            TestFiles.settledSha256(dir.resolve("history.db-wal"));
            Object inode = Files.getAttribute(db, "unix:ino");
            String keyHash = TestFiles.sha256(dir.resolve("profile.key"));

            assertThatThrownBy(() -> profile.changePassphrase("not it".toCharArray(), next.clone()))
                    .isInstanceOf(WrongPassphraseException.class);
            assertThat(TestFiles.sha256(dir.resolve("profile.key"))).isEqualTo(keyHash);

            profile.changePassphrase(PASSPHRASE.clone(), next.clone());
            assertThat(TestFiles.settledSha256(db)).isEqualTo(dbHash);
            assertThat(Files.getAttribute(db, "unix:ino")).isEqualTo(inode);
            assertThat(TestFiles.sha256(dir.resolve("profile.key"))).isNotEqualTo(keyHash);
            assertThat(dir.resolve("profile.key.tmp")).doesNotExist();
        }
        assertThatThrownBy(() -> Profiles.open(dir, PASSPHRASE.clone())).isInstanceOf(WrongPassphraseException.class);
        try (Profile profile = Profiles.open(dir, next.clone())) {
            assertThat(profile.history().search("kept", 10)).hasSize(1);
        }
    }

    @Test
    void closeDrainsQueuedWrites() throws Exception {
        var futures = new java.util.ArrayList<java.util.concurrent.CompletableFuture<MessageRecord>>();
        Profile profile = Profiles.create(dir, PASSPHRASE.clone());
        for (int i = 0; i < 500; i++) {
            futures.add(profile.history().appendOutgoing(A, BOB, "queued " + i, "c" + i));
        }
        profile.close();
        assertThat(futures).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        try (Profile reopened = Profiles.open(dir, PASSPHRASE.clone())) {
            assertThat(reopened.history().pendingOutgoing(A)).hasSize(500);
        }
    }

    @Test
    void callsAfterCloseFailClearly() throws Exception {
        Profile profile = Profiles.create(dir, PASSPHRASE.clone());
        profile.close();
        profile.close(); // idempotent

        assertThat(profile.history().appendOutgoing(A, BOB, "late", "c1"))
                .failsWithin(java.time.Duration.ofSeconds(5))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(ProfileClosedException.class);
        assertThatThrownBy(() -> profile.history().pendingOutgoing(A)).isInstanceOf(ProfileClosedException.class)
                .hasMessage("The profile is closed.");
        assertThatThrownBy(() -> profile.accounts().list()).isInstanceOf(ProfileClosedException.class);
        assertThatThrownBy(() -> profile.contacts().save(new ContactRecord(A, BOB, null, null)))
                .isInstanceOf(ProfileClosedException.class);
        assertThatThrownBy(() -> profile.changePassphrase(PASSPHRASE.clone(), "x".toCharArray()))
                .isInstanceOf(ProfileClosedException.class);
    }

    @Test
    void emptyPassphraseIsRefused() {
        assertThatThrownBy(() -> Profiles.create(dir, new char[0])).isInstanceOf(StorageException.class)
                .hasMessage("The passphrase must not be empty.");
        assertThat(dir).doesNotExist();
    }

    @Test
    void openingAFolderWithoutProfileSaysSo() throws IOException {
        Files.createDirectories(dir);
        assertThatThrownBy(() -> Profiles.open(dir, PASSPHRASE.clone())).isInstanceOf(NotAProfileException.class);
        assertThatThrownBy(() -> Profiles.open(tmp.resolve("missing"), PASSPHRASE.clone()))
                .isInstanceOf(NotAProfileException.class);
        assertThat(tmp.resolve("missing")).doesNotExist();
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
