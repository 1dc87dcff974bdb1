package org.parley.app.sip.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.TrustManager;

/**
 * TLS for media connections that have no CA to check against (MSRP over TLS, RFC 4975 §14.1; the same idea as
 * RFC 8122's {@code a=fingerprint}): each side makes a throw-away self-signed certificate, sends its SHA-256
 * fingerprint in the SDP, and accepts exactly the peer certificate whose fingerprint the peer's SDP carried. The
 * SDP is protected by the TLS signalling, so the fingerprint binds the media connection to the SIP dialog.
 *
 * <p>Thread-safe and immutable after {@link #create}.
 */
public final class FingerprintTls {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final X509Certificate certificate;
    private final KeyStore keys;
    private final char[] password;

    private FingerprintTls(X509Certificate certificate, KeyStore keys, char[] password) {
        this.certificate = certificate;
        this.keys = keys;
        this.password = password;
    }

    /** A fresh EC P-256 identity, in memory only. */
    public static FingerprintTls create() {
        SelfSigned identity = SelfSigned.create("Parley media", Duration.ofDays(2));
        return new FingerprintTls(identity.certificate(), identity.keys(), identity.password());
    }

    /** Our fingerprint as SDP writes it: {@code sha-256 AB:CD:…}. */
    public String sdpFingerprint() {
        return "sha-256 " + Fingerprints.sha256(certificate);
    }

    /**
     * The colon-hex SHA-256 of an SDP fingerprint value ({@code sha-256 AB:…}); empty when it is another
     * algorithm or malformed.
     */
    public static Optional<String> sha256Of(String sdpValue) {
        String[] parts = sdpValue.strip().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].toLowerCase(Locale.ROOT).equals("sha-256")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Fingerprints.normalize(parts[1]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * A context that presents our certificate and trusts only a peer certificate with SHA-256 {@code peer}
     * (colon hex, as {@link #sha256Of} returns). Servers must also require client certificates.
     */
    public SSLContext context(String peer) {
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, password);
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(factory.getKeyManagers(), new TrustManager[] {new PinnedTrust(peer)}, RANDOM);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up media TLS", e);
        }
    }

    /** Trusts one certificate, by fingerprint; no CA, no host name (the fingerprint is the identity). */
    private static final class PinnedTrust extends X509ExtendedTrustManager {
        private final String expected;

        PinnedTrust(String expected) {
            this.expected = Fingerprints.normalize(expected);
        }

        private void check(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("The peer presented no certificate.");
            }
            chain[0].checkValidity();
            if (!Fingerprints.sha256(chain[0]).equals(expected)) {
                throw new CertificateException("The peer's certificate does not match the fingerprint in its SDP.");
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check(chain);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
