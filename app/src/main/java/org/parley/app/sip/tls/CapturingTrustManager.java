package org.parley.app.sip.tls;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXReason;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.security.auth.x500.X500Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parley's only trust decision for SIP over TLS. A server chain is accepted when, in this order:
 * <ol>
 *   <li>the negotiated protocol is TLSv1.3 or TLSv1.2;</li>
 *   <li>the leaf certificate is within its validity period (also for pinned certificates);</li>
 *   <li>the leaf's SHA-256 fingerprint is pinned: accepted without chain or name checks — the user accepted
 *       exactly this certificate for this account (like an SSH host key); or else</li>
 *   <li>the JDK PKIX trust manager over the account's anchors accepts the chain, and</li>
 *   <li>the leaf's subjectAltName matches the host the connection was made to ({@link HostnameCheck}):
 *       the peer host of the handshake session, i.e. the name jain-sip resolved (the JDK keeps the
 *       original host name of the InetAddress, never a reverse lookup) or the IP literal.</li>
 * </ol>
 * On refusal the leaf is recorded in {@link CertificateRejections} under host and port, a warning is logged
 * and a {@link CertificateException} is thrown (the JDK turns it into an {@code SSLHandshakeException}).
 * RuntimeExceptions of the PKIX delegate count as "not trusted". The two-argument
 * {@code checkServerTrusted} knows no host and always refuses.
 *
 * <p>Client chains (inbound connections to Parley's TLS listening point) get steps 1–4, no name check and
 * no recording.
 *
 * <p>Thread-safe: immutable apart from the synchronized rejection log; called on handshaking threads.
 */
public final class CapturingTrustManager extends X509ExtendedTrustManager {
    private static final Logger LOG = LoggerFactory.getLogger(CapturingTrustManager.class);

    private final Set<String> pins;
    private final X509ExtendedTrustManager pkix;
    private final CertificateRejections rejections;
    private final Clock clock;

    CapturingTrustManager(Set<String> pins, Optional<X509ExtendedTrustManager> pkix,
                          CertificateRejections rejections, Clock clock) {
        this.pins = Set.copyOf(pins);
        this.pkix = pkix.orElse(null);
        this.rejections = Objects.requireNonNull(rejections, "rejections");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A trust manager for {@code trust}, recording refusals in {@code rejections}.
     *
     * @throws IOException              when the trust store cannot be read or its password is wrong
     * @throws GeneralSecurityException when the trust store format is unknown
     */
    public static CapturingTrustManager create(TlsTrust trust, CertificateRejections rejections)
            throws IOException, GeneralSecurityException {
        return new CapturingTrustManager(trust.pinnedSha256(), PkixTrust.build(trust), rejections,
                Clock.systemUTC());
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        SSLSession session = socket instanceof SSLSocket s ? s.getHandshakeSession() : null;
        checkServer(chain, session, () -> pkix.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        SSLSession session = engine != null ? engine.getHandshakeSession() : null;
        checkServer(chain, session, () -> pkix.checkServerTrusted(chain, authType, engine));
    }

    /** Refuses: without a socket or engine the host to verify is unknown. */
    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checkServer(chain, null, () -> pkix.checkServerTrusted(chain, authType));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        SSLSession session = socket instanceof SSLSocket s ? s.getHandshakeSession() : null;
        checkClient(chain, session, () -> pkix.checkClientTrusted(chain, authType, socket));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        SSLSession session = engine != null ? engine.getHandshakeSession() : null;
        checkClient(chain, session, () -> pkix.checkClientTrusted(chain, authType, engine));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checkClient(chain, null, () -> pkix.checkClientTrusted(chain, authType));
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return pkix != null ? pkix.getAcceptedIssuers() : new X509Certificate[0];
    }

    /** A call into the PKIX delegate. */
    @FunctionalInterface
    private interface PkixCheck {
        void run() throws CertificateException;
    }

    private void checkServer(X509Certificate[] chain, SSLSession session, PkixCheck pkixCheck)
            throws CertificateException {
        X509Certificate leaf = leafOf(chain);
        checkProtocol(session);
        String host = session != null ? session.getPeerHost() : null;
        int port = session != null ? session.getPeerPort() : -1;
        if (host == null || host.isEmpty()) {
            throw new CertificateException("Server host unknown: the certificate cannot be verified");
        }
        Optional<RejectionReason> validity = validity(leaf);
        if (validity.isPresent()) {
            throw reject(leaf, host, port, validity.get());
        }
        if (pins.contains(Fingerprints.sha256(leaf))) {
            LOG.debug("TLS {}:{}: pinned certificate {}", host, port, leaf.getSubjectX500Principal());
            rejections.clear(host, port);
            return;
        }
        Optional<RejectionReason> chainProblem = pkixProblem(pkixCheck);
        if (chainProblem.isPresent()) {
            throw reject(leaf, host, port, chainProblem.get());
        }
        if (!HostnameCheck.matches(leaf, host)) {
            throw reject(leaf, host, port, RejectionReason.HOSTNAME_MISMATCH);
        }
        LOG.debug("TLS {}:{}: trusted certificate {}", host, port, leaf.getSubjectX500Principal());
        rejections.clear(host, port);
    }

    private void checkClient(X509Certificate[] chain, SSLSession session, PkixCheck pkixCheck)
            throws CertificateException {
        X509Certificate leaf = leafOf(chain);
        checkProtocol(session);
        Optional<RejectionReason> problem = validity(leaf);
        if (problem.isEmpty() && !pins.contains(Fingerprints.sha256(leaf))) {
            problem = pkixProblem(pkixCheck);
        }
        if (problem.isPresent()) {
            LOG.warn("Refused TLS client certificate {} ({})", leaf.getSubjectX500Principal(), problem.get().text());
            throw new CertificateException("Client certificate " + problem.get().text() + ": "
                    + leaf.getSubjectX500Principal().getName(X500Principal.RFC2253));
        }
    }

    private static X509Certificate leafOf(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0 || chain[0] == null) {
            throw new CertificateException("No certificate presented");
        }
        return chain[0];
    }

    private static void checkProtocol(SSLSession session) throws CertificateException {
        if (session != null && !TlsPolicy.allowsProtocol(session.getProtocol())) {
            throw new CertificateException("Protocol " + session.getProtocol() + " is not allowed");
        }
    }

    private Optional<RejectionReason> validity(X509Certificate leaf) {
        try {
            leaf.checkValidity(Date.from(clock.instant()));
            return Optional.empty();
        } catch (CertificateExpiredException e) {
            return Optional.of(RejectionReason.EXPIRED);
        } catch (CertificateNotYetValidException e) {
            return Optional.of(RejectionReason.NOT_YET_VALID);
        }
    }

    /** Empty when PKIX accepts the chain; otherwise why not. Never throws. */
    private Optional<RejectionReason> pkixProblem(PkixCheck check) {
        if (pkix == null) {
            return Optional.of(RejectionReason.UNTRUSTED);
        }
        try {
            check.run();
            return Optional.empty();
        } catch (CertificateException e) {
            LOG.debug("PKIX refused the chain: {}", e.toString());
            return Optional.of(classify(e));
        } catch (RuntimeException e) {
            // Measured with jain-sip: delegates can fail with RuntimeExceptions (e.g. no anchors).
            LOG.warn("PKIX trust manager failed: {}", e.toString());
            return Optional.of(RejectionReason.UNTRUSTED);
        }
    }

    private static RejectionReason classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CertificateExpiredException) {
                return RejectionReason.EXPIRED;
            }
            if (t instanceof CertificateNotYetValidException) {
                return RejectionReason.NOT_YET_VALID;
            }
            if (t instanceof CertPathValidatorException v) {
                if (v.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
                    return RejectionReason.EXPIRED;
                }
                if (v.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
                    return RejectionReason.NOT_YET_VALID;
                }
                if (v.getReason() == PKIXReason.NO_TRUST_ANCHOR) {
                    return RejectionReason.UNTRUSTED;
                }
            }
        }
        return RejectionReason.UNTRUSTED;
    }

    private CertificateException reject(X509Certificate leaf, String host, int port, RejectionReason reason) {
        RejectedCertificate r = new RejectedCertificate(HostNames.canonical(host), port, Fingerprints.sha256(leaf),
                leaf.getSubjectX500Principal().getName(X500Principal.RFC2253),
                leaf.getIssuerX500Principal().getName(X500Principal.RFC2253),
                leaf.getNotAfter().toInstant(), reason, clock.instant());
        rejections.record(r);
        LOG.warn("Refused TLS certificate of {}:{}: {}", host, port, r.describe());
        return new CertificateException("Server " + host + ":" + port + ": " + r.describe());
    }
}
