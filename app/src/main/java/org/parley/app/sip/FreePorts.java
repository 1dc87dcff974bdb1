package org.parley.app.sip;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Finds local ports that are free for both UDP and TCP. Racy by nature: bind soon after. */
final class FreePorts {
    private FreePorts() {
    }

    /** A port free on {@code address} for UDP and TCP, and (when {@code withNext}) port+1 for TCP too. */
    static int find(String address, boolean withNext) throws IOException {
        InetAddress bind = InetAddress.getByName(address);
        for (int attempt = 0; attempt < 50; attempt++) {
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, bind)) {
                port = probe.getLocalPort();
            }
            if (port > 65000 || !free(bind, port) || (withNext && !free(bind, port + 1))) {
                continue;
            }
            return port;
        }
        throw new IOException("No free local port found on " + address);
    }

    private static boolean free(InetAddress bind, int port) {
        try (ServerSocket tcp = new ServerSocket()) {
            tcp.setReuseAddress(false);
            tcp.bind(new InetSocketAddress(bind, port));
            DatagramSocket udp = new DatagramSocket(new InetSocketAddress(bind, port));
            udp.close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
