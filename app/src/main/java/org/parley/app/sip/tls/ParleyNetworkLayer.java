package org.parley.app.sip.tls;

import gov.nist.core.net.NetworkLayer;
import gov.nist.javax.sip.SipStackImpl;
import java.io.IOException;
import java.net.ConnectException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jain-sip's socket factory ({@code gov.nist.javax.sip.NETWORK_LAYER}) with Parley's TLS: the trust of the
 * stack's {@link SipStackTls}, TLSv1.3/TLSv1.2 with the JVM's default cipher suites, SNI and host name
 * verification (see {@link CapturingTrustManager}). Plain UDP/TCP sockets behave like jain-sip's default.
 *
 * <p>Life cycle, as found in jain-sip 1.3.0-91: {@code SipStackImpl}'s constructor instantiates this class
 * by its no-argument constructor and calls {@link #setSipStack} once, after it has read the stack name and
 * the handshake timeout but before the TLS protocol and cipher properties. The TLS context is found through
 * the stack property {@value SipStackTls#CONTEXT_PROPERTY}; without it every TLS socket request fails with
 * an {@link IOException} (never a fallback to other trust). A stack without TLS accounts uses this layer with
 * no context at all, so that the JVM's default TLS context is never set up (jain-sip's default layer does).
 *
 * <p>jain-sip calls {@code setEnabledProtocols}/{@code setEnabledCipherSuites} with the stack's lists right
 * after creating a socket; so before handing out a TLS socket the stack's lists are restricted to Parley's
 * policy. jain-sip runs the handshake itself on the sending thread and guards it with its watchdog
 * ({@code SSL_HANDSHAKE_TIMEOUT}, which {@link #setSipStack} sets when the properties did not).
 *
 * <p>Thread-safe: fields are written once in {@code setSipStack} (before jain-sip starts any thread) and
 * published through volatile fields; socket creation has no shared state.
 */
public final class ParleyNetworkLayer implements NetworkLayer {
    /** The jain-sip stack property that names the network layer class. */
    public static final String PROPERTY = "gov.nist.javax.sip.NETWORK_LAYER";
    private static final Logger LOG = LoggerFactory.getLogger(ParleyNetworkLayer.class);
    /** Connect timeout for TCP and TLS, as jain-sip's own layers use. */
    static final int CONNECT_TIMEOUT_MILLIS = 8000;

    private volatile SipStackImpl stack;
    private volatile SipStackTls tls;

    /** For jain-sip's reflective instantiation. */
    public ParleyNetworkLayer() {
    }

    @Override
    public void setSipStack(SipStackImpl sipStack) {
        this.stack = sipStack;
        String id = sipStack.getConfigurationProperties() == null ? null
                : sipStack.getConfigurationProperties().getProperty(SipStackTls.CONTEXT_PROPERTY);
        SipStackTls found = SipStackTls.lookup(id).orElse(null);
        this.tls = found;
        if (found == null && id == null) {
            LOG.debug("SIP stack {} has no TLS context: TLS connections are refused", sipStack.getStackName());
            return;
        }
        if (found == null) {
            LOG.warn("SIP stack {}: no TLS context registered (property {}={}): TLS connections will fail",
                    sipStack.getStackName(), SipStackTls.CONTEXT_PROPERTY, id);
            return;
        }
        if (sipStack.getSslHandshakeTimeout() <= 0) {
            sipStack.setSslHandshakeTimeout(found.handshakeTimeout().toMillis());
        }
        LOG.debug("SIP stack {} uses TLS context {} ({})", sipStack.getStackName(), id, found.trust());
    }

    // ---- TLS ----

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port) throws IOException {
        return createSSLSocket(address, port, null);
    }

    /**
     * An unconnected-then-connected, not yet handshaken TLS socket. The socket is connected with the
     * InetAddress jain-sip resolved, so the JDK takes its original host name (or the IP literal) as peer
     * host: that is the name sent as SNI (for dotted names) and verified against the certificate.
     */
    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port, InetAddress localAddress) throws IOException {
        SipStackTls context = requireTls();
        enforcePolicy(context.clientContext());
        SSLContext ssl = context.clientContext();
        SSLSocket socket = (SSLSocket) ssl.getSocketFactory().createSocket();
        try {
            socket.setSSLParameters(TlsPolicy.clientParameters(ssl));
            if (localAddress != null) {
                socket.bind(new InetSocketAddress(localAddress, 0));
            }
            socket.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MILLIS);
            return socket;
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw connectFailure(e, address, port);
        }
    }

    @Override
    public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        SipStackTls context = requireTls();
        try {
            SSLContext ssl = context.serverContext();
            enforcePolicy(context.clientContext());
            SSLServerSocket server = (SSLServerSocket) ssl.getServerSocketFactory()
                    .createServerSocket(port, backlog, bindAddress);
            server.setEnabledProtocols(TlsPolicy.protocols(ssl));
            server.setEnabledCipherSuites(TlsPolicy.cipherSuites(ssl));
            return server;
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot set up the TLS listener", e);
        }
    }

    // ---- TCP and UDP: like jain-sip's default layer ----

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        return new ServerSocket(port, backlog, bindAddress);
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return createSocket(address, port, null, 0);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress) throws IOException {
        return createSocket(address, port, localAddress, 0);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        Socket socket = new Socket();
        try {
            if (localAddress != null || localPort != 0) {
                socket.bind(new InetSocketAddress(localAddress, localPort));
            }
            socket.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MILLIS);
            return socket;
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw connectFailure(e, address, port);
        }
    }

    @Override
    public DatagramSocket createDatagramSocket() throws SocketException {
        return new DatagramSocket();
    }

    @Override
    public DatagramSocket createDatagramSocket(int port, InetAddress localAddress) throws SocketException {
        if (localAddress != null && localAddress.isMulticastAddress()) {
            try {
                MulticastSocket socket = new MulticastSocket(port);
                socket.joinGroup(new InetSocketAddress(localAddress, port), null);
                return socket;
            } catch (IOException e) {
                SocketException se = new SocketException("Cannot join multicast group " + localAddress);
                se.initCause(e);
                throw se;
            }
        }
        return new DatagramSocket(port, localAddress);
    }

    // ---- helpers ----

    private SipStackTls requireTls() throws IOException {
        SipStackTls context = tls;
        if (context == null) {
            throw new IOException("TLS is not configured for this SIP stack (no " + SipStackTls.CONTEXT_PROPERTY
                    + " registered)");
        }
        return context;
    }

    /**
     * Brings the stack's protocol and cipher lists (which jain-sip applies to every TLS socket right after
     * this layer created it) in line with Parley's policy: the configured protocols minus anything but
     * TLSv1.3/TLSv1.2 (both when nothing remains), and exactly the JVM's default cipher suites.
     */
    private void enforcePolicy(SSLContext ssl) {
        SipStackImpl s = stack;
        if (s == null) {
            return;
        }
        String[] protocols = TlsPolicy.restrict(s.getEnabledProtocols(), TlsPolicy.protocols(ssl));
        if (!Arrays.equals(protocols, s.getEnabledProtocols())) {
            LOG.info("SIP stack {}: TLS protocols {} restricted to {}", s.getStackName(),
                    TlsPolicy.describe(s.getEnabledProtocols()), TlsPolicy.describe(protocols));
            s.setEnabledProtocols(protocols);
        }
        // Always the JVM's defaults: jain-sip's built-in list (used when the property is absent) is outdated
        // (3DES, RSA key exchange) and would fail against EC certificates.
        String[] suites = TlsPolicy.cipherSuites(ssl);
        if (!Arrays.equals(suites, s.getEnabledCipherSuites())) {
            LOG.info("SIP stack {}: TLS cipher suites set to the JVM's defaults ({} suites)",
                    s.getStackName(), suites.length);
            s.setEnabledCipherSuites(suites);
        }
    }

    private static IOException connectFailure(Exception e, InetAddress address, int port) {
        if (e instanceof SocketTimeoutException) {
            ConnectException ce = new ConnectException("Connect timeout (" + CONNECT_TIMEOUT_MILLIS + " ms) to "
                    + address + ":" + port);
            ce.initCause(e);
            return ce;
        }
        if (e instanceof IOException io) {
            return io;
        }
        return new IOException("Cannot connect to " + address + ":" + port, e);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing more to do
        }
    }
}
