package org.parley.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Profiles written by earlier versions of the storage code open, migrate, read, search and take new writes.
 * {@code before-tuning}: before the performance work (commit ba5f0e6: 1 KiB pages, ChaCha20-Poly1305,
 * checkpoints inside the writer's COMMIT). {@code schema-v2}: schema version 2, before the call history
 * (commit 2c4fe10; passphrase {@link #V2_PASSPHRASE}). Any later change of page size, cipher or schema must keep
 * this test green or migrate the fixtures' format.
 */
class OlderProfileTest {
    private static final char[] PASSPHRASE = "fixture passphrase 2026-11".toCharArray();
    private static final char[] V2_PASSPHRASE = "fixture passphrase schema-2".toCharArray();
    private static final String A = "sip:alice@example.com";
    private static final String BOB = "sip:bob@example.com";

    @TempDir
    Path tmp;

    @Test
    void aProfileFromBeforeTheTuningOpensAndKeepsWorking() throws Exception {
        Path dir = fixture("before-tuning");
        try (Profile profile = Profiles.open(dir, PASSPHRASE.clone())) {
            assertThat(profile.history().search("quokka", 10)).hasSize(1);
            assertThat(profile.history().search("zebrafish", 10)).hasSize(1);
            assertThat(profile.accounts().find(A)).get().extracting(AccountRecord::password).isEqualTo("s3cret");
            profile.history().appendOutgoing(A, "sip:bob@example.com", "written after the tuning: Wombat", "fx-3")
                    .get(10, TimeUnit.SECONDS);
        }
        try (Profile profile = Profiles.open(dir, PASSPHRASE.clone())) {
            assertThat(profile.history().search("wombat", 10)).hasSize(1);
            assertThat(profile.history().search("quokka", 10)).hasSize(1);
        }
    }

    @Test
    void aSchemaVersionTwoProfileGainsTheCallHistoryAndKeepsItsData() throws Exception {
        Path dir = fixture("schema-v2");
        Instant started = Instant.parse("2026-11-21T09:30:00Z");
        CallRecord call;
        try (Profile profile = Profiles.open(dir, V2_PASSPHRASE.clone())) {
            assertThat(profile.calls().recent(10)).isEmpty();
            call = profile.calls().record(A, BOB, Direction.IN, started, Optional.of(started.plusSeconds(3)),
                    started.plusSeconds(75), "remote_hangup", "opus").get(10, TimeUnit.SECONDS);
        }
        try (Profile profile = Profiles.open(dir, V2_PASSPHRASE.clone())) {
            assertThat(profile.calls().with(A, BOB, 10)).containsExactly(call);
            assertThat(profile.history().search("platypus", 10)).hasSize(1);
            assertThat(profile.history().conversation(A, BOB, Long.MAX_VALUE, 10)).hasSize(2);
            assertThat(profile.contacts().list(A)).extracting(ContactRecord::name).containsExactly("Bob Builder");
            assertThat(profile.preferences().get("mute/" + A + "/" + BOB)).contains("true");
            assertThat(profile.accounts().find(A)).get().extracting(AccountRecord::password).isEqualTo("s3cret");
            assertThat(profile.accounts().find(A)).get().extracting(AccountRecord::dialPlan).isNull();
        }
    }

    /** Copies {@code /profiles/NAME/} (key file and database) into a fresh folder. */
    private Path fixture(String name) throws Exception {
        Path dir = tmp.resolve(name);
        Files.createDirectory(dir);
        for (String file : new String[] {"history.db", "profile.key"}) {
            try (InputStream in = OlderProfileTest.class.getResourceAsStream("/profiles/" + name + "/" + file)) {
                Files.copy(in, dir.resolve(file));
            }
        }
        return dir;
    }
}
