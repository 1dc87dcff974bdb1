package org.parley.app.sip.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads the certificates a user chose to trust: a PEM/DER file of CA certificates (what IT departments hand
 * out) or a PKCS#12/JKS key store. Stateless and thread-safe.
 */
public final class TrustFile {
    private TrustFile() {
    }

    /**
     * @throws IOException              when the file cannot be read, holds no certificate, or its password is wrong
     * @throws GeneralSecurityException when the format is not one of the above
     */
    public static List<X509Certificate> certificates(Path file, char[] password) throws IOException, GeneralSecurityException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64);
        }
        boolean pem = new String(head, StandardCharsets.ISO_8859_1).contains("-----BEGIN");
        List<X509Certificate> result = new ArrayList<>();
        if (pem) {
            result.addAll(x509(file));
        } else {
            try {
                KeyStore store = KeyStore.getInstance(file.toFile(), password);
                for (String alias : Collections.list(store.aliases())) {
                    if (store.getCertificate(alias) instanceof X509Certificate x) {
                        result.add(x);
                    }
                }
            } catch (IOException | GeneralSecurityException keyStoreFailure) {
                try {
                    result.addAll(x509(file)); // a single DER certificate
                } catch (GeneralSecurityException | IOException notDer) {
                    throw keyStoreFailure;
                }
            }
        }
        if (result.isEmpty()) {
            throw new IOException("The trust file " + file + " holds no certificate.");
        }
        return result;
    }

    private static List<X509Certificate> x509(Path file) throws IOException, GeneralSecurityException {
        List<X509Certificate> certificates = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                if (c instanceof X509Certificate x) {
                    certificates.add(x);
                }
            }
        }
        return certificates;
    }
}
