package org.parley.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.ParleyEvent;
import org.parley.app.Transport;
import org.parley.app.testsupport.TestUser;
import org.parley.app.testsupport.kamailio.KamailioExtension;
import org.parley.storage.MessageRecord;

/**
 * A sender that re-sends a MESSAGE (its answer was lost) uses the same From tag, Call-ID and CSeq with a new
 * Via branch — a new transaction for the stack. The receiver answers both and shows the message once.
 */
class DuplicateMessageTest {

    @RegisterExtension
    static final KamailioExtension kamailio = KamailioExtension.md5();

    @TempDir
    Path dir;

    @Test
    void aParleyMessageResentWithAnotherCSeqAfterADigestRetryIsStoredOnce() throws Exception {
        int port = freePort();
        try (TestUser bob = bobListeningOn(port);
             DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            peer.setSoTimeout(5000);
            // First attempt was challenged and went out as CSeq 2; the re-send used a cached nonce: CSeq 1.
            for (int cseq : new int[] {2, 1}) {
                send(peer, port, "z9hG4bK-cseq-" + cseq, "3f2a-parley-message@parley", cseq, "sent twice");
            }
            assertThat(bob.profile.history().conversation(bob.aor, "sip:carol@127.0.0.1", Long.MAX_VALUE, 10))
                    .extracting(MessageRecord::body).containsExactly("sent twice");
            // Another client that reuses one Call-ID for a conversation: new CSeq, new message.
            send(peer, port, "z9hG4bK-other-1", "shared-call-id", 1, "hello");
            send(peer, port, "z9hG4bK-other-2", "shared-call-id", 2, "hello");
            assertThat(bob.profile.history().conversation(bob.aor, "sip:carol@127.0.0.1", Long.MAX_VALUE, 10))
                    .extracting(MessageRecord::body).containsExactly("hello", "hello", "sent twice");
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /** Bob's core on a known local port, so the test can send to it directly, bypassing the proxy. */
    private TestUser bobListeningOn(int port) throws Exception {
        return TestUser.create(dir, kamailio, "bob", "bobpw", Transport.UDP, TestUser.fastOptions().withPort(port))
                .startAndAwaitRegistered();
    }

    private static void send(DatagramSocket peer, int port, String branch, String callId, int cseq, String body)
            throws Exception {
        String request = "MESSAGE sip:bob@127.0.0.1:" + port + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + peer.getLocalPort() + ";branch=" + branch + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:carol@127.0.0.1>;tag=carol-tag-2\r\n"
                + "To: <sip:bob@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " MESSAGE\r\n"
                + "Content-Type: text/plain;charset=UTF-8\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
        byte[] bytes = request.getBytes(StandardCharsets.UTF_8);
        peer.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
        DatagramPacket answer = new DatagramPacket(new byte[4096], 4096);
        peer.receive(answer);
        assertThat(new String(answer.getData(), 0, answer.getLength(), StandardCharsets.UTF_8))
                .startsWith("SIP/2.0 200");
    }

    @Test
    void aResentMessageIsAnsweredAgainButStoredAndShownOnce() throws Exception {
        int port = freePort();
        try (TestUser bob = bobListeningOn(port);
             DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            peer.setSoTimeout(5000);
            for (String branch : new String[] {"z9hG4bK-first-try", "z9hG4bK-second-try"}) {
                send(peer, port, branch, "resent-call-id-1", 2, "only once, please");
            }
            assertThat(bob.eventsOf(ParleyEvent.MessageReceived.class)).hasSize(1);
            assertThat(bob.profile.history().conversation(bob.aor, "sip:carol@127.0.0.1", Long.MAX_VALUE, 10))
                    .extracting(MessageRecord::body).containsExactly("only once, please");
        }
    }
}
