package org.parley.ui.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two real ends of the hand-off in one JVM, over a real Unix-domain socket. */
class HandoffChannelTest {
    @TempDir
    Path tmp;
    private Path socket;
    private final List<HandoffMessage.Request> received = new CopyOnWriteArrayList<>();
    private HandoffServer server;

    @BeforeEach
    void privateDirectory() throws IOException {
        socket = PrivateDirectory.prepare(tmp.resolve("run")).resolve("handoff.sock");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void serve(Duration timeout) throws IOException {
        server = HandoffServer.start(socket, r -> {
            received.add(r);
            return HandoffMessage.Reply.accepted();
        }, timeout);
    }

    @Test
    void aLinkAndAShowRequestAreDeliveredAndAcknowledged() throws IOException {
        serve(Duration.ofSeconds(2));
        HandoffMessage.Reply reply = HandoffClient.send(socket, HandoffMessage.Request.open("sip:bob@example.com"),
                Duration.ofSeconds(2));
        assertThat(reply.ok()).isTrue();
        assertThat(HandoffClient.send(socket, HandoffMessage.Request.show(), Duration.ofSeconds(2)).ok()).isTrue();
        assertThat(received).containsExactly(HandoffMessage.Request.open("sip:bob@example.com"),
                HandoffMessage.Request.show());
    }

    @Test
    void theHandlersRefusalReachesTheClientWithItsSentence() throws IOException {
        server = HandoffServer.start(socket, r -> HandoffMessage.Reply.refused("\"x:y\" is not a call link."));
        HandoffMessage.Reply reply = HandoffClient.send(socket, HandoffMessage.Request.open("x:y"),
                Duration.ofSeconds(2));
        assertThat(reply).isEqualTo(HandoffMessage.Reply.refused("\"x:y\" is not a call link."));
    }

    @Test
    void garbageIsRefusedWithoutEffectAndTheServerKeepsWorking() throws IOException {
        serve(Duration.ofSeconds(2));
        assertThat(raw("HELLO\n".getBytes(StandardCharsets.US_ASCII))).startsWith("REFUSED");
        assertThat(raw("PARLEY/2 OPEN sip:bob@example.com\n".getBytes(StandardCharsets.US_ASCII))).startsWith("REFUSED");
        assertThat(raw(new byte[] {'P', 'A', 'R', 'L', 'E', 'Y', '/', '1', ' ', 'O', 'P', 'E', 'N', ' ', (byte) 0xC3,
                (byte) 0x28, '\n'})).startsWith("REFUSED");
        assertThat(raw("PARLEY/1 OPEN sip:bob@example.com\u0007\n".getBytes(StandardCharsets.UTF_8)))
                .startsWith("REFUSED");
        assertThat(received).isEmpty();
        assertThat(HandoffClient.send(socket, HandoffMessage.Request.show(), Duration.ofSeconds(2)).ok()).isTrue();
        assertThat(received).hasSize(1);
    }

    @Test
    void anOverlongLineIsRefusedAndNothingIsDelivered() throws IOException {
        serve(Duration.ofSeconds(2));
        byte[] line = ("PARLEY/1 OPEN sip:" + "a".repeat(3000) + "@example.com\n").getBytes(StandardCharsets.UTF_8);
        assertThat(raw(line)).startsWith("REFUSED");
        assertThat(received).isEmpty();
        assertThatThrownBy(() -> HandoffMessage.Request.open("sip:" + "a".repeat(3000) + "@x").encode())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSlowClientIsDisconnectedAndOthersAreStillServed() throws IOException {
        serve(Duration.ofMillis(300));
        try (SocketChannel slow = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            slow.connect(UnixDomainSocketAddress.of(socket));
            slow.write(ByteBuffer.wrap("PARLEY/1 OP".getBytes(StandardCharsets.US_ASCII)));
            long started = System.nanoTime();
            assertThat(slow.read(ByteBuffer.allocate(64))).isEqualTo(-1); // closed by the server
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
        assertThat(received).isEmpty();
        assertThat(HandoffClient.send(socket, HandoffMessage.Request.show(), Duration.ofSeconds(2)).ok()).isTrue();
    }

    @Test
    void aSocketLeftByACrashedInstanceIsReplaced() throws IOException {
        ServerSocketChannel crashed = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        crashed.bind(UnixDomainSocketAddress.of(socket));
        crashed.close(); // the file stays, as after a crash
        assertThat(Files.exists(socket)).isTrue();
        serve(Duration.ofSeconds(2));
        assertThat(HandoffClient.send(socket, HandoffMessage.Request.show(), Duration.ofSeconds(2)).ok()).isTrue();
        server.close();
        assertThat(Files.exists(socket)).isFalse();
        server = null;
    }

    @Test
    void aDirectoryOthersCanEnterIsRefusedByBothEnds() throws IOException {
        Path open = Files.createDirectory(tmp.resolve("open"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThatThrownBy(() -> HandoffServer.start(open.resolve("s"), r -> HandoffMessage.Reply.accepted()))
                .isInstanceOf(PrivateDirectory.UnsafeDirectoryException.class).hasMessageContaining("rwxr-xr-x");
        assertThatThrownBy(() -> HandoffClient.send(open.resolve("s"), HandoffMessage.Request.show(),
                Duration.ofSeconds(1))).isInstanceOf(PrivateDirectory.UnsafeDirectoryException.class);
        assertThatThrownBy(() -> PrivateDirectory.prepare(open))
                .isInstanceOf(PrivateDirectory.UnsafeDirectoryException.class);
    }

    @Test
    void aSymbolicLinkInPlaceOfTheDirectoryIsRefused() throws IOException {
        Path target = PrivateDirectory.prepare(tmp.resolve("real"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), target);
        assertThatThrownBy(() -> PrivateDirectory.prepare(link))
                .isInstanceOf(PrivateDirectory.UnsafeDirectoryException.class).hasMessageContaining("symbolic link");
    }

    @Test
    void aNewDirectoryIsCreatedOwnerOnly() throws IOException {
        Path dir = PrivateDirectory.prepare(tmp.resolve("a/b/parley-x"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    }

    @Test
    void theInstanceLockIsExclusiveAndFreedOnClose() throws IOException {
        Path file = tmp.resolve("instance.lock");
        Optional<InstanceLock> first = InstanceLock.tryAcquire(file);
        assertThat(first).isPresent();
        assertThat(InstanceLock.tryAcquire(file)).isEmpty();
        first.get().close();
        try (InstanceLock again = InstanceLock.tryAcquire(file).orElseThrow()) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    void aSecondLaunchWaitsForAFirstInstanceThatIsStillStarting() throws Exception {
        SingleInstance.Paths paths = new SingleInstance.Paths(tmp.resolve("instance.lock"), socket);
        Thread late = new Thread(() -> {
            try {
                Thread.sleep(300); // simulates a first instance whose toolkit is still starting
                serve(Duration.ofSeconds(2));
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        late.start();
        assertThat(SingleInstance.deliver(paths, HandoffMessage.Request.open("tel:+4930123456")).ok()).isTrue();
        late.join();
        assertThat(received).containsExactly(HandoffMessage.Request.open("tel:+4930123456"));
    }

    @Test
    void theSocketLivesInTheRuntimeDirectoryPerProfile() {
        SingleInstance.Paths a = SingleInstance.Paths.of(Path.of("/home/u/.local/share/parley"),
                v -> v.equals("XDG_RUNTIME_DIR") ? "/run/user/1000" : null);
        SingleInstance.Paths b = SingleInstance.Paths.of(Path.of("/home/u/other"),
                v -> v.equals("XDG_RUNTIME_DIR") ? "/run/user/1000" : null);
        assertThat(a.socket().getParent().getParent()).isEqualTo(Path.of("/run/user/1000"));
        assertThat(a.socket().getParent().getFileName().toString()).matches("parley-[0-9a-f]{16}");
        assertThat(a.socket()).isNotEqualTo(b.socket());
        assertThat(a.lockFile()).isEqualTo(Path.of("/home/u/.local/share/parley/instance.lock"));
        assertThat(SingleInstance.Paths.of(Path.of("/p"), v -> "relative").socket())
                .isEqualTo(Path.of("/p/run/handoff.sock"));
    }

    /** Sends raw bytes, returns the reply line. */
    private String raw(byte[] bytes) throws IOException {
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.connect(UnixDomainSocketAddress.of(socket));
            c.write(ByteBuffer.wrap(bytes));
            ByteBuffer in = ByteBuffer.allocate(4096);
            while (c.read(in) >= 0 && in.hasRemaining()) {
                if (in.position() > 0 && in.get(in.position() - 1) == '\n') {
                    break;
                }
            }
            return new String(in.array(), 0, in.position(), StandardCharsets.UTF_8);
        }
    }
}
