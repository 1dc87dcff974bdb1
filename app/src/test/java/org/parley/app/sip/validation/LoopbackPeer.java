package org.parley.app.sip.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The test's end of the conversation, on one loopback port P for both transports, because jain-sip
 * answers per the top Via's sent-protocol rather than the transport the request came on: a datagram whose
 * Via says TCP is answered over a new TCP connection to the sent-by (RFC 3261 §18.2.2), and a request read
 * from a TCP connection whose Via says UDP is answered with a datagram to the sent-by. So the peer listens
 * for datagrams on P and, for datagram tests, accepts TCP connections on P; for stream tests it connects
 * from P. Every response received, by whatever way, lands in one queue tagged with how it came.
 */
final class LoopbackPeer implements AutoCloseable {
    /** A response and the way it arrived: "udp" or "tcp". */
    record Received(SipReply reply, String via) {
    }

    private final DatagramSocket udp;
    private final ServerSocket listener;
    private final Socket connection;
    private volatile boolean connectionClosed;
    private final BlockingQueue<Received> replies = new LinkedBlockingQueue<>();
    private final ExecutorService readers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "loopback-peer");
        t.setDaemon(true);
        return t;
    });

    private LoopbackPeer(DatagramSocket udp, ServerSocket listener, Socket connection) {
        this.udp = udp;
        this.listener = listener;
        this.connection = connection;
        readers.execute(this::readDatagrams);
        if (listener != null) {
            readers.execute(this::acceptConnections);
        }
        if (connection != null) {
            readers.execute(() -> readStream(connection, true));
        }
    }

    /** UDP socket and TCP listener on one port. */
    static LoopbackPeer forDatagrams(InetAddress loopback) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            ServerSocket tcp = new ServerSocket(0, 8, loopback);
            try {
                return new LoopbackPeer(new DatagramSocket(new InetSocketAddress(loopback, tcp.getLocalPort())), tcp, null);
            } catch (IOException busy) {
                tcp.close();
                last = busy;
            }
        }
        throw last;
    }

    /** UDP socket on port P and a TCP connection from P to {@code server}. */
    static LoopbackPeer forStream(InetAddress loopback, InetSocketAddress server, Duration timeout) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, 0));
            Socket s = new Socket();
            try {
                s.bind(new InetSocketAddress(loopback, udp.getLocalPort()));
                s.connect(server, (int) timeout.toMillis());
                return new LoopbackPeer(udp, null, s);
            } catch (IOException busy) {
                s.close();
                udp.close();
                last = busy;
            }
        }
        throw last;
    }

    int port() {
        return udp.getLocalPort();
    }

    void sendDatagram(byte[] payload, InetAddress to, int port) throws IOException {
        udp.send(new DatagramPacket(payload, payload.length, to, port));
    }

    void sendOnConnection(byte[] payload) throws IOException {
        OutputStream out = connection.getOutputStream();
        out.write(payload);
        out.flush();
    }

    /** True once the stream test's connection was closed or reset by the other side. */
    boolean connectionClosed() {
        return connectionClosed;
    }

    /** The first final response accepted by {@code wanted} within {@code timeout}, by any way. */
    Optional<Received> await(Duration timeout, Predicate<SipReply> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Received r = left <= 0 ? null : replies.poll(left, TimeUnit.NANOSECONDS);
            if (r == null) {
                return Optional.empty();
            }
            if (r.reply().isFinal() && wanted.test(r.reply())) {
                return Optional.of(r);
            }
        }
    }

    private void readDatagrams() {
        byte[] buf = new byte[65_535];
        while (!udp.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                udp.receive(p);
                SipReply.parse(p.getData(), p.getLength()).ifPresent(r -> replies.add(new Received(r, "udp")));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void acceptConnections() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                readers.execute(() -> readStream(s, false));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void readStream(Socket s, boolean ours) {
        try (InputStream in = s.getInputStream()) {
            while (true) {
                Optional<SipReply> r = SipReply.read(in);
                if (r.isEmpty()) {
                    break;
                }
                replies.add(new Received(r.get(), "tcp"));
            }
        } catch (IOException closed) {
            // reset, or closed by us
        }
        if (ours) {
            connectionClosed = true;
        }
    }

    @Override
    public void close() throws IOException {
        udp.close();
        if (listener != null) {
            listener.close();
        }
        if (connection != null) {
            connection.close();
        }
        readers.shutdownNow();
    }
}
