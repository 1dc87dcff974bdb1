package org.parley.app.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.app.ParleyEvent;
import org.parley.app.SipAddress;
import org.parley.app.Transport;
import org.parley.app.file.FileEnd;
import org.parley.app.sdp.FileDescription;
import org.parley.app.sdp.FileHash;
import org.parley.app.sdp.FileSelector;
import org.parley.app.testsupport.TestUser;
import org.parley.app.testsupport.kamailio.KamailioExtension;

/**
 * A hostile or lying sender, through Kamailio and real MSRP: the offer's name is a path or garbage, its size or
 * hash lies. Each case ends with a clear outcome on both sides, nothing lands outside the receiver's download
 * folder (nor stays in it unverified), and both cores keep working (a normal file goes through afterwards).
 */
class HostileFileOfferTest {
    @RegisterExtension
    static final KamailioExtension kamailio = KamailioExtension.md5();
    private static final Duration LONG = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private TestUser alice;
    private TestUser bob;
    private Path file;

    @BeforeEach
    void start() throws Exception {
        alice = TestUser.create(dir, kamailio, "alice", "alicepw", Transport.TCP).startAndAwaitRegistered();
        bob = TestUser.create(dir, kamailio, "bob", "bobpw", Transport.TCP).startAndAwaitRegistered();
        file = Files.writeString(dir.resolve("payload.txt"), "0123456789".repeat(1000));
    }

    @AfterEach
    void close() {
        alice.close();
        bob.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "../../.bashrc|bashrc",
            "/etc/passwd|passwd",
            "CON|_CON",
            "..\\..\\windows\\system32\\evil.txt|evil.txt",
            "a\u0000b.txt|ab.txt",
            ".hidden|hidden",
            "bad\u202Efdp.txt|badfdp.txt"})
    void aNameThatIsAPathOrGarbageIsSavedUnderASafeNameInTheDownloadFolder(String offered, String saved)
            throws Exception {
        String id = sendTampered(d -> named(d, offered));
        ParleyEvent.FileOffered offer = bob.awaitEvent(ParleyEvent.FileOffered.class, e -> true);
        assertThat(offer.offer().name()).isEqualTo(saved);
        bob.core.acceptFile(offer.offer().transferId(), Optional.empty()).join();

        FileEnd end = endAt(bob, offer.offer().transferId());
        assertThat(end).as(end.reason()).isInstanceOf(FileEnd.Done.class);
        Path where = ((FileEnd.Done) end).saved().orElseThrow();
        assertThat(where.getParent()).isEqualTo(bob.files.downloads().toRealPath());
        assertThat(where.getFileName().toString()).isEqualTo(saved);
        assertThat(Files.mismatch(where, file)).isEqualTo(-1L);
        assertThat(endAt(alice, id)).isInstanceOf(FileEnd.Done.class);
        Path root = dir.toRealPath();
        Path sent = file.toRealPath();
        assertThat(everythingUnder(root)).as("besides the profiles and the sent file, only the saved file")
                .filteredOn(p -> !p.startsWith(root.resolve("alice")) && !p.startsWith(root.resolve("bob"))
                        && !p.equals(sent))
                .containsExactly(where);
    }

    @Test
    void aTenThousandCharacterNameIsRefusedWithASentenceAndBothKeepWorking() throws Exception {
        String id = sendTampered(d -> named(d, "x".repeat(10_000) + ".txt"));

        FileEnd atAlice = endAt(alice, id);
        assertThat(atAlice).isInstanceOf(FileEnd.Failed.class);
        assertThat(atAlice.reason()).contains("does not accept");
        assertThat(bob.eventsOf(ParleyEvent.FileOffered.class)).isEmpty();
        aNormalFileStillArrives();
    }

    @Test
    void aSizeLargerThanTheFileEndsAsFailedOnBothSidesAndKeepsNothing() throws Exception {
        lie(d -> sized(d, 20_000));
    }

    @Test
    void aSizeSmallerThanTheFileEndsAsFailedOnBothSidesAndKeepsNothing() throws Exception {
        lie(d -> sized(d, 5_000));
    }

    @Test
    void aHashThatDoesNotMatchTheBytesEndsAsFailedOnBothSidesAndKeepsNothing() throws Exception {
        byte[] other = MessageDigest.getInstance("SHA-256").digest("something else".getBytes());
        lie(d -> new FileDescription(new FileSelector(d.selector().name(), d.selector().type(), d.selector().size(),
                Optional.of(FileHash.sha256(other))), d.transferId(), d.disposition(), d.modified(), d.range()));
    }

    private void lie(UnaryOperator<FileDescription> tamper) throws Exception {
        String id = sendTampered(tamper);
        ParleyEvent.FileOffered offer = bob.awaitEvent(ParleyEvent.FileOffered.class, e -> true);
        bob.core.acceptFile(offer.offer().transferId(), Optional.empty()).join();

        FileEnd atBob = endAt(bob, offer.offer().transferId());
        FileEnd atAlice = endAt(alice, id);
        assertThat(atBob).as(atBob.reason()).isInstanceOf(FileEnd.Failed.class);
        assertThat(atAlice).as(atAlice.reason()).isInstanceOf(FileEnd.Failed.class);
        assertThat(everythingUnder(bob.files.downloads())).isEmpty();
        aNormalFileStillArrives();
    }

    private void aNormalFileStillArrives() throws Exception {
        int before = bob.eventsOf(ParleyEvent.FileOffered.class).size();
        String id = alice.core.sendFile(null, bob.aor, file).join();
        ParleyEvent.FileOffered offer = await().atMost(LONG).until(() -> bob.eventsOf(ParleyEvent.FileOffered.class)
                .stream().skip(before).findFirst().orElse(null), e -> e != null);
        bob.core.acceptFile(offer.offer().transferId(), Optional.empty()).join();
        assertThat(endAt(bob, offer.offer().transferId())).isInstanceOf(FileEnd.Done.class);
        assertThat(endAt(alice, id)).isInstanceOf(FileEnd.Done.class);
    }

    private String sendTampered(UnaryOperator<FileDescription> tamper) {
        return ((SipParley) alice.core).files().send(alice.aor, SipAddress.parse(bob.aor), file, tamper).join();
    }

    private static FileDescription named(FileDescription d, String name) {
        return new FileDescription(new FileSelector(Optional.of(name), d.selector().type(), d.selector().size(),
                d.selector().hash()), d.transferId(), d.disposition(), d.modified(), d.range());
    }

    private static FileDescription sized(FileDescription d, long size) {
        return new FileDescription(new FileSelector(d.selector().name(), d.selector().type(), OptionalLong.of(size),
                d.selector().hash()), d.transferId(), d.disposition(), d.modified(), d.range());
    }

    private static FileEnd endAt(TestUser user, String transferId) {
        return await().atMost(LONG).until(() -> user.eventsOf(ParleyEvent.FileEnded.class).stream()
                .filter(e -> e.transferId().equals(transferId)).findFirst().orElse(null), e -> e != null).end();
    }

    private static List<Path> everythingUnder(Path root) throws Exception {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).toList();
        }
    }
}
