package org.parley.app.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.ParleyEvent;
import org.parley.app.Transport;
import org.parley.app.file.FileEnd;
import org.parley.app.testsupport.TestUser;
import static org.parley.app.testsupport.TestFiles.random;
import org.parley.app.testsupport.kamailio.KamailioExtension;

/**
 * A transfer whose connection breaks mid-file resumes (RFC 5547 §8): the receiver keeps the part, asks for the
 * rest with a {@code recvonly} offer carrying {@code a=file-range}, the sender answers without asking its user, and
 * the whole file arrives with the offered hash. The break is made by closing the MSRP connection from the
 * receiver's side, as a network failure would, the moment the first quarter-megabyte has arrived.
 */
class FileResumeTest {
    @RegisterExtension
    static final KamailioExtension kamailio = KamailioExtension.md5();
    private static final Duration LONG = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private TestUser alice;
    private TestUser bob;

    @AfterEach
    void close() {
        for (TestUser u : new TestUser[] {alice, bob}) {
            if (u != null) {
                u.close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"TCP", "TLS"})
    void aTransferBrokenMidFileResumesFromTheReceivedCountAndArrivesWhole(Transport via) throws Exception {
        alice = TestUser.create(dir, kamailio, "alice", "alicepw", via).startAndAwaitRegistered();
        bob = TestUser.create(dir, kamailio, "bob", "bobpw", via).startAndAwaitRegistered();
        Path big = random(dir.resolve("video.bin"), 48L * 1024 * 1024);
        AtomicBoolean cut = new AtomicBoolean();
        bob.core.addListener(e -> {
            if (e instanceof ParleyEvent.FileProgress p && p.bytes() > 0 && cut.compareAndSet(false, true)) {
                ((SipParley) bob.core).files().drop(p.transferId());
            }
        }, Runnable::run);

        String first = alice.core.sendFile(null, bob.aor, big).join();
        ParleyEvent.FileOffered offer = bob.awaitEvent(ParleyEvent.FileOffered.class, e -> true);
        bob.core.acceptFile(offer.offer().transferId(), Optional.empty()).join();

        FileEnd broken = endAt(bob, offer.offer().transferId());
        assertThat(broken).as(broken.reason()).isInstanceOf(FileEnd.Interrupted.class);
        long received = ((FileEnd.Interrupted) broken).received();
        assertThat(received).isPositive().isLessThan(Files.size(big));
        assertThat(endAt(alice, first)).isInstanceOf(FileEnd.Interrupted.class);
        assertThat(visibleDownloads()).as("a part is never shown as a file").isEmpty();

        String again = bob.core.resumeFile(offer.offer().transferId()).join();
        ParleyEvent.FileResumed resumed = alice.awaitEvent(ParleyEvent.FileResumed.class, e -> true);
        assertThat(resumed.previousTransferId()).isEqualTo(first);
        assertThat(resumed.offset()).isEqualTo(received);

        FileEnd done = endAt(bob, again);
        assertThat(done).as(done.reason()).isInstanceOf(FileEnd.Done.class);
        Path saved = ((FileEnd.Done) done).saved().orElseThrow();
        assertThat(Files.mismatch(big, saved)).isEqualTo(-1L);
        assertThat(endAt(alice, resumed.transferId())).isInstanceOf(FileEnd.Done.class);
        long resumedBytes = bob.eventsOf(ParleyEvent.FileProgress.class).stream()
                .filter(p -> p.transferId().equals(again)).mapToLong(ParleyEvent.FileProgress::bytes).max().orElse(0);
        assertThat(resumedBytes).isEqualTo(Files.size(big));
        assertThat(visibleDownloads()).containsExactly(saved.getFileName().toString());
    }

    @Test
    void resumingSomethingThatDidNotBreakSaysSo() throws Exception {
        alice = TestUser.create(dir, kamailio, "alice", "alicepw", Transport.TCP).startAndAwaitRegistered();

        assertThat(alice.core.resumeFile("no-such-transfer")).failsWithin(LONG).withThrowableThat()
                .havingRootCause().isInstanceOf(IllegalArgumentException.class).withMessageContaining("no broken");
    }

    private java.util.List<String> visibleDownloads() throws Exception {
        if (!Files.isDirectory(bob.files.downloads())) {
            return java.util.List.of();
        }
        try (Stream<Path> files = Files.list(bob.files.downloads())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
        }
    }

    private static FileEnd endAt(TestUser user, String transferId) {
        return await().atMost(LONG).until(() -> user.eventsOf(ParleyEvent.FileEnded.class).stream()
                .filter(e -> e.transferId().equals(transferId)).findFirst().orElse(null), e -> e != null).end();
    }

}
