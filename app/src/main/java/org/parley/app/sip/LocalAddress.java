package org.parley.app.sip;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The local address to put into Via and Contact. When the stack listens on the wildcard address, that is the
 * address the operating system would use to reach the proxy (a connected UDP socket sends nothing).
 */
final class LocalAddress {
    private LocalAddress() {
    }

    /**
     * @param listening the listening point's address ("0.0.0.0" for all interfaces)
     * @return {@code listening} unless it is a wildcard; then the route's source address, or the local host's
     *         address when the proxy cannot be resolved now
     */
    static String towards(String listening, String proxyHost, int proxyPort) {
        if (!listening.equals("0.0.0.0") && !listening.equals("::") && !listening.equals("0:0:0:0:0:0:0:0")) {
            return listening;
        }
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(new InetSocketAddress(InetAddress.getByName(proxyHost), proxyPort));
            InetAddress local = probe.getLocalAddress();
            if (local != null && !local.isAnyLocalAddress()) {
                return local.getHostAddress();
            }
        } catch (IOException | RuntimeException e) {
            // fall through: unresolvable proxy or no route yet; the registration will report it
        }
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (IOException e) {
            return "127.0.0.1";
        }
    }
}
