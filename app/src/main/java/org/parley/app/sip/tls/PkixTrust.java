package org.parley.app.sip.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the JDK's PKIX trust manager over the anchors a {@link TlsTrust} names: the certificates of the
 * user's trust store plus, if asked, the JVM's default anchors. Stateless.
 */
final class PkixTrust {
    private static final Logger LOG = LoggerFactory.getLogger(PkixTrust.class);

    private PkixTrust() {
    }

    /**
     * The PKIX trust manager, or empty when there is no anchor at all (then only pins can be trusted).
     *
     * @throws IOException              when the trust store cannot be read or its password is wrong
     * @throws GeneralSecurityException when the trust store format is unknown
     */
    static Optional<X509ExtendedTrustManager> build(TlsTrust trust) throws IOException, GeneralSecurityException {
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        int count = 0;
        if (trust.trustStore() != null) {
            for (X509Certificate x : TrustFile.certificates(trust.trustStore(), trust.trustStorePassword())) {
                anchors.setCertificateEntry("store-" + count++, x);
            }
            LOG.debug("Trust store {}: {} certificates", trust.trustStore(), count);
        }
        if (trust.useSystemDefaults()) {
            TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            defaults.init((KeyStore) null);
            for (TrustManager tm : defaults.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    for (X509Certificate c : x.getAcceptedIssuers()) {
                        anchors.setCertificateEntry("system-" + count++, c);
                    }
                }
            }
        }
        if (anchors.size() == 0) {
            return Optional.empty();
        }
        TrustManagerFactory pkix = TrustManagerFactory.getInstance("PKIX");
        pkix.init(anchors);
        for (TrustManager tm : pkix.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x) {
                return Optional.of(x);
            }
        }
        throw new GeneralSecurityException("The PKIX trust manager factory returned no X509ExtendedTrustManager");
    }
}
