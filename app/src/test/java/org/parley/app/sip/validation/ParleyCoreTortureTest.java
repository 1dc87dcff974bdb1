package org.parley.app.sip.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.app.Parley;
import org.parley.app.ParleyEvent;
import org.parley.app.core.CoreOptions;
import org.parley.app.core.ParleyCore;
import org.parley.storage.AccountRecord;
import org.parley.storage.Profile;
import org.parley.storage.Profiles;

/**
 * The RFC 4475 corpus against Parley's real core (its SIP stack, screening and request handling), over UDP
 * and TCP, with the expected treatment of {@link TortureCorpusEndToEndTest#EXPECTED}; after each message a
 * normal MESSAGE must still be answered 200 and show up as a received message. The account points at a
 * port where no registrar listens: incoming requests are handled whether or not registration succeeded.
 * Loopback only; Vias are rewritten as in {@link LoopbackVia}.
 */
class ParleyCoreTortureTest {
    private static final Duration ANSWER = Duration.ofSeconds(5);
    private static final Duration QUIET = Duration.ofMillis(1000);
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    static Path dir;
    private static Profile profile;
    private Parley core;
    private int port;
    private final List<ParleyEvent> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void createProfile() throws Exception {
        profile = Profiles.create(dir.resolve("parley"), "pass phrase".toCharArray());
        int nobody;
        try (DatagramSocket s = new DatagramSocket(0, LOOPBACK)) {
            nobody = s.getLocalPort();
        }
        profile.accounts().save(new AccountRecord("sip:parley@127.0.0.1", null, "pw", "127.0.0.1:" + nobody, "UDP",
                300, null, null));
    }

    @AfterAll
    static void closeProfile() {
        profile.close();
    }

    /** A fresh core per file: corpus files share Via branches and jain-sip keys transactions by branch. */
    @BeforeEach
    void startCore() throws Exception {
        try (ServerSocket probe = new ServerSocket(0, 1, LOOPBACK)) {
            port = probe.getLocalPort();
        }
        core = ParleyCore.open(profile, CoreOptions.defaults().withBindAddress("127.0.0.1").withPort(port));
        core.addListener(events::add, Runnable::run);
        core.start();
        await().atMost(ANSWER).until(() -> !events.isEmpty()); // the stack is up once registration starts
    }

    @AfterEach
    void stopCore() {
        core.close();
    }

    /**
     * Where the full core answers otherwise than the bare inbound-request layer: it takes calls, so a well-formed
     * INVITE is no longer refused with 405 but routed: 404 when its Request-URI names none of the core's accounts,
     * 481 when its To-tag names no dialog of ours (RFC 3261 §12.2.2).
     */
    private static final java.util.Map<String, String> WITH_CALLS = java.util.Map.of(
            "wsinv.dat", "481", "esc01.dat", "404", "longreq.dat", "404", "baddate.dat", "404", "inv2543.dat", "404");

    private static String expected(String file, int column) {
        String plain = TortureCorpusEndToEndTest.EXPECTED.get(file, column);
        String status = WITH_CALLS.get(file);
        return status == null ? plain : status + plain.substring(plain.indexOf(' '));
    }

    static Stream<String> files() {
        return TortureCorpusEndToEndTest.files();
    }

    @ParameterizedTest(name = "UDP {0}")
    @MethodSource("files")
    void udp(String file) throws Exception {
        try (LoopbackPeer peer = LoopbackPeer.forDatagrams(LOOPBACK)) {
            peer.sendDatagram(LoopbackVia.rewrite(TortureCorpus.read(file), peer.port()), LOOPBACK, port);
            String expected = expected(file, 0);
            Optional<LoopbackPeer.Received> reply = peer.await(expected.equals("none") ? QUIET : ANSWER, r -> true);
            assertThat(reply.map(r -> r.reply().status() + " " + r.via()).orElse("none")).as("UDP " + file)
                    .isEqualTo(expected);
            String callId = "after-" + SEQ.incrementAndGet() + "@127.0.0.1";
            peer.sendDatagram(normalMessage("UDP", peer.port(), callId), LOOPBACK, port);
            assertDelivered(peer, callId, file);
        }
    }

    @ParameterizedTest(name = "TCP {0}")
    @MethodSource("files")
    void tcp(String file) throws Exception {
        String expected = expected(file, 1);
        InetSocketAddress server = new InetSocketAddress(LOOPBACK, port);
        try (LoopbackPeer peer = LoopbackPeer.forStream(LOOPBACK, server, ANSWER)) {
            peer.sendOnConnection(LoopbackVia.rewrite(TortureCorpus.read(file), peer.port()));
            Optional<LoopbackPeer.Received> reply = peer.await(
                    expected.equals("none") || expected.equals("closed") ? QUIET : ANSWER, r -> true);
            String outcome = reply.map(r -> r.reply().status() + " " + r.via())
                    .orElse(peer.connectionClosed() ? "closed" : "none");
            assertThat(outcome).as("TCP " + file).isEqualTo(expected);
        }
        try (LoopbackPeer peer = LoopbackPeer.forStream(LOOPBACK, server, ANSWER)) {
            String callId = "after-" + SEQ.incrementAndGet() + "@127.0.0.1";
            peer.sendOnConnection(normalMessage("TCP", peer.port(), callId));
            assertDelivered(peer, callId, file);
        }
    }

    private void assertDelivered(LoopbackPeer peer, String callId, String file) throws InterruptedException {
        Optional<LoopbackPeer.Received> ok = peer.await(ANSWER, r -> r.callId().equals(callId));
        assertThat(ok.map(r -> r.reply().status())).as("MESSAGE after " + file).contains(200);
        // The 200 goes out just before the event is published (same core task): wait for the event.
        await("MESSAGE after " + file + " delivered").atMost(ANSWER).until(() -> events.stream()
                .anyMatch(e -> e instanceof ParleyEvent.MessageReceived m && m.text().equals("still alive " + callId)));
    }

    private byte[] normalMessage(String transport, int clientPort, String callId) {
        String body = "still alive " + callId;
        String m = "MESSAGE sip:parley@127.0.0.1:" + port + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " 127.0.0.1:" + clientPort + ";branch=z9hG4bK-" + callId.hashCode()
                + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:tester@127.0.0.1>;tag=t" + SEQ.get() + "\r\n"
                + "To: <sip:parley@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 MESSAGE\r\n"
                + "Content-Type: text/plain\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
        return m.getBytes(StandardCharsets.UTF_8);
    }
}
