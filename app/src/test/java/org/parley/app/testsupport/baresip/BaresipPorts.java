package org.parley.app.testsupport.baresip;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports for one baresip: {@code sip} is free for UDP and TCP and {@code sip + 1} for TCP (baresip also
 * binds TLS there); RTP and RTCP take ports from {@code rtpFirst}–{@code rtpLast}, all free for UDP when picked. A
 * concurrent process may still take one before baresip binds it; baresip then fails to start, which
 * {@link BaresipPeer} reports.
 */
record BaresipPorts(int sip, int rtpFirst, int rtpLast) {

    private static final int ATTEMPTS = 200;
    private static final int RTP_PORTS = 10;

    static BaresipPorts pick() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < ATTEMPTS; i++) {
            int sip = 20_000 + 2 * random.nextInt(10_000);
            int rtp = 42_000 + 2 * random.nextInt(10_000);
            if (tcpFree(sip) && tcpFree(sip + 1) && udpFree(sip, 1) && udpFree(rtp, RTP_PORTS)) {
                return new BaresipPorts(sip, rtp, rtp + RTP_PORTS - 1);
            }
        }
        throw new IllegalStateException("no free loopback ports for baresip in " + ATTEMPTS + " attempts");
    }

    private static boolean tcpFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean udpFree(int first, int count) {
        for (int port = first; port < first + count; port++) {
            try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
                socket.getLocalPort();
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
