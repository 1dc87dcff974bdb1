package org.parley.app.testsupport.kamailio;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Ports for one test server on 127.0.0.1: {@code sip} is free for both UDP and TCP, {@code tls}
 * is a different free TCP port. Free when picked; a concurrent process may still take one before
 * Kamailio binds it, which {@link KamailioServer} detects and answers with new ports.
 */
record LoopbackPorts(int sip, int tls) {

    private static final int ATTEMPTS = 50;

    static LoopbackPorts pick() {
        for (int i = 0; i < ATTEMPTS; i++) {
            int sip = freeTcpPort();
            int tls = freeTcpPort();
            if (sip != tls && udpFree(sip)) {
                return new LoopbackPorts(sip, tls);
            }
        }
        throw new IllegalStateException("no free loopback port pair found in " + ATTEMPTS + " attempts");
    }

    private static int freeTcpPort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind a TCP port on the loopback", e);
        }
    }

    private static boolean udpFree(int port) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            return socket.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }
}
