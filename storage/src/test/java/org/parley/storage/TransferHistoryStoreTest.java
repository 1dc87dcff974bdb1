package org.parley.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.storage.CallHistoryStoreTest.await;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransferHistoryStoreTest {
    static final String A = "sip:alice@example.com";
    static final String BOB = "sip:bob@example.com";
    static final String CAROL = "sip:carol@example.com";
    static final Instant T0 = Instant.parse("2026-11-26T10:00:00.123456Z");

    @TempDir
    Path tmp;

    @Test
    void transfersReadBackNewestFirstPerPeerAndSurviveReopening() throws Exception {
        Path dir = tmp.resolve("p");
        TransferRecord sent;
        TransferRecord received;
        TransferRecord other;
        try (Profile profile = Profiles.create(dir, "pass".toCharArray())) {
            TransferHistoryStore transfers = profile.transfers();
            sent = await(transfers.record(new TransferRecord(0, A, BOB, Direction.OUT, "report.pdf", 1234,
                    "ab".repeat(32), "done", T0)));
            received = await(transfers.record(new TransferRecord(0, A, BOB, Direction.IN, "Bericht (1).pdf", 99,
                    "cd".repeat(32), "quarantined", T0.plusSeconds(5))));
            other = await(transfers.record(new TransferRecord(0, A, CAROL, Direction.IN, "x.bin", 0, "00".repeat(32),
                    "declined", T0.plusSeconds(1))));

            assertThat(sent.ended()).isEqualTo(Instant.parse("2026-11-26T10:00:00.123Z"));
            assertThat(sent.id()).isPositive().isLessThan(received.id());
            assertThat(transfers.with(A, BOB, 10)).containsExactly(received, sent);
            assertThat(transfers.recent(2)).containsExactly(received, other);
        }
        try (Profile profile = Profiles.open(dir, "pass".toCharArray())) {
            assertThat(profile.transfers().recent(10)).containsExactly(received, other, sent);
        }
    }
}
