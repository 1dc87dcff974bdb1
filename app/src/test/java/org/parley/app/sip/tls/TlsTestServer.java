package org.parley.app.sip.tls;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A TLS server on 127.0.0.1 for tests: completes handshakes, records SNI, and optionally answers every SIP
 * request with 200 OK. {@link #frozen()} accepts TCP connections and never says anything.
 */
final class TlsTestServer implements AutoCloseable {
    private final ServerSocket server;
    private final boolean sip;
    private final List<String> sniNames = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger handshakes = new AtomicInteger();
    private SwitchableKeyManager keys;

    private TlsTestServer(ServerSocket server, boolean sip) {
        this.server = server;
        this.sip = sip;
        Thread t = new Thread(this::acceptLoop, "tls-test-server-" + server.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    static TlsTestServer start(TestCertificates.Identity identity, boolean sipResponder) throws Exception {
        SwitchableKeyManager keys = new SwitchableKeyManager(identity);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(new KeyManager[] {keys}, null, null);
        SSLServerSocket s = (SSLServerSocket) ssl.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        s.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        TlsTestServer server = new TlsTestServer(s, sipResponder);
        server.keys = keys;
        return server;
    }

    /** From now on present {@code identity} (a server that replaced its certificate). */
    void present(TestCertificates.Identity identity) {
        keys.identity.set(identity);
    }

    /** Presents whichever identity is current. */
    private static final class SwitchableKeyManager extends X509ExtendedKeyManager {
        final AtomicReference<TestCertificates.Identity> identity;

        SwitchableKeyManager(TestCertificates.Identity initial) {
            identity = new AtomicReference<>(initial);
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return "server";
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return keyType.startsWith("EC") ? "server" : null;
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return new String[] {"server"};
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return new X509Certificate[] {identity.get().certificate()};
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return identity.get().keys().getPrivate();
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }

    /** A TCP listener that never completes a TLS handshake. */
    static TlsTestServer frozen() throws IOException {
        return new TlsTestServer(new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1")), false);
    }

    int port() {
        return server.getLocalPort();
    }

    List<String> sniNames() {
        return List.copyOf(sniNames);
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    int handshakes() {
        return handshakes.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                accepted.add(s);
                Thread t = new Thread(() -> serve(s), "tls-test-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            if (!(socket instanceof SSLSocket ssl)) {
                // Frozen: swallow the ClientHello and anything else until the peer gives up.
                while (socket.getInputStream().read() != -1) {
                    continue;
                }
                return;
            }
            ssl.startHandshake();
            handshakes.incrementAndGet();
            for (SNIServerName n : ((ExtendedSSLSession) ssl.getSession()).getRequestedServerNames()) {
                if (n instanceof SNIHostName h) {
                    sniNames.add(h.getAsciiName());
                }
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(ssl.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = ssl.getOutputStream();
            while (true) {
                List<String> head = new ArrayList<>();
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (head.isEmpty()) {
                            continue; // keep-alive CRLFs
                        }
                        break;
                    }
                    head.add(line);
                }
                if (line == null) {
                    return;
                }
                int length = 0;
                for (String h : head) {
                    if (h.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(h.substring(h.indexOf(':') + 1).trim());
                    }
                }
                for (int i = 0; i < length; i++) {
                    in.read();
                }
                requests.add(head.get(0));
                if (sip && !head.get(0).startsWith("SIP/2.0")) {
                    out.write(okFor(head).getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        } catch (IOException e) {
            // client went away or handshake refused by the client: expected in rejection tests
        }
    }

    private static String okFor(List<String> head) {
        StringBuilder b = new StringBuilder("SIP/2.0 200 OK\r\n");
        for (String h : head) {
            String name = h.substring(0, Math.max(0, h.indexOf(':'))).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "via", "v", "from", "f", "call-id", "i", "cseq" -> b.append(h).append("\r\n");
                case "to", "t" -> b.append(h).append(h.contains(";tag=") ? "" : ";tag=test").append("\r\n");
                default -> {
                }
            }
        }
        return b.append("Content-Length: 0\r\n\r\n").toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : accepted) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
