package org.parley.app.testsupport.kamailio;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * One raw SIP request over UDP from a fresh loopback socket, and the first response to it.
 * Test plumbing only (readiness probe, self-tests), no retransmission, no dialogs.
 */
public final class SipUdp {

    private SipUdp() {
    }

    /** A received SIP response. */
    public record Response(int status, String text) {
        /** The value of the first header with this name (case-insensitive), if present. */
        public Optional<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            for (String line : text.split("\r\n")) {
                if (line.isEmpty()) {
                    break;
                }
                if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    return Optional.of(line.substring(prefix.length()).trim());
                }
            }
            return Optional.empty();
        }
    }

    /** Sends an OPTIONS for the server itself (no user part) and waits up to {@code timeout} for a response. */
    public static Optional<Response> options(String host, int port, Duration timeout) {
        return exchange(host, port, timeout, localPort -> request("OPTIONS", "sip:" + host + ":" + port,
                "probe", host, "<sip:" + host + ":" + port + ">", localPort, "", ""));
    }

    /**
     * Sends the request that {@code requestForLocalPort} builds for the local port (for Via/Contact)
     * and waits up to {@code timeout} for a final response (1xx are skipped); empty on timeout.
     */
    public static Optional<Response> exchange(String host, int port, Duration timeout,
                                              IntFunction<String> requestForLocalPort) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            byte[] bytes = requestForLocalPort.apply(socket.getLocalPort()).getBytes(StandardCharsets.UTF_8);
            socket.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress(host, port)));
            long deadline = System.nanoTime() + timeout.toNanos();
            byte[] buffer = new byte[65_535];
            while (true) {
                long leftMillis = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, leftMillis));
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                } catch (SocketTimeoutException e) {
                    return Optional.empty();
                }
                String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
                if (!text.startsWith("SIP/2.0 ") || text.length() < 11) {
                    continue;
                }
                int status = Integer.parseInt(text.substring(8, 11));
                if (status >= 200) {
                    return Optional.of(new Response(status, text));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("UDP exchange with " + host + ":" + port + " failed", e);
        }
    }

    /**
     * A minimal out-of-dialog request from {@code fromUser}@{@code domain} sent from 127.0.0.1:{@code localPort};
     * {@code extraHeaders} are complete header lines each ending in CRLF (including Content-Type for a body).
     */
    public static String request(String method, String requestUri, String fromUser, String domain, String to,
                                 int localPort, String extraHeaders, String body) {
        String id = UUID.randomUUID().toString();
        return method + " " + requestUri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + localPort + ";branch=z9hG4bK-" + id + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + fromUser + "@" + domain + ">;tag=" + id.substring(0, 8) + "\r\n"
                + "To: " + to + "\r\n"
                + "Call-ID: " + id + "@127.0.0.1\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + extraHeaders
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n"
                + body;
    }
}
