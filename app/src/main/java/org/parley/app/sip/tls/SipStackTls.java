package org.parley.app.sip.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS side of one jain-sip stack: its {@link TlsTrust}, SSL contexts and the log of refused
 * certificates, handed to that stack's {@link ParleyNetworkLayer}.
 *
 * <p>jain-sip creates the network layer itself (no-argument constructor, then {@code setSipStack}), so it
 * cannot be given objects directly. Each instance is registered here under a random id, and
 * {@link #applyTo(Properties)} puts that id into the stack properties ({@value #CONTEXT_PROPERTY}); the
 * network layer looks it up in {@code setSipStack}. Several stacks in one JVM (alice and bob in a test)
 * thus each get their own trust, and nothing is JVM-global ({@code javax.net.ssl.*} system properties are
 * neither read nor written).
 *
 * <p>Usage: {@code create} → {@code applyTo(props)} → {@code SipFactory.createSipStack(props)} → … →
 * {@code stack.stop()} → {@link #close()}.
 *
 * <p>Thread-safe: the registry is concurrent; the server context is created lazily under this object's
 * lock; everything else is immutable after construction.
 */
public final class SipStackTls implements AutoCloseable {
    /** Stack property naming the registered instance; set by {@link #applyTo}. */
    public static final String CONTEXT_PROPERTY = "org.parley.sip.tls.CONTEXT";
    /** jain-sip's own watchdog on a blocked handshake; its unit is milliseconds (measured). */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(SipStackTls.class);
    private static final ConcurrentMap<String, SipStackTls> REGISTRY = new ConcurrentHashMap<>();

    private final String id;
    private final TlsTrust trust;
    private final Duration handshakeTimeout;
    private final CertificateRejections rejections = new CertificateRejections();
    private final CapturingTrustManager trustManager;
    private final SSLContext clientContext;
    private SSLContext serverContext; // guarded by this

    private SipStackTls(TlsTrust trust, Duration handshakeTimeout) throws IOException, GeneralSecurityException {
        this.id = UUID.randomUUID().toString();
        this.trust = trust;
        this.handshakeTimeout = handshakeTimeout;
        this.trustManager = CapturingTrustManager.create(trust, rejections);
        this.clientContext = SSLContext.getInstance("TLS");
        // No key managers: Parley presents no client certificate.
        clientContext.init(null, new TrustManager[] {trustManager}, new SecureRandom());
    }

    /** Like {@link #create(TlsTrust, Duration)} with {@link #DEFAULT_HANDSHAKE_TIMEOUT}. */
    public static SipStackTls create(TlsTrust trust) throws IOException, GeneralSecurityException {
        return create(trust, DEFAULT_HANDSHAKE_TIMEOUT);
    }

    /**
     * Loads the trust (now, so that a wrong trust store password is reported before any connection) and
     * registers the result for a stack to pick up.
     *
     * @throws IOException              the trust store cannot be read or its password is wrong
     * @throws GeneralSecurityException the trust store format is unknown
     */
    public static SipStackTls create(TlsTrust trust, Duration handshakeTimeout)
            throws IOException, GeneralSecurityException {
        Objects.requireNonNull(trust, "trust");
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("Handshake timeout must be positive: " + handshakeTimeout);
        }
        SipStackTls tls = new SipStackTls(trust, handshakeTimeout);
        REGISTRY.put(tls.id, tls);
        LOG.debug("TLS context {} registered for {}", tls.id, trust);
        return tls;
    }

    /**
     * Adds to jain-sip stack properties everything TLS needs: this network layer and context id, protocols
     * TLSv1.3 and TLSv1.2, the JVM's default cipher suites and the handshake watchdog. Returns
     * {@code properties}.
     */
    public Properties applyTo(Properties properties) {
        properties.setProperty(ParleyNetworkLayer.PROPERTY, ParleyNetworkLayer.class.getName());
        properties.setProperty(CONTEXT_PROPERTY, id);
        properties.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS",
                String.join(",", TlsPolicy.protocols(clientContext)));
        properties.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES",
                String.join(",", TlsPolicy.cipherSuites(clientContext)));
        properties.setProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT", String.valueOf(handshakeTimeout.toMillis()));
        return properties;
    }

    /** The registry key written into the stack properties. */
    public String id() {
        return id;
    }

    public TlsTrust trust() {
        return trust;
    }

    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    /** Certificates this stack refused, per server. */
    public CertificateRejections rejections() {
        return rejections;
    }

    /** The certificate last refused for {@code host:port} (host as the account configured it). */
    public Optional<RejectedCertificate> rejectionFor(String host, int port) {
        return rejections.lookup(host, port);
    }

    /** Unregisters. Stacks already created keep working; new stacks can no longer find this context. */
    @Override
    public void close() {
        if (REGISTRY.remove(id, this)) {
            LOG.debug("TLS context {} unregistered", id);
        }
    }

    static Optional<SipStackTls> lookup(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(REGISTRY.get(id));
    }

    SSLContext clientContext() {
        return clientContext;
    }

    /** Server side of the TLS listening point: the ephemeral key, and this trust for client certificates. */
    synchronized SSLContext serverContext() throws GeneralSecurityException {
        if (serverContext == null) {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(EphemeralServerIdentity.keyManagers(), new TrustManager[] {trustManager}, new SecureRandom());
            serverContext = context;
        }
        return serverContext;
    }
}
