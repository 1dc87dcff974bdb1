package org.parley.app.sip.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every RFC 4475 message against a real jain-sip stack with the screening parser and a {@link RequestScreen}
 * user agent, over UDP (one datagram) and TCP (a fresh connection per file); after each, a normal MESSAGE
 * must still be answered 200 and delivered.
 *
 * <p>Loopback only. Before sending, the top Via sent-by of every request in the payload is replaced by
 * 127.0.0.1:&lt;client port&gt; ({@link LoopbackVia}); nothing else changes, so each file still tests its
 * subject (LoopbackViaTest checks that the raw verdict is unchanged). Responses are sent as they are: a
 * user agent never sends anything because of a response (jain-sip drops stray responses with
 * REJECT_STRAY_RESPONSES). When jain-sip answers by itself (400/505 to a UDP packet) it answers the
 * packet's source address. This test was also run in a network namespace whose only route leads to a
 * capturing veth: no packet left loopback (docs/decisions/0002-incoming-validation.md).
 *
 * <p>Outcomes: a status code (first final response), "none" (nothing within {@link #QUIET}), "closed"
 * (TCP connection closed by the stack without a response).
 */
class TortureCorpusEndToEndTest {
    private static final Duration ANSWER = Duration.ofSeconds(5);
    private static final Duration QUIET = Duration.ofMillis(1000);
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final List<ScreenedUserAgent> STOPPING = new CopyOnWriteArrayList<>();

    /**
     * file | sent by UDP | sent over a TCP connection | top Via sent-by rewritten | header the answer carries.
     *
     * <p>"405 udp" = first final response 405, received as a datagram ("tcp": on a TCP connection). jain-sip
     * answers per the top Via's sent-protocol, not per the transport the request came on (RFC 3261
     * §18.2.2): Via TCP over UDP is answered over a new TCP connection, Via UDP over TCP with a datagram;
     * Via TLS over UDP (bext01) cannot be answered at all (no TLS listening point) — over TCP it is.
     * jain-sip's own answers (raw-text 400, 505, CSeq-mismatch 400) and the parser's stateless answers go
     * to the packet's source. Where UDP and TCP differ otherwise: on TCP jain-sip hands over the header
     * section only, so body framing (clerr, baddn without final CRLF) is not judged, and a request that
     * can neither be answered nor handed to the stack closes the connection.
     */
    static final Table EXPECTED = new Table("""
            wsinv.dat       | 405 udp | 405 udp | yes (folded Via, sent-by on 3rd line)  |
            intmeth.dat     | 501 tcp | 501 tcp | yes (Via TCP)                          | Allow: MESSAGE, OPTIONS
            esc01.dat       | 405 udp | 405 udp | yes                                    |
            escnull.dat     | 405 udp | 405 udp | yes                                    |
            esc02.dat       | 501 tcp | 501 tcp | yes (Via TCP)                          | Allow: MESSAGE, OPTIONS
            lwsdisp.dat     | 200 udp | 200 udp | yes                                    |
            longreq.dat     | 405 tcp | 405 tcp | yes (top of 34 Vias, TCP)              |
            dblreq.dat      | 405 udp | 405 udp | yes, both requests' top Vias           |
            semiuri.dat     | 200 udp | 200 udp | yes                                    |
            transports.dat  | 200 udp | 200 udp | yes (lower SCTP/TLS/UNKNOWN/TCP kept)  |
            mpart01.dat     | 415 udp | 415 udp | yes (was 127.0.0.1:5070;rport)         | Accept: application/im-iscomposing+xml, text/plain
            unreason.dat    | none    | none    | no (response)                          |
            noreason.dat    | none    | none    | no (response)                          |
            badinv01.dat    | 400 udp | closed  | yes (;;,;,, kept)                      |
            clerr.dat       | 400 udp | none    | yes                                    |
            ncl.dat         | 400 udp | closed  | yes                                    |
            scalar02.dat    | 400 udp | closed  | yes (Via TCP; jain-sip's own 400)      |
            scalarlg.dat    | none    | none    | no (response)                          |
            quotbal.dat     | 400 udp | closed  | yes                                    |
            ltgtruri.dat    | 400 udp | closed  | yes (no branch, kept)                  |
            lwsruri.dat     | 400 udp | closed  | yes                                    |
            lwsstart.dat    | 400 udp | 400 udp | yes                                    |
            trws.dat        | 400 tcp | 400 tcp | yes (Via TCP)                          |
            escruri.dat     | 400 udp | 400 udp | yes                                    |
            baddate.dat     | 405 udp | 405 udp | yes                                    |
            regbadct.dat    | 400 udp | 400 udp | yes                                    |
            badaspec.dat    | 400 udp | 400 udp | yes                                    |
            baddn.dat       | 400 udp | none    | yes                                    |
            variants/baddn.crlf-terminated.dat | 400 udp | 400 udp | yes               |
            badvers.dat     | 505 udp | 505 udp | yes (SIP/7.0/UDP kept)                 |
            mismatch01.dat  | 400 udp | 400 udp | yes                                    |
            mismatch02.dat  | 501 udp | 400 udp | yes                                    |
            bigcode.dat     | none    | none    | no (response)                          |
            badbranch.dat   | 200 udp | 200 udp | yes (branch=z9hG4bK kept)              |
            insuf.dat       | 400 udp | closed  | yes                                    |
            unkscm.dat      | 416 tcp | 416 tcp | yes (Via TCP)                          |
            novelsc.dat     | 416 tcp | 416 tcp | yes (Via TCP)                          |
            unksm2.dat      | 405 udp | 405 udp | yes                                    |
            bext01.dat      | none    | 420 tcp | yes (Via TLS kept)                     | Unsupported: nothingSupportsThis, nothingSupportsThisEither
            invut.dat       | 415 udp | 415 udp | yes                                    | Accept: application/sdp
            regaut01.dat    | 405 tcp | 405 tcp | yes (Via TCP)                          |
            multi01.dat     | 400 udp | 400 udp | yes                                    |
            mcl01.dat       | 400 udp | closed  | yes                                    |
            bcast.dat       | none    | none    | no (response; 255.255.255.255 Via kept) |
            zeromf.dat      | 200 udp | 200 udp | yes                                    |
            cparam01.dat    | 405 udp | 405 udp | yes                                    |
            cparam02.dat    | 405 udp | 405 udp | yes                                    |
            regescrt.dat    | 405 udp | 405 udp | yes                                    |
            sdp01.dat       | 406 udp | 406 udp | yes                                    |
            inv2543.dat     | 405 udp | 405 udp | yes (RFC 2543 Via, no branch)          |
            test.dat        | none    | closed  | no (there is no Via)                   |
            """);

    private static final InetAddress LOOPBACK = loopback();

    private ScreenedUserAgent ua;

    /**
     * A fresh stack for every file and transport: many corpus files share a branch (z9hG4bKkdjuw) and
     * every file is sent twice, and jain-sip keys server transactions by branch alone, so a request that
     * reuses the branch of a live transaction from another sent-by cannot get one (RFC 3261 §17.2.3 would
     * tell them apart by sent-by). Real clients use fresh branches; the test must not depend on timers.
     */
    @BeforeEach
    void start() throws Exception {
        ua = ScreenedUserAgent.start("rfc4475-e2e-" + SEQ.incrementAndGet(), freePort());
    }

    @AfterEach
    void stop() {
        if (ua != null) {
            ua.close();
            STOPPING.add(ua);
        }
    }

    @AfterAll
    static void allStopped() throws InterruptedException {
        for (ScreenedUserAgent stopping : STOPPING) {
            stopping.awaitStopped();
        }
    }

    static Stream<String> files() {
        return Stream.concat(TortureCorpus.entries().stream().map(TortureCorpus.Entry::file),
                Stream.of("variants/baddn.crlf-terminated.dat"));
    }

    @ParameterizedTest(name = "UDP {0}")
    @MethodSource("files")
    void udp(String file) throws Exception {
        try (LoopbackPeer peer = LoopbackPeer.forDatagrams(LOOPBACK)) {
            peer.sendDatagram(LoopbackVia.rewrite(TortureCorpus.read(file), peer.port()), LOOPBACK, ua.port());
            String expected = EXPECTED.get(file, 0);
            Optional<LoopbackPeer.Received> reply = peer.await(expected.equals("none") ? QUIET : ANSWER, r -> true);
            assertThat(reply.map(TortureCorpusEndToEndTest::describe).orElse("none")).as("UDP " + file)
                    .isEqualTo(expected);
            reply.ifPresent(r -> assertCarries(file, r.reply()));

            String callId = followUpCallId(file, "udp");
            peer.sendDatagram(normalMessage("UDP", peer.port(), callId), LOOPBACK, ua.port());
            assertDelivered(peer, callId, file);
        }
    }

    @ParameterizedTest(name = "TCP {0}")
    @MethodSource("files")
    void tcp(String file) throws Exception {
        String expected = EXPECTED.get(file, 1);
        try (LoopbackPeer peer = LoopbackPeer.forStream(LOOPBACK, server(), ANSWER)) {
            peer.sendOnConnection(LoopbackVia.rewrite(TortureCorpus.read(file), peer.port()));
            Optional<LoopbackPeer.Received> reply = peer.await(
                    expected.equals("none") || expected.equals("closed") ? QUIET : ANSWER, r -> true);
            String outcome = reply.map(TortureCorpusEndToEndTest::describe)
                    .orElse(peer.connectionClosed() ? "closed" : "none");
            assertThat(outcome).as("TCP " + file).isEqualTo(expected);
            reply.ifPresent(r -> assertCarries(file, r.reply()));
        }
        try (LoopbackPeer peer = LoopbackPeer.forStream(LOOPBACK, server(), ANSWER)) {
            String callId = followUpCallId(file, "tcp");
            peer.sendOnConnection(normalMessage("TCP", peer.port(), callId));
            assertDelivered(peer, callId, file);
        }
    }

    private void assertDelivered(LoopbackPeer peer, String callId, String file) throws InterruptedException {
        Optional<LoopbackPeer.Received> ok = peer.await(ANSWER, r -> r.callId().equals(callId));
        assertThat(ok.map(r -> r.reply().status())).as("MESSAGE after " + file).contains(200);
        assertThat(ua.delivered(callId)).as("MESSAGE after " + file + " delivered").isTrue();
    }

    private static void assertCarries(String file, SipReply reply) {
        String header = EXPECTED.get(file, 3);
        if (!header.isEmpty()) {
            String name = header.substring(0, header.indexOf(':'));
            // jain-sip joins list values without a space ("Allow: MESSAGE,OPTIONS")
            assertThat(SipReply.header(reply.head(), name.toLowerCase(java.util.Locale.ROOT), "-").replace(", ", ","))
                    .as(file).isEqualTo(header.substring(name.length() + 1).strip().replace(", ", ","));
        }
    }

    /** "405 udp": the status of the first final response and how it came. */
    private static String describe(LoopbackPeer.Received r) {
        return r.reply().status() + " " + r.via();
    }

    private InetSocketAddress server() {
        return new InetSocketAddress(LOOPBACK, ua.port());
    }

    private static String followUpCallId(String file, String transport) {
        return "after-" + file.replace('/', '-') + "-" + transport + "-" + SEQ.incrementAndGet() + "@127.0.0.1";
    }

    /** A well-formed pager-mode MESSAGE from the test client. */
    byte[] normalMessage(String transport, int clientPort, String callId) {
        String body = "still alive";
        String m = "MESSAGE sip:parley@127.0.0.1:" + ua.port() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " 127.0.0.1:" + clientPort + ";branch=z9hG4bK-" + callId.hashCode() + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:tester@127.0.0.1>;tag=t" + SEQ.get() + "\r\n"
                + "To: <sip:parley@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 MESSAGE\r\n"
                + "Content-Type: text/plain\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
        return m.getBytes(StandardCharsets.US_ASCII);
    }

    /** A port free for both UDP and TCP on 127.0.0.1. */
    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, LOOPBACK);
                 DatagramSocket udp = new DatagramSocket(new InetSocketAddress(LOOPBACK, tcp.getLocalPort()))) {
                return udp.getLocalPort();
            } catch (IOException busy) {
                // UDP side taken; try another
            }
        }
        throw new IOException("no free UDP+TCP port on 127.0.0.1");
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
