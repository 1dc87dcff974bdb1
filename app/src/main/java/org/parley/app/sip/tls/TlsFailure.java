package org.parley.app.sip.tls;

import java.net.SocketException;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Turns a failed TLS send into "certificate not trusted". With an untrusted certificate jain-sip calls no
 * listener; {@code ClientTransaction.sendRequest()} throws a {@code SipException} whose cause chain holds an
 * {@code SSLHandshakeException} ("No trusted certificate found", "PKIX path building failed", or with our
 * trust manager its message) or just a {@code SocketException} "Socket is closed". None of them carries the
 * certificate: that comes from the {@link CapturingTrustManager}'s log.
 *
 * <p>Pure functions, thread-safe.
 */
public final class TlsFailure {
    private static final int MAX_DEPTH = 32;

    private TlsFailure() {
    }

    /**
     * The certificate refused when {@code failure} happened on a connection to {@code host:port}: present
     * only when the failure looks like a TLS handshake failure and a rejection of that server was
     * recorded.
     */
    public static Optional<RejectedCertificate> rejectionFor(Throwable failure, SipStackTls tls, String host,
                                                             int port) {
        return rejectionFor(failure, tls.rejections(), host, port, Instant.MIN);
    }

    /**
     * Like {@link #rejectionFor(Throwable, SipStackTls, String, int)}, only considering rejections recorded
     * at or after {@code since} (when the failed attempt began), so an old refusal is not blamed for, say, a
     * later handshake timeout.
     */
    public static Optional<RejectedCertificate> rejectionFor(Throwable failure, CertificateRejections rejections,
                                                             String host, int port, Instant since) {
        if (!isHandshakeFailure(failure)) {
            return Optional.empty();
        }
        return rejections.lookup(host, port, since);
    }

    /**
     * Whether the cause chain of {@code failure} contains an {@link SSLException} (handshake failures are
     * {@code SSLHandshakeException}s) or the "Socket is closed" a failed handshake leaves behind.
     */
    public static boolean isHandshakeFailure(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_DEPTH && seen.put(t, Boolean.TRUE) == null;
             t = t.getCause(), depth++) {
            if (t instanceof SSLException) {
                return true;
            }
            if (t instanceof SocketException && t.getMessage() != null && t.getMessage().contains("Socket is closed")) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && (message.contains("PKIX path building failed")
                    || message.contains("No trusted certificate found"))) {
                return true;
            }
        }
        return false;
    }
}
