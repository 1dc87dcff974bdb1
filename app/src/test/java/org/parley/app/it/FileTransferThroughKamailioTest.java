package org.parley.app.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.ParleyEvent;
import org.parley.app.Transport;
import org.parley.app.file.FileEnd;
import org.parley.app.file.FilePolicy;
import org.parley.app.testsupport.TestUser;
import static org.parley.app.testsupport.TestFiles.random;
import static org.parley.app.testsupport.TestFiles.sha256;
import org.parley.app.testsupport.kamailio.KamailioExtension;
import org.parley.storage.Direction;
import org.parley.storage.TransferRecord;

/**
 * Files between two Parley cores through Kamailio over MSRP (RFC 4975/5547): they arrive byte-identical with the
 * offered hash over TCP and TLS, owner-only, under a safe unique name; decline, cancel, policy refusal and the
 * scan hook each end with their outcome on both sides, and the history keeps what was sent, never the content.
 */
class FileTransferThroughKamailioTest {
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

    private void start(Transport aliceVia, Transport bobVia) throws Exception {
        alice = TestUser.create(dir, kamailio, "alice", "alicepw", aliceVia).startAndAwaitRegistered();
        bob = TestUser.create(dir, kamailio, "bob", "bobpw", bobVia);
    }

    private void startBob() {
        bob.startAndAwaitRegistered();
    }

    @Test
    void smallEmptyAndBinaryFilesArriveIdenticalOverTcp() throws Exception {
        start(Transport.TCP, Transport.UDP);
        startBob();
        Path small = Files.writeString(dir.resolve("notes.txt"), "Grüße aus Köln — 你好 👋\n");
        Path empty = Files.createFile(dir.resolve("empty.dat"));
        Path binary = random(dir.resolve("image.raw"), 3 * 1024 * 1024 + 17);

        for (Path file : List.of(small, empty, binary)) {
            Path saved = transfer(file);
            assertThat(Files.mismatch(file, saved)).as(file.getFileName().toString()).isEqualTo(-1L);
            assertThat(saved.getParent()).isEqualTo(bob.files.downloads());
            assertThat(Files.getPosixFilePermissions(saved)).isEqualTo(Set.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE));
        }
        assertThat(alice.profile.transfers().with(alice.aor, bob.aor, 10)).extracting(TransferRecord::name)
                .containsExactly("image.raw", "empty.dat", "notes.txt");
        TransferRecord received = bob.profile.transfers().with(bob.aor, alice.aor, 10).get(0);
        assertThat(received.direction()).isEqualTo(Direction.IN);
        assertThat(received.outcome()).isEqualTo("done");
        assertThat(received.sha256()).isEqualTo(sha256(binary));
        assertThat(received.size()).isEqualTo(Files.size(binary));
    }

    @Test
    void aSecondFileOfTheSameNameGetsANumberedName() throws Exception {
        start(Transport.TCP, Transport.TCP);
        startBob();
        Path report = Files.writeString(dir.resolve("report.pdf"), "first");

        Path first = transfer(report);
        Files.writeString(report, "second");
        Path second = transfer(report);

        assertThat(first.getFileName().toString()).isEqualTo("report.pdf");
        assertThat(second.getFileName().toString()).isEqualTo("report (1).pdf");
        assertThat(Files.readString(first)).isEqualTo("first");
        assertThat(Files.readString(second)).isEqualTo("second");
    }

    @Test
    void overTlsTheFileTravelsOverMsrpsAndArrivesIdentical() throws Exception {
        start(Transport.TLS, Transport.TLS);
        startBob();
        Path binary = random(dir.resolve("secret.bin"), 1024 * 1024 + 5);

        Path saved = transfer(binary);

        assertThat(Files.mismatch(binary, saved)).isEqualTo(-1L);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = Transport.class, names = {"TCP", "TLS"})
    void aHundredMegabyteFileArrivesIdentical(Transport via) throws Exception {
        start(via, via);
        startBob();
        Path big = random(dir.resolve("big.bin"), 100L * 1024 * 1024);

        Path saved = transfer(big);

        assertThat(Files.size(saved)).isEqualTo(Files.size(big));
        assertThat(sha256(saved)).isEqualTo(sha256(big));
        assertThat(alice.eventsOf(ParleyEvent.FileProgress.class)).as("the sender saw progress").isNotEmpty();
    }

    @Test
    void aDeclinedOfferEndsOnBothSidesAndWritesNothing() throws Exception {
        start(Transport.TCP, Transport.UDP);
        startBob();
        Path file = Files.writeString(dir.resolve("unwanted.txt"), "no thanks");

        String id = alice.core.sendFile(null, bob.aor, file).join();
        ParleyEvent.FileOffered offer = bob.awaitEvent(ParleyEvent.FileOffered.class, e -> true);
        assertThat(offer.offer().name()).isEqualTo("unwanted.txt");
        assertThat(offer.offer().size()).isEqualTo(9);
        assertThat(offer.offer().from()).isEqualTo(alice.aor);
        bob.core.cancelFile(offer.offer().transferId());

        alice.awaitEvent(ParleyEvent.FileEnded.class, e -> e.transferId().equals(id) && e.end() instanceof FileEnd.Declined);
        assertThat(downloads(bob)).isEmpty();
    }

    @Test
    void theSenderCancellingBeforeTheAnswerEndsTheOfferAtTheReceiver() throws Exception {
        start(Transport.TCP, Transport.TCP);
        startBob();
        Path file = Files.writeString(dir.resolve("oops.txt"), "sent by mistake");

        String id = alice.core.sendFile(null, bob.aor, file).join();
        bob.awaitEvent(ParleyEvent.FileOffered.class, e -> true);
        alice.core.cancelFile(id);

        bob.awaitEvent(ParleyEvent.FileEnded.class, e -> e.end() instanceof FileEnd.Cancelled c && c.byPeer());
        alice.awaitEvent(ParleyEvent.FileEnded.class, e -> e.end() instanceof FileEnd.Cancelled c && !c.byPeer());
        assertThat(downloads(bob)).isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "cancelled by the {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"sender", "receiver"})
    void cancellingMidTransferEndsItOnBothSidesAndKeepsNothing(String who) throws Exception {
        start(Transport.TCP, Transport.TCP);
        startBob();
        Path big = random(dir.resolve("movie.bin"), 64L * 1024 * 1024);
        TestUser canceller = who.equals("sender") ? alice : bob;
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        canceller.core.addListener(e -> {
            if (e instanceof ParleyEvent.FileProgress p && p.bytes() > 0 && done.compareAndSet(false, true)) {
                canceller.core.cancelFile(p.transferId());
            }
        }, Runnable::run);

        String id = alice.core.sendFile(null, bob.aor, big).join();
        ParleyEvent.FileOffered offer = bob.awaitEvent(ParleyEvent.FileOffered.class, e -> true);
        bob.core.acceptFile(offer.offer().transferId(), Optional.empty()).join();

        FileEnd atAlice = await().atMost(LONG).until(() -> alice.eventsOf(ParleyEvent.FileEnded.class).stream()
                .filter(e -> e.transferId().equals(id)).findFirst().orElse(null), e -> e != null).end();
        FileEnd atBob = await().atMost(LONG).until(() -> bob.eventsOf(ParleyEvent.FileEnded.class).stream()
                .filter(e -> e.transferId().equals(offer.offer().transferId())).findFirst().orElse(null),
                e -> e != null).end();
        TestUser other = canceller == alice ? bob : alice;
        FileEnd atCanceller = canceller == alice ? atAlice : atBob;
        FileEnd atOther = canceller == alice ? atBob : atAlice;
        assertThat(atCanceller).isEqualTo(new FileEnd.Cancelled(false));
        assertThat(atOther).as(atOther.reason() + " at " + other.name).isIn(new FileEnd.Cancelled(true),
                new FileEnd.Failed("The receiver stopped the transfer."));
        await().atMost(LONG).untilAsserted(() -> assertThat(downloads(bob)).as("no part is left").isEmpty());
    }

    @Test
    void theReceiversPolicyRefusesABlockedFileBeforeAnyByteArrives() throws Exception {
        start(Transport.TCP, Transport.TCP);
        bob.files = new org.parley.app.core.FileSettings(bob.files.downloads(), bob.files.quarantine(),
                new FilePolicy(1000, Set.of("zip"), Set.of(), List.of()), Duration.ofSeconds(10));
        startBob();
        Path big = random(dir.resolve("large.bin"), 2000);
        Path zip = Files.writeString(dir.resolve("archive.zip"), "PK");

        alice.core.sendFile(null, bob.aor, big).join();
        alice.awaitEvent(ParleyEvent.FileEnded.class, e -> e.name().equals("large.bin") && e.end() instanceof FileEnd.Failed);
        bob.awaitEvent(ParleyEvent.FileEnded.class, e -> e.name().equals("large.bin") && e.end() instanceof FileEnd.Refused);
        alice.core.sendFile(null, bob.aor, zip).join();
        bob.awaitEvent(ParleyEvent.FileEnded.class, e -> e.name().equals("archive.zip") && e.end() instanceof FileEnd.Refused);

        assertThat(bob.eventsOf(ParleyEvent.FileOffered.class)).as("the user is never asked").isEmpty();
        assertThat(downloads(bob)).isEmpty();
    }

    @Test
    void theSendersPolicyRefusesAnExecutableWithASentence() throws Exception {
        start(Transport.TCP, Transport.TCP);
        Path exe = Files.writeString(dir.resolve("setup.exe"), "MZ");

        assertThat(alice.core.sendFile(null, "sip:bob@" + kamailio.domain(), exe))
                .failsWithin(LONG).withThrowableThat().havingRootCause().isInstanceOf(IllegalArgumentException.class)
                .withMessageContaining("policy");
    }

    @Test
    void aFileTheScanHookFlagsIsQuarantinedAndBothSidesAreTold() throws Exception {
        start(Transport.TCP, Transport.TCP);
        bob.files = new org.parley.app.core.FileSettings(bob.files.downloads(), bob.files.quarantine(),
                new FilePolicy(1 << 20, FilePolicy.EXECUTABLES, Set.of(), List.of("grep", "-qv", "EICAR", "{file}")),
                Duration.ofSeconds(10));
        startBob();
        Path clean = Files.writeString(dir.resolve("clean.txt"), "just text\n");
        Path infected = Files.writeString(dir.resolve("eicar.txt"), "EICAR-STANDARD-ANTIVIRUS-TEST-FILE\n");

        assertThat(Files.readString(transfer(clean))).isEqualTo("just text\n");
        alice.core.sendFile(null, bob.aor, infected).join();
        ParleyEvent.FileOffered offer = bob.awaitEvent(ParleyEvent.FileOffered.class, e -> e.offer().name().equals("eicar.txt"));
        bob.core.acceptFile(offer.offer().transferId(), Optional.empty()).join();

        ParleyEvent.FileEnded atBob = await().atMost(LONG).until(() -> bob.eventsOf(ParleyEvent.FileEnded.class).stream()
                .filter(e -> e.name().equals("eicar.txt")).findFirst().orElse(null), e -> e != null);
        assertThat(atBob.end()).isInstanceOf(FileEnd.Quarantined.class);
        assertThat(((FileEnd.Quarantined) atBob.end()).quarantine()).startsWith(bob.files.quarantine()).exists();
        assertThat(downloads(bob)).extracting(p -> p.getFileName().toString()).containsExactly("clean.txt");
        alice.awaitEvent(ParleyEvent.FileEnded.class, e -> e.name().equals("eicar.txt")
                && e.end() instanceof FileEnd.Failed f && f.reason().contains("scan"));
    }

    /** Sends {@code file} from Alice, Bob accepts; returns where Bob saved it once both sides report done. */
    private Path transfer(Path file) throws Exception {
        int before = bob.eventsOf(ParleyEvent.FileEnded.class).size();
        String id = alice.core.sendFile(null, bob.aor, file).join();
        ParleyEvent.FileOffered offer = bob.awaitEvent(ParleyEvent.FileOffered.class,
                e -> bob.eventsOf(ParleyEvent.FileEnded.class).stream()
                        .noneMatch(x -> x.transferId().equals(e.offer().transferId())));
        assertThat(offer.offer().sha256()).isEqualTo(sha256(file));
        assertThat(offer.offer().size()).isEqualTo(Files.size(file));
        bob.core.acceptFile(offer.offer().transferId(), Optional.empty()).join();
        ParleyEvent.FileEnded atBob = await().atMost(LONG).until(() -> bob.eventsOf(ParleyEvent.FileEnded.class)
                .stream().skip(before).findFirst().orElse(null), e -> e != null);
        assertThat(atBob.end()).as(atBob.end().reason()).isInstanceOf(FileEnd.Done.class);
        ParleyEvent.FileEnded atAlice = await().atMost(LONG).until(() -> alice.eventsOf(ParleyEvent.FileEnded.class)
                .stream().filter(e -> e.transferId().equals(id)).findFirst().orElse(null), e -> e != null);
        assertThat(atAlice.end()).as(atAlice.end().reason()).isInstanceOf(FileEnd.Done.class);
        FileEnd.Done done = (FileEnd.Done) atBob.end();
        assertThat(done.sha256()).isEqualTo(sha256(file));
        return done.saved().orElseThrow();
    }

    private static List<Path> downloads(TestUser user) throws IOException {
        if (!Files.isDirectory(user.files.downloads())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(user.files.downloads())) {
            return files.toList();
        }
    }


}
