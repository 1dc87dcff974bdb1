package org.parley.app.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.app.Transport;

/** The stack's UDP side with {@link DirectUdpMessageProcessor}: receives, answers from its port, stops. */
class DirectUdpMessageProcessorTest {
    private final BlockingQueue<RequestEvent> requests = new LinkedBlockingQueue<>();
    private ScheduledExecutorService core;
    private SipStackHost host;
    private DatagramSocket peer;

    @BeforeEach
    void start() throws Exception {
        core = Executors.newSingleThreadScheduledExecutor();
        host = SipStackHost.start("127.0.0.1", 0, false, new Properties(), core, new SipEvents() {
            @Override
            public void onRequest(RequestEvent event) {
                requests.add(event);
            }

            @Override
            public void onResponse(ResponseEvent event) {
            }

            @Override
            public void onTimeout(ClientTransaction transaction) {
            }

            @Override
            public void onTransportError(String h, int p, String t) {
            }
        });
        peer = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        peer.setSoTimeout(5000);
    }

    @AfterEach
    void stop() {
        peer.close();
        host.close();
        core.shutdownNow();
    }

    @Test
    void manyDatagramsOfAnySizeAreReceivedWhole() throws Exception {
        int port = host.listeningPoint(Transport.UDP).getPort();
        for (int i = 0; i < 50; i++) {
            send(port, message("small-" + i, "x".repeat(i)));
        }
        String big = "y".repeat(40_000);
        send(port, message("big", big));
        int seen = 0;
        boolean bigSeen = false;
        while (seen < 51) {
            RequestEvent e = requests.poll(10, TimeUnit.SECONDS);
            assertThat(e).as("request %d", seen).isNotNull();
            Request r = e.getRequest();
            if (r.getHeader("Call-ID").toString().contains("big")) {
                assertThat(new String(r.getRawContent(), StandardCharsets.UTF_8)).isEqualTo(big);
                bigSeen = true;
            }
            seen++;
        }
        assertThat(bigSeen).isTrue();
        // No reader thread of jain-sip's stock processor for this port.
        assertThat(channelThreads("MessageProcessorThread-UDP-127.0.0.1/" + port)).isZero();
    }

    @Test
    void answersLeaveFromTheListeningPort() throws Exception {
        int port = host.listeningPoint(Transport.UDP).getPort();
        send(port, message("answer-me", "hi"));
        RequestEvent e = requests.poll(10, TimeUnit.SECONDS);
        assertThat(e).isNotNull();
        core.submit(() -> {
            try {
                host.provider().getNewServerTransaction(e.getRequest())
                        .sendResponse(host.messages().createResponse(200, e.getRequest()));
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }).get(5, TimeUnit.SECONDS);
        DatagramPacket reply = new DatagramPacket(new byte[65_535], 65_535);
        peer.receive(reply);
        assertThat(new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8))
                .startsWith("SIP/2.0 200 OK");
        assertThat(reply.getPort()).isEqualTo(port);
    }

    @Test
    void closingEndsTheChannelThreads() throws Exception {
        String prefix = "-UDPMessageChannelThread-";
        int port = host.listeningPoint(Transport.UDP).getPort();
        send(port, message("before-close", "x"));
        assertThat(requests.poll(10, TimeUnit.SECONDS)).isNotNull();
        long before = channelThreads(prefix);
        assertThat(before).isGreaterThanOrEqualTo(DirectUdpMessageProcessor.CHANNEL_THREADS);
        host.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (channelThreads(prefix) > before - DirectUdpMessageProcessor.CHANNEL_THREADS
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(channelThreads(prefix)).isLessThanOrEqualTo(before - DirectUdpMessageProcessor.CHANNEL_THREADS);
    }

    private static long channelThreads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().contains(prefix)).count();
    }

    private void send(int port, String text) throws Exception {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        peer.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), port));
    }

    private String message(String callId, String body) {
        int local = peer.getLocalPort();
        return "OPTIONS sip:parley@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + local + ";branch=z9hG4bK-" + callId + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "To: <sip:parley@127.0.0.1>\r\n"
                + "From: <sip:test@127.0.0.1>;tag=t1\r\n"
                + "Call-ID: " + callId + "@test\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Content-Type: text/plain\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }
}
