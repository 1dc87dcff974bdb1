package org.parley.app.testsupport.sip;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SIP server played by the test on a loopback UDP socket: it receives requests (skipping retransmissions) and
 * answers each exactly when the test says so. For unit tests of one client class; never the proof that a feature
 * works with a real server.
 *
 * <p>Threading: the test thread only.
 */
public final class ScriptedUdpPeer implements AutoCloseable {
    private final DatagramSocket socket;
    private final Set<String> seen = new HashSet<>();

    public ScriptedUdpPeer() throws IOException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        socket.setSoTimeout(10_000);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** The next new request (UDP retransmissions of earlier ones are skipped); fails after 10 s. */
    public Received receive() throws IOException {
        while (true) {
            byte[] buf = new byte[65_536];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            socket.receive(p);
            String text = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
            if (seen.add(text)) {
                return new Received(text, p.getSocketAddress());
            }
        }
    }

    /**
     * Answers {@code request}: its Via, From, Call-ID and CSeq, its To with {@code toTag} added when it has none,
     * then {@code extraHeaders} (each ending in CRLF) and no body.
     */
    public void answer(Received request, String status, String toTag, String extraHeaders) throws IOException {
        String to = request.header("To");
        String response = "SIP/2.0 " + status + "\r\n"
                + "Via: " + request.header("Via") + "\r\n"
                + "From: " + request.header("From") + "\r\n"
                + "To: " + (to.contains(";tag=") ? to : to + ";tag=" + toTag) + "\r\n"
                + "Call-ID: " + request.header("Call-ID") + "\r\n"
                + "CSeq: " + request.header("CSeq") + "\r\n"
                + extraHeaders
                + "Content-Length: 0\r\n\r\n";
        byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, request.from()));
    }

    @Override
    public void close() {
        socket.close();
    }

    /** One request as it arrived. */
    public record Received(String text, SocketAddress from) {
        public String firstLine() {
            return text.substring(0, text.indexOf("\r\n"));
        }

        /** The first value of header {@code name} (full name, any case), or null. */
        public String header(String name) {
            Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + ":[ \\t]*([^\\r\\n]*)").matcher(text);
            return m.find() ? m.group(1) : null;
        }

        public String body() {
            return text.substring(text.indexOf("\r\n\r\n") + 4);
        }
    }
}
