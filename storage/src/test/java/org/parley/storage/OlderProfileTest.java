package org.parley.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profile written by the storage code before the performance work (commit ba5f0e6: 1 KiB pages,
 * ChaCha20-Poly1305, checkpoints inside the writer's COMMIT) opens, reads, searches and takes new writes.
 * Any later change of page size, cipher or schema must keep this test green or migrate the fixture's format.
 */
class OlderProfileTest {
    private static final char[] PASSPHRASE = "fixture passphrase 2026-11".toCharArray();
    private static final String A = "sip:alice@example.com";

    @TempDir
    Path tmp;

    @Test
    void aProfileFromBeforeTheTuningOpensAndKeepsWorking() throws Exception {
        Path dir = tmp.resolve("profile");
        Files.createDirectory(dir);
        for (String name : new String[] {"history.db", "profile.key"}) {
            try (InputStream in = OlderProfileTest.class.getResourceAsStream("/profiles/before-tuning/" + name)) {
                Files.copy(in, dir.resolve(name));
            }
        }

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
}
